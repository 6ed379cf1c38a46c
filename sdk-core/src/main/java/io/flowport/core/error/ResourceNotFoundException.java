package io.flowport.core.error;

/** Something the call names does not exist. Subclasses say what. */
public class ResourceNotFoundException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public ResourceNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.NOT_FOUND, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected ResourceNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
