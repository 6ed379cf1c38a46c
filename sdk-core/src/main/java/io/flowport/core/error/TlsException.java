package io.flowport.core.error;

/**
 * The TLS handshake failed on the server's certificate: not trusted, for another host, expired or
 * not yet valid. Not retryable: the same certificate fails the same way until someone changes it
 * or the client's trust settings. The engine never saw the request.
 */
public class TlsException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /** Which check failed; null when the cause did not say. */
  private final TlsCheck check;

  /**
   * Creates the exception; the failed check is read from {@code cause}.
   *
   * @param info what failed: engine, operation and message
   * @param cause the TLS stack's failure
   */
  public TlsException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.TLS_FAILURE, info, cause);
    this.check = TlsCheck.of(cause);
  }

  /** {@return which check of the server's certificate failed, or null when the TLS stack did not say} */
  public TlsCheck check() {
    return check;
  }
}
