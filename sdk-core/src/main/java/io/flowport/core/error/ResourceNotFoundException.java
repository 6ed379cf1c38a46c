package io.flowport.core.error;

/** Something the call names does not exist. Subclasses say what. */
public class ResourceNotFoundException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.NOT_FOUND, info, cause);
  }

  protected ResourceNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
