package io.flowport.core.error;

/** This engine, or this client, cannot do the operation. */
public class OperationNotSupportedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public OperationNotSupportedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNSUPPORTED, info, cause);
  }

  protected OperationNotSupportedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
