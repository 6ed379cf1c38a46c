package io.flowport.core.error;

/** The instance does not exist (or no longer exists). */
public class InstanceNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  public InstanceNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.INSTANCE_NOT_FOUND, info, cause);
  }

  protected InstanceNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
