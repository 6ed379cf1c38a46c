package io.flowport.core.error;

/** The engine rejected the request as invalid. Subclasses say what was invalid. */
public class RequestRejectedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public RequestRejectedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_REQUEST, info, cause);
  }

  protected RequestRejectedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
