package io.flowport.core.error;

/** The instance has no such node. */
public class NodeNotFoundException extends ResourceNotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public NodeNotFoundException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.NODE_NOT_FOUND, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected NodeNotFoundException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
