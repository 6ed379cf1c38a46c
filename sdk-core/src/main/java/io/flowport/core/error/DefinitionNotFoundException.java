package io.flowport.core.error;

/** The definition (id, version or key) is not deployed. */
public class DefinitionNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  public DefinitionNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.DEFINITION_NOT_FOUND, info, cause);
  }

  protected DefinitionNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
