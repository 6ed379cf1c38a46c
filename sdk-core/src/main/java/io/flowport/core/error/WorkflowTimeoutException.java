package io.flowport.core.error;

/** An attempt or the whole call took longer than allowed, or the engine's own wait ran out. */
public class WorkflowTimeoutException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public WorkflowTimeoutException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.TIMEOUT, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected WorkflowTimeoutException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
