package io.flowport.core.error;

/** The engine failed internally. */
public class EngineInternalException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public EngineInternalException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INTERNAL, info, cause);
  }

  protected EngineInternalException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
