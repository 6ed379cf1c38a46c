package io.flowport.core.error;

import io.flowport.core.Operation;

/**
 * The call was made on, or was still running when, its client was closed. Not retryable: the
 * same client will never answer again, so a retry loop must stop rather than wait for it. A call
 * that was in flight when the client closed says whether its request may have reached the engine
 * ({@link #requestMayHaveBeenProcessed()}).
 */
public class ClientClosedException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  /** The message every closed-client error carries. */
  public static final String MESSAGE = "the client is closed";

  /**
   * Creates the exception.
   *
   * @param info what failed: engine, operation and message
   * @param cause the failure underneath, or null
   */
  public ClientClosedException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.CLIENT_CLOSED, info, cause);
  }

  /**
   * For subclasses of their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation and message
   * @param cause the failure underneath, or null
   */
  protected ClientClosedException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }

  /**
   * The error for {@code operation} of {@code engine}'s closed client.
   *
   * @param engine the engine name
   * @param operation the call that met the closed client
   * @param requestMayHaveBeenProcessed true when the request had been sent before the client closed
   * @return the exception
   */
  public static ClientClosedException of(String engine, Operation operation, boolean requestMayHaveBeenProcessed) {
    return (ClientClosedException) ErrorKind.CLIENT_CLOSED.toException(
        new ErrorInfo(engine, operation, null, null, MESSAGE, null, requestMayHaveBeenProcessed));
  }
}
