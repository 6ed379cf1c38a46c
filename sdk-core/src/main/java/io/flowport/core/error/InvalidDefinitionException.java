package io.flowport.core.error;

/** The engine refused a definition: malformed, invalid or unsupported content. */
public class InvalidDefinitionException extends RequestRejectedException {
  private static final long serialVersionUID = 1L;

  public InvalidDefinitionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_DEFINITION, info, cause);
  }

  protected InvalidDefinitionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
