package io.flowport.core.error;

/** The engine refused the variables (for example not a JSON object). */
public class InvalidVariablesException extends RequestRejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public InvalidVariablesException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INVALID_VARIABLES, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected InvalidVariablesException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
