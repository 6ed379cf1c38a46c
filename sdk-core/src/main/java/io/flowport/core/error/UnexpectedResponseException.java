package io.flowport.core.error;

/** The engine's answer was not what the engine sends (HTML from a proxy, truncated or empty body); the message holds a short excerpt. */
public class UnexpectedResponseException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public UnexpectedResponseException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNEXPECTED_RESPONSE, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected UnexpectedResponseException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
