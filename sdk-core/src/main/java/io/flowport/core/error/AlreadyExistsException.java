package io.flowport.core.error;

/** Something with the same identity exists (a message id still alive, a variable on create). */
public class AlreadyExistsException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public AlreadyExistsException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.ALREADY_EXISTS, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected AlreadyExistsException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
