package io.flowport.core.error;

/** The engine did not accept the credentials (or none were sent). */
public class AuthenticationException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.AUTHENTICATION, info, cause);
  }

  protected AuthenticationException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
