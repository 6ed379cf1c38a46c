package io.flowport.core.error;

/** Something with the same identity exists (a message id still alive, a variable on create). */
public class AlreadyExistsException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.ALREADY_EXISTS, info, cause);
  }

  protected AlreadyExistsException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
