package io.flowport.core.error;

/** The engine is overloaded and refused the request without doing it; retrying later is safe. */
public class BackPressureException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public BackPressureException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.BACK_PRESSURE, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected BackPressureException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
