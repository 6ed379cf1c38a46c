package io.flowport.core.error;

/** The instance has no such variable. */
public class VariableNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public VariableNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.VARIABLE_NOT_FOUND, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected VariableNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
