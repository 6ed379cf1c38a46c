package io.flowport.core.error;

/** The instance or node is not in a state that allows the operation (suspend a suspended instance, retry a node that has not failed). */
public class IllegalTransitionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.ILLEGAL_TRANSITION, info, cause);
  }

  protected IllegalTransitionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
