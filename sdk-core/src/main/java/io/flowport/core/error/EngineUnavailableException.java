package io.flowport.core.error;

/** The engine could not be reached or is not serving. */
public class EngineUnavailableException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public EngineUnavailableException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.UNAVAILABLE, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected EngineUnavailableException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
