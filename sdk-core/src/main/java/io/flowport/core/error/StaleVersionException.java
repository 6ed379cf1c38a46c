package io.flowport.core.error;

/** A callback quoted a state version the node no longer has. */
public class StaleVersionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public StaleVersionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.STALE_VERSION, info, cause);
  }

  protected StaleVersionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
