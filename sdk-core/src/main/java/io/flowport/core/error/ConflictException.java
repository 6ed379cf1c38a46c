package io.flowport.core.error;

/** The request conflicts with the engine's current state. Subclasses say how. */
public class ConflictException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.CONFLICT, info, cause);
  }

  protected ConflictException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
