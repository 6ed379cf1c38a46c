package io.flowport.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees every call and every attempt of it, so metrics and tracing can hook in. For one call the
 * order is: {@link #onCallStart}, then per attempt {@link #beforeAttempt} and {@link #onAttempt},
 * then {@link #onCallEnd} (an attempt cut short by the call's end may report after it). Methods
 * run on whatever thread drives the call (the caller's for the start and first attempt, the
 * client's timer for later attempts, the engine's for answers): keep them quick and
 * non-blocking. An exception a listener throws is logged and ignored; it never fails the call.
 * Only {@link #onAttempt} must be implemented; the rest do nothing by default.
 */
@FunctionalInterface
public interface CallListener {

  /**
   * One attempt finished.
   *
   * @param event the event
   */
  void onAttempt(AttemptEvent event);

  /**
   * A call begins, on the thread that made it; the same {@code call} comes with its other events.
   *
   * @param call the call
   */
  default void onCallStart(Call call) {}

  /**
   * An attempt is about to be sent: headers put on {@code attempt} go onto the wire with it (HTTP
   * headers, gRPC metadata), e.g. W3C trace context.
   *
   * @param attempt the attempt, from 1
   */
  default void beforeAttempt(AttemptStart attempt) {}

  /**
   * A call ended: answered, failed, timed out or cancelled.
   *
   * @param event the event
   */
  default void onCallEnd(CallEnd event) {}

  /**
   * One finished attempt.
   *
   * @param engine the engine name
   * @param operation the operation
   * @param attempt the attempt number, from 1
   * @param duration how long the attempt took
   * @param error the attempt's error, or null when it succeeded
   * @param willRetry whether another attempt follows
   * @param call the call the attempt belongs to
   */
  record AttemptEvent(
      String engine, Operation operation, int attempt, Duration duration, Throwable error, boolean willRetry,
      Call call) {
    /**
     * An event without its call, for code written before calls were reported.
     *
     * @param engine the engine's name, e.g. {@code "zeebe"}
     * @param operation the operation called
     * @param attempt the attempt, from 1
     * @param duration the duration
     * @param error the error
     * @param willRetry the will retry
     */
    public AttemptEvent(String engine, Operation operation, int attempt, Duration duration, Throwable error,
        boolean willRetry) {
      this(engine, operation, attempt, duration, error, willRetry, null);
    }

    /** {@return whether the attempt succeeded} */
    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * One ended call.
   *
   * @param call the call
   * @param attempts how many attempts were started (0 when it ended before the first)
   * @param duration from the call's start to its end, backoff included
   * @param error why it failed ({@link java.util.concurrent.CancellationException} when cancelled),
   *     or null when it succeeded
   */
  record CallEnd(Call call, int attempts, Duration duration, Throwable error) {
    /** {@return whether the call succeeded} */
    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * One call as listeners see it: the same object in each of its events. A listener may keep its
   * own state for the call here ({@link #attach}), e.g. the call's span.
   */
  final class Call {
    private final String engine;
    private final Operation operation;
    private final boolean idempotent;
    private final Map<CallListener, Object> attachments = new ConcurrentHashMap<>(2);

    /**
     * A call of {@code operation} on {@code engine}.
     *
     * @param idempotent whether it may be repeated safely (idempotent or with an idempotency key)
     * @param engine the engine's name, e.g. {@code "zeebe"}
     * @param operation the operation called
     */
    public Call(String engine, Operation operation, boolean idempotent) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
      this.operation = Objects.requireNonNull(operation, "operation == null");
      this.idempotent = idempotent;
    }

    /** {@return the engine name} */
    public String engine() {
      return engine;
    }

    /** {@return the operation} */
    public Operation operation() {
      return operation;
    }

    /** {@return whether the call may be repeated safely} */
    public boolean idempotent() {
      return idempotent;
    }

    /**
     * Keeps {@code value} (null removes it) for {@code owner}; each listener has one slot.
     *
     * @param owner the owner
     * @param value the value
     */
    public void attach(CallListener owner, Object value) {
      Objects.requireNonNull(owner, "owner == null");
      if (value == null) {
        attachments.remove(owner);
      } else {
        attachments.put(owner, value);
      }
    }

    /**
     * {@return what {@code owner} attached, or null}
     *
     * @param <T> the type of the result
     * @param owner the owner
     * @param type the type
     */
    public <T> T attachment(CallListener owner, Class<T> type) {
      Object value = attachments.get(owner);
      return type.isInstance(value) ? type.cast(value) : null;
    }

    @Override
    public String toString() {
      return "Call{" + engine + " " + operation.name() + "}";
    }
  }

  /** An attempt about to be sent, taking headers for the wire. */
  final class AttemptStart {
    private final Call call;
    private final int attempt;
    private final Map<String, String> headers = new LinkedHashMap<>(4);

    /**
     * Attempt {@code attempt} (from 1) of {@code call}.
     *
     * @param call the call
     * @param attempt the attempt, from 1
     */
    public AttemptStart(Call call, int attempt) {
      this.call = Objects.requireNonNull(call, "call == null");
      this.attempt = attempt;
    }

    /** {@return the call} */
    public Call call() {
      return call;
    }

    /** {@return the attempt number, from 1} */
    public int attempt() {
      return attempt;
    }

    /**
     * Sends {@code name: value} with this attempt, replacing an earlier value. Names are
     * lower-cased (gRPC metadata requires it) and must be HTTP tokens not ending in {@code -bin};
     * values printable ASCII. Headers the client's credentials set win over these.
     *
     * @param name the name
     * @param value the value
     * @throws IllegalArgumentException for a name or value the wire would reject
     */
    public void header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.isEmpty() || !lower.chars().allMatch(AttemptStart::isTokenChar) || lower.endsWith("-bin")) {
        throw new IllegalArgumentException("not a usable header name: '" + name + "'");
      }
      if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("the value of header '" + lower + "' is not printable ASCII");
      }
      headers.put(lower, value);
    }

    /** {@return the headers set so far (a copy)} */
    public Map<String, String> headers() {
      return Map.copyOf(headers);
    }

    private static boolean isTokenChar(int c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
