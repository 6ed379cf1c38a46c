package io.flowport.core.error;

/** The instance does not exist (or no longer exists). */
public class InstanceNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public InstanceNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INSTANCE_NOT_FOUND, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected InstanceNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
