package io.flowport.core.error;

/** The engine rejected the request as invalid. Subclasses say what was invalid. */
public class RequestRejectedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public RequestRejectedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_REQUEST, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected RequestRejectedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
