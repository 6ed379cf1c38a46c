package io.flowport.core.error;

/** The definition (id, version or key) is not deployed. */
public class DefinitionNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public DefinitionNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.DEFINITION_NOT_FOUND, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected DefinitionNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
