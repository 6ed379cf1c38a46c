package io.flowport.core.error;

/** The engine refused a definition: malformed, invalid or unsupported content. */
public class InvalidDefinitionException extends RequestRejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public InvalidDefinitionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_DEFINITION, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected InvalidDefinitionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
