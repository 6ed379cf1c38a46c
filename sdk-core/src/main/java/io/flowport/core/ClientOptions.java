package io.flowport.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * What every client shares whatever its engine: retries, the two timeouts, listeners and the
 * executor that completes the futures it returns.
 */
public final class ClientOptions {
  private static final ClientOptions DEFAULTS = builder().build();

  private final RetryPolicy retryPolicy;
  private final Duration attemptTimeout;
  private final Duration apiCallTimeout;
  private final List<CallListener> listeners;
  private final Executor callbackExecutor;

  private ClientOptions(Builder b) {
    this.retryPolicy = b.retryPolicy;
    this.attemptTimeout = b.attemptTimeout;
    this.apiCallTimeout = b.apiCallTimeout;
    this.listeners = List.copyOf(b.listeners);
    this.callbackExecutor = b.callbackExecutor;
  }

  /** {@return the defaults} */
  public static ClientOptions defaults() {
    return DEFAULTS;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    Builder b = new Builder()
        .retryPolicy(retryPolicy)
        .attemptTimeout(attemptTimeout)
        .apiCallTimeout(apiCallTimeout);
    b.callbackExecutor = callbackExecutor;
    listeners.forEach(b::listener);
    return b;
  }

  /** {@return the retry policy} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the longest one attempt may take; 30 s by default} */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** {@return the longest a whole call may take, retries and backoff included; 2 min by default} */
  public Duration apiCallTimeout() {
    return apiCallTimeout;
  }

  /** {@return the listeners} */
  public List<CallListener> listeners() {
    return listeners;
  }

  /**
   * The executor set with {@link Builder#callbackExecutor(Executor)}, or the common pool when none
   * was set. Clients do not use that fallback: see {@link Builder#callbackExecutor(Executor)}.
   *
   * @return the executor set, or the common pool
   */
  public Executor callbackExecutor() {
    return callbackExecutor == null ? ForkJoinPool.commonPool() : callbackExecutor;
  }

  /** {@return whether {@link Builder#callbackExecutor(Executor)} was set} */
  public boolean hasCallbackExecutor() {
    return callbackExecutor != null;
  }

  /** Builds {@link ClientOptions}. */
  public static final class Builder {
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration apiCallTimeout = Duration.ofMinutes(2);
    private final List<CallListener> listeners = new ArrayList<>();
    private Executor callbackExecutor;

    private Builder() {}

    /**
     * Sets the retry policy.
     *
     * @param retryPolicy the retry policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets the attempt timeout.
     *
     * @param timeout how long to wait
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /**
     * Sets the api call timeout.
     *
     * @param timeout how long to wait
     * @return this builder
     */
    public Builder apiCallTimeout(Duration timeout) {
      this.apiCallTimeout = positive(timeout, "apiCallTimeout");
      return this;
    }

    /**
     * Sets the listener.
     *
     * @param listener the listener told of each call
     * @return this builder
     */
    public Builder listener(CallListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Completes every future the client returns; user callbacks then always run there.
     *
     * <p>When none is set, futures complete where the adapter's answer arrives if that is not a
     * network I/O thread (gRPC's application executor, the in-memory engine's caller), else on the
     * client's own callback threads: at most {@value io.flowport.core.spi.CallbackThreads#MAX_THREADS}
     * named daemon threads ({@code flowport-<engine>-callback-N}) that end when idle and that
     * {@code close()} stops. The JVM's common pool is never used: on a small machine it has one
     * thread, shared with everything else. To run callbacks in place on whatever thread completes
     * the call (an I/O thread included: never block in them), pass {@code Runnable::run}.
     *
     * @param executor where futures complete; the client never shuts it down
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    /** {@return the build} */
    public ClientOptions build() {
      return new ClientOptions(this);
    }
  }
}
