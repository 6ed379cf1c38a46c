package io.flowport.core.error;

/** The engine answered with a status this client has no meaning for. */
public class UnknownStatusException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public UnknownStatusException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNKNOWN_STATUS, info, cause);
  }

  protected UnknownStatusException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
