package io.flowport.core.error;

/** The engine's answer was not what the engine sends (HTML from a proxy, truncated or empty body); the message holds a short excerpt. */
public class UnexpectedResponseException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public UnexpectedResponseException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNEXPECTED_RESPONSE, info, cause);
  }

  protected UnexpectedResponseException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
