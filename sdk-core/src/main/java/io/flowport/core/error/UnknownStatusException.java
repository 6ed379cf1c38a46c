package io.flowport.core.error;

/** The engine answered with a status this client has no meaning for. */
public class UnknownStatusException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public UnknownStatusException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNKNOWN_STATUS, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected UnknownStatusException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
