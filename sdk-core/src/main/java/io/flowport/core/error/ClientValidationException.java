package io.flowport.core.error;

/** The client refused the arguments before sending anything: a null or blank id, a value that is not JSON, a name that breaks the engine's rules. */
public class ClientValidationException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public ClientValidationException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.CLIENT_VALIDATION, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected ClientValidationException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
