package io.flowport.core.error;

/** The engine refused the variables (for example not a JSON object). */
public class InvalidVariablesException extends RequestRejectedException {
  private static final long serialVersionUID = 1L;

  public InvalidVariablesException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_VARIABLES, info, cause);
  }

  protected InvalidVariablesException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
