package io.flowport.core.error;

/** The client refused the arguments before sending anything: a null or blank id, a value that is not JSON, a name that breaks the engine's rules. */
public class ClientValidationException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public ClientValidationException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.CLIENT_VALIDATION, info, cause);
  }

  protected ClientValidationException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
