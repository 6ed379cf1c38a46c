package io.flowport.core.error;

/** The engine could not be reached or is not serving. */
public class EngineUnavailableException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNAVAILABLE, info, cause);
  }

  protected EngineUnavailableException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
