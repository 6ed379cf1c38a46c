package io.flowport.core.error;

/** The instance has no such node. */
public class NodeNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  public NodeNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.NODE_NOT_FOUND, info, cause);
  }

  protected NodeNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
