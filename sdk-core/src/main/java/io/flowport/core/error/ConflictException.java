package io.flowport.core.error;

/** The request conflicts with the engine's current state. Subclasses say how. */
public class ConflictException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public ConflictException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.CONFLICT, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected ConflictException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
