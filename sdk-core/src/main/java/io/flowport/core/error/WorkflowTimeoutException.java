package io.flowport.core.error;

/** An attempt or the whole call took longer than allowed, or the engine's own wait ran out. */
public class WorkflowTimeoutException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public WorkflowTimeoutException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.TIMEOUT, info, cause);
  }

  protected WorkflowTimeoutException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
