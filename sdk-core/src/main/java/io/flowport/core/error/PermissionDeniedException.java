package io.flowport.core.error;

/** The credentials are valid but may not do this. */
public class PermissionDeniedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.PERMISSION, info, cause);
  }

  protected PermissionDeniedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
