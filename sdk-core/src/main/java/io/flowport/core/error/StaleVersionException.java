package io.flowport.core.error;

/** A callback quoted a state version the node no longer has. */
public class StaleVersionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  public StaleVersionException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.STALE_VERSION, info, cause);
  }

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected StaleVersionException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
