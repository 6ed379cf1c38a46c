package io.flowport.core.error;

/** This engine, or this client, cannot do the operation. */
public class OperationNotSupportedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public OperationNotSupportedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNSUPPORTED, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected OperationNotSupportedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
