package io.flowport.core.error;

/** The instance or node is not in a state that allows the operation (suspend a suspended instance, retry a node that has not failed). */
public class IllegalTransitionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public IllegalTransitionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.ILLEGAL_TRANSITION, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected IllegalTransitionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
