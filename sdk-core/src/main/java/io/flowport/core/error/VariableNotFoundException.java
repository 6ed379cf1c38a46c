package io.flowport.core.error;

/** The instance has no such variable. */
public class VariableNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  public VariableNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.VARIABLE_NOT_FOUND, info, cause);
  }

  protected VariableNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
