package io.flowport.core.error;

import io.flowport.core.Operation;
import java.util.Objects;

/**
 * The root of every error Flowport reports. It says which engine failed, in which operation,
 * what the wire said (HTTP code or gRPC status), the engine's own code and message, the request
 * id where the engine sent one, and whether repeating the call may help.
 *
 * <p>Subclasses are per meaning, not per engine: catch {@link InstanceNotFoundException} whether
 * Zeebe said NOT_FOUND or Flowable said 404. Messages never contain credentials.
 *
 * <p>Serializable: its kind and {@link #info()} survive Java serialization (a remote call, a
 * cache, a job queue), and the copy is of the same subclass.
 */
public class WorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; it decides the subclass and whether a retry may help. */
  private final ErrorKind kind;
  /** Serialized with the exception (ErrorInfo and Operation are serializable), so nothing is lost in a round trip. */
  private final ErrorInfo info;
  /** How many attempts the call made; set once by the call executor when it retried. */
  private volatile int attempts = 1;

  /**
   * For subclasses, which give their own kind.
   *
   * @param kind the subclass's kind
   * @param info what failed: engine, operation, wire status, engine code and message
   * @param cause the failure underneath, or null
   */
  protected WorkflowException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(describe(kind, info), cause);
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.info = Objects.requireNonNull(info, "info == null");
  }

  private static String describe(ErrorKind kind, ErrorInfo info) {
    StringBuilder s = new StringBuilder();
    s.append('[').append(info.engine()).append("] ").append(info.operation()).append(": ");
    s.append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    if (info.wireStatus() != null || info.engineCode() != null) {
      s.append(" (");
      if (info.wireStatus() != null) {
        s.append(info.wireStatus());
      }
      if (info.engineCode() != null) {
        s.append(info.wireStatus() != null ? ", " : "").append(info.engineCode());
      }
      s.append(')');
    }
    if (info.engineMessage() != null && !info.engineMessage().isEmpty()) {
      s.append(": ").append(info.engineMessage());
    }
    if (info.requestId() != null) {
      s.append(" [request ").append(info.requestId()).append(']');
    }
    return s.toString();
  }

  /**
   * The message, ending with how many attempts were made when the call was retried.
   *
   * @return what failed, and how
   */
  @Override
  public String getMessage() {
    int n = attempts;
    return n > 1 ? super.getMessage() + " (after " + n + " attempts)" : super.getMessage();
  }

  /**
   * How many attempts the call made before it failed with this error: 1 unless it was retried.
   *
   * @return the number of attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Records that the call made {@code n} attempts, the last of which failed with this error. The
   * SDK's call executor sets it once, before the error reaches the caller.
   *
   * @param n the number of attempts, at least 1
   * @return this exception
   */
  public WorkflowException recordAttempts(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + n);
    }
    this.attempts = n;
    return this;
  }

  /** {@return the meaning of this error} */
  public ErrorKind kind() {
    return kind;
  }

  /**
   * Everything known about the failed call.
   *
   * @return the error info
   */
  public ErrorInfo info() {
    return info;
  }

  /** {@return the engine} */
  public String engine() {
    return info.engine();
  }

  /** {@return the operation} */
  public Operation operation() {
    return info.operation();
  }

  /** {@return the HTTP code or gRPC status name, or null when nothing came back} */
  public String wireStatus() {
    return info.wireStatus();
  }

  /** {@return the engine's own error code, or null} */
  public String engineCode() {
    return info.engineCode();
  }

  /** {@return the engine's own message (or an excerpt of what it sent), or null} */
  public String engineMessage() {
    return info.engineMessage();
  }

  /** {@return the request id the engine sent, or null} */
  public String requestId() {
    return info.requestId();
  }

  /** {@return whether the same call may succeed when repeated} */
  public boolean isRetryable() {
    return kind.isRetryable();
  }

  /**
   * {@return whether the engine may have done the work although the call failed (a timeout after the
   * request was sent)} A retry of such a call is safe only when the call is idempotent.
   */
  public boolean requestMayHaveBeenProcessed() {
    return info.requestMayHaveBeenProcessed();
  }

  /**
   * {@return a new exception of the same type and content whose stack trace is the current thread's and
   * whose cause is this one} The blocking client throws it so the caller sees its own frames.
   */
  public WorkflowException rethrownHere() {
    return kind.toException(info, this).recordAttempts(attempts);
  }
}
