package io.flowport.core.error;

/** The engine is overloaded and refused the request without doing it; retrying later is safe. */
public class BackPressureException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public BackPressureException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.BACK_PRESSURE, info, cause);
  }

  protected BackPressureException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
