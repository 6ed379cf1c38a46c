package io.flowport.core.spi;

import io.flowport.core.CallListener;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls the way every Flowport client does: attempts with a per-attempt timeout, retries on
 * resilience4j-retry with backoff and jitter, a whole-call timeout, cancellation down to the
 * attempt in flight, listeners told of each attempt, and futures completed on the callback
 * executor. Adapters use it for their engine-specific operations; the unified operations go
 * through it already.
 *
 * <p>It owns one daemon scheduler thread for timers and backoff and, unless the user set a callback
 * executor, the client's {@link CallbackThreads}; {@link #close()} stops both.
 */
public final class CallExecutor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallExecutor.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String engine;
  private final ClientOptions options;
  private final BackendTraits traits;
  /** What the client's credentials hold: taken out of every error before anyone sees it. */
  private final Secrets secrets;
  private final ScheduledThreadPoolExecutor scheduler;
  private volatile Thread timerThread;
  private final Retry idempotentRetry;
  private final Retry plainRetry;
  /** Futures to fail with the "client is closed" error if the executor closes before they end. */
  private final Map<CompletableFuture<?>, Operation> live = new ConcurrentHashMap<>();
  private volatile boolean closed;
  /** Where futures complete: the user's executor, or the client's own callback threads. */
  private final Executor callbacks;
  /** The client's own callback threads, which {@link #close()} stops; null when the user set an executor. */
  private final CallbackThreads ownCallbacks;

  private CallExecutor(String engine, ClientOptions options, BackendTraits traits, Secrets secrets) {
    this.engine = engine;
    this.options = options;
    this.traits = traits;
    this.secrets = java.util.Objects.requireNonNull(secrets, "secrets == null");
    Executor given = options.hasCallbackExecutor() ? options.callbackExecutor() : null;
    // A CallbackThreads in the options is a default a builder made early (for a REST transport): ours to close.
    this.ownCallbacks = given == null ? CallbackThreads.create(engine) : given instanceof CallbackThreads c ? c : null;
    this.callbacks = ownCallbacks != null ? ownCallbacks : given;
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "flowport-" + engine + "-timer-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      timerThread = t;
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    this.idempotentRetry = Retry.of(engine + "-idempotent", retryConfig(options.retryPolicy(), true));
    this.plainRetry = Retry.of(engine, retryConfig(options.retryPolicy(), false));
  }

  /**
   * {@return an executor for {@code engine} with {@code options}, for a backend that promises nothing}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param options the options
   */
  public static CallExecutor create(String engine, ClientOptions options) {
    return new CallExecutor(engine, options, BackendTraits.CONSERVATIVE, Secrets.create());
  }

  /**
   * {@return an executor for a backend with {@code traits}: it skips the work the backend already does}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param options the options
   * @param traits the traits
   */
  public static CallExecutor create(String engine, ClientOptions options, BackendTraits traits) {
    return new CallExecutor(engine, options, traits, Secrets.create());
  }

  /**
   * {@return an executor for a backend with {@code traits} whose credentials hold {@code secrets}: every
   * error it delivers, to the caller and to listeners, has them redacted from its messages and causes}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param options the options
   * @param traits the traits
   * @param secrets the secrets the backend's credentials hold (it keeps adding to them)
   */
  public static CallExecutor create(String engine, ClientOptions options, BackendTraits traits, Secrets secrets) {
    return new CallExecutor(engine, options, traits, secrets);
  }

  /** {@return the engine} */
  public String engine() {
    return engine;
  }

  /** {@return the options} */
  public ClientOptions options() {
    return options;
  }

  /**
   * Where the futures of this client complete: the user's {@link ClientOptions#callbackExecutor()}
   * when set, else the client's own {@link CallbackThreads}.
   *
   * @return the callback executor
   */
  public Executor callbackExecutor() {
    return callbacks;
  }

  /** {@return the executor's scheduler, for adapters that need a timer (pollers)} Never block on it. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /**
   * {@return whether an attempt that failed with {@code error} may be repeated: the error is retryable and
   * either the engine certainly did nothing or the call is idempotent}
   *
   * @param error the error
   * @param idempotent the idempotent
   */
  public static boolean isSafeToRetry(Throwable error, boolean idempotent) {
    return error instanceof WorkflowException we
        && we.isRetryable()
        && (idempotent || !we.requestMayHaveBeenProcessed());
  }

  /**
   * Runs one call.
   *
   * @param operation what the call does
   * @param hasIdempotencyKey true when the request carries a key the engine deduplicates on
   *     (a message id), which makes even a non-idempotent operation safe to repeat
   * @param attempt makes one attempt; it is called once per attempt
   * @param <T> the type of the result
   * @return a future of the result, or failed with a WorkflowException
   */
  public <T> CompletableFuture<T> execute(
      Operation operation, boolean hasIdempotencyKey, Function<CallContext, CompletableFuture<T>> attempt) {
    return execute(operation, hasIdempotencyKey, Duration.ZERO, attempt);
  }

  /**
   * Runs one call that asks the engine to wait (start-and-await with its own timeout, a job
   * long-poll). {@code awaitTimeout} is that wait plus the trip back: each attempt gets exactly
   * that long, longer or shorter than the configured attempt timeout, because the wait, not the
   * attempt timeout, says when an answer is due (an engine that ignores its wait then still ends
   * on time); the whole call gets at least that long. {@link Duration#ZERO} means no wait: the
   * configured timeouts apply.
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param hasIdempotencyKey the has idempotency key
   * @param awaitTimeout the await timeout
   * @param attempt the attempt, from 1
   * @return a future of the result, or failed with a WorkflowException
   */
  public <T> CompletableFuture<T> execute(
      Operation operation, boolean hasIdempotencyKey, Duration awaitTimeout,
      Function<CallContext, CompletableFuture<T>> attempt) {
    boolean awaits = awaitTimeout != null && awaitTimeout.compareTo(Duration.ZERO) > 0;
    Duration attemptTimeout = awaits ? awaitTimeout : options.attemptTimeout();
    Duration callTimeout = awaits ? max(options.apiCallTimeout(), awaitTimeout) : options.apiCallTimeout();
    if (closed) {
      return CompletableFuture.failedFuture(closedError(operation));
    }
    boolean idempotent = operation.isIdempotent() || hasIdempotencyKey;
    Retry retry = idempotent ? idempotentRetry : plainRetry;
    CompletableFuture<T> raw = new CompletableFuture<>();
    CompletableFuture<T> user = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    AtomicInteger attempts = new AtomicInteger();
    Instant callDeadline = Instant.now().plus(callTimeout);
    AtomicReference<LazyTimer> callTimerRef = new AtomicReference<>();
    // Listeners get a per-call object only when there are any: a call without them allocates nothing more.
    CallListener.Call call = options.listeners().isEmpty() ? null : new CallListener.Call(engine, operation, idempotent);
    long callStarted = System.nanoTime();

    Supplier<CompletionStage<T>> oneAttempt = () -> {
      if (raw.isDone()) {
        // Cancelled or timed out meanwhile: no further attempt. Not retryable, so retries stop.
        return CompletableFuture.failedFuture(new CancellationException("call already ended"));
      }
      int n = attempts.incrementAndGet();
      Instant attemptDeadline = min(Instant.now().plus(attemptTimeout), callDeadline);
      CallContext ctx = new CallContext(engine, operation, n, attemptDeadline, call == null ? null : wireHeaders(call, n));
      long started = System.nanoTime();
      CompletableFuture<T> wire = startAttempt(attempt, ctx);
      inFlight.set(wire);
      if (raw.isDone()) {
        wire.cancel(true); // the call ended while this attempt was being started
      }
      boolean boundByCall = attemptDeadline.equals(callDeadline);
      Supplier<String> limit = () -> boundByCall
          ? "the call did not finish within " + callTimeout + " (api call timeout)"
          : "attempt " + n + " did not finish within " + attemptTimeout + " (attempt timeout)";
      CompletableFuture<T> timed = withAttemptTimeout(wire, ctx, limit);
      return timed.whenComplete((v, e) -> {
        Throwable error = unwrap(e);
        boolean willRetry = error != null && !raw.isDone() && n < options.retryPolicy().maxAttempts()
            && isSafeToRetry(error, idempotent);
        if (willRetry) {
          callTimerRef.get().start(); // backoff and later attempts are bounded by the call timeout
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        logAttempt(operation, n, took, error);
        if (!options.listeners().isEmpty()) {
          notifyListeners(new CallListener.AttemptEvent(engine, operation, n, took, error, willRetry, call));
        }
      });
    };

    // The first attempt is bounded by its own deadline, which never passes the call's; the
    // whole-call timer is only needed once a retry is coming, so a call that succeeds at once
    // sets none.
    LazyTimer callTimer = new LazyTimer(() -> {
      WorkflowException timeout = ErrorKind.TIMEOUT.toException(new ErrorInfo(
          engine, operation, null, null,
          "the call did not finish within " + callTimeout + " (api call timeout)",
          null, attempts.get() > 0));
      raw.completeExceptionally(timeout);
    }, callDeadline);
    callTimerRef.set(callTimer);

    if (call != null) {
      notifyListeners("onCallStart", l -> l.onCallStart(call));
    }
    raw.whenComplete((v, e) -> {
      callTimer.cancel();
      if (e != null) {
        CompletableFuture<?> current = inFlight.get();
        if (current != null && !current.isDone()) {
          current.cancel(true); // the wire side cancels the request
        }
      }
      Throwable error = unwrap(e);
      if (error instanceof WorkflowException we && attempts.get() > 1) {
        we.recordAttempts(attempts.get()); // the message then says how many were made
      }
      if (call != null) { // before the user's future completes, so what they see next is recorded
        CallListener.CallEnd end = new CallListener.CallEnd(
            call, attempts.get(), Duration.ofNanos(System.nanoTime() - callStarted), error);
        notifyListeners("onCallEnd", l -> l.onCallEnd(end));
      }
      deliver(user, v, error);
    });
    completeOnClose(operation, raw);
    user.whenComplete((v, e) -> {
      if (user.isCancelled()) {
        raw.cancel(false);
      }
    });

    try {
      retry.executeCompletionStage(scheduler, oneAttempt).whenComplete((v, e) -> {
        if (e == null) {
          raw.complete(v);
        } else {
          Throwable error = unwrap(e);
          // resilience4j could not schedule the next attempt: the executor was closed meanwhile.
          raw.completeExceptionally(error instanceof RejectedExecutionException ? closedError(operation) : error);
        }
      });
    } catch (RejectedExecutionException closed) {
      raw.completeExceptionally(closedError(operation));
    }
    return user;
  }

  private <T> CompletableFuture<T> startAttempt(Function<CallContext, CompletableFuture<T>> attempt, CallContext ctx) {
    try {
      CompletableFuture<T> f = attempt.apply(ctx);
      if (f == null) {
        return CompletableFuture.failedFuture(internalError(ctx.operation(),
            new IllegalStateException("the backend returned no future")));
      }
      return f;
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(internalError(ctx.operation(), e));
    }
  }

  private <T> CompletableFuture<T> withAttemptTimeout(CompletableFuture<T> wire, CallContext ctx, Supplier<String> limit) {
    CompletableFuture<T> timed = new CompletableFuture<>();
    ScheduledFuture<?> timer = traits.enforcesDeadlines() ? null : schedule(() -> {
      WorkflowException timeout = ErrorKind.TIMEOUT.toException(new ErrorInfo(
          engine, ctx.operation(), null, null, limit.get(), null, true));
      if (timed.completeExceptionally(timeout)) {
        wire.cancel(true);
      }
    }, ctx.remaining());
    wire.whenComplete((v, e) -> {
      if (timer != null) {
        timer.cancel(false);
      }
      if (e == null) {
        timed.complete(v);
      } else {
        Throwable error = unwrap(e);
        // The one place every attempt's failure passes: secrets leave it here, before retries, listeners,
        // logs and the caller see it (the executor's own errors name none).
        Throwable typed = error instanceof WorkflowException || error instanceof CancellationException
            ? error : internalError(ctx.operation(), error);
        timed.completeExceptionally(secrets.redact(typed));
      }
    });
    return timed;
  }

  private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      return null;
    }
  }

  private <T> void deliver(CompletableFuture<T> user, T value, Throwable error) {
    Runnable complete = error == null
        ? () -> user.complete(value)
        : () -> user.completeExceptionally(error);
    if (ownCallbacks != null && traits.completesOffIoThreads()
        && Thread.currentThread() != timerThread) {
      complete.run(); // not an I/O thread, and the user asked for no executor: save the hop
      return;
    }
    try {
      callbacks.execute(complete);
    } catch (RejectedExecutionException e) {
      complete.run();
    }
  }

  /** Each attempt at DEBUG: what, which of how many, how long, and how it ended (no values). */
  private void logAttempt(Operation operation, int n, Duration took, Throwable error) {
    if (log.isDebugEnabled()) {
      log.debug("[{}] {}: attempt {} of {} {} in {} ms", engine, operation, n, options.retryPolicy().maxAttempts(),
          error == null ? "succeeded" : "failed: " + cause(error), took.toMillis());
    }
  }

  /**
   * The cause of a failed attempt for the logs: the error's kind and wire status, never the
   * engine's message, which may quote the variables sent.
   */
  private static String cause(Throwable error) {
    if (error instanceof WorkflowException we) {
      String kind = we.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      return we.wireStatus() == null ? kind : kind + " (" + we.wireStatus() + ")";
    }
    return error.getClass().getSimpleName();
  }

  private void notifyListeners(CallListener.AttemptEvent event) {
    notifyListeners("onAttempt", l -> l.onAttempt(event));
  }

  private void notifyListeners(String method, Consumer<CallListener> event) {
    for (CallListener listener : options.listeners()) {
      try {
        event.accept(listener);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        log.warn("call listener {}.{} failed; ignored", listener.getClass().getName(), method, e);
      }
    }
  }

  /** The headers the listeners want sent with attempt {@code n}. */
  private Map<String, String> wireHeaders(CallListener.Call call, int n) {
    CallListener.AttemptStart start = new CallListener.AttemptStart(call, n);
    notifyListeners("beforeAttempt", l -> l.beforeAttempt(start));
    return start.headers();
  }

  private WorkflowException internalError(Operation operation, Throwable cause) {
    return ErrorKind.INTERNAL.toException(new ErrorInfo(engine, operation, null, null,
        "client-side failure: " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        null, true), cause);
  }

  private WorkflowException closedError(Operation operation) {
    return ClientClosedException.of(engine, operation, false);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * {@return the real error behind CompletionException / ExecutionException wrappers}
   *
   * @param e the e
   */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private <T> RetryConfig retryConfig(RetryPolicy policy, boolean idempotent) {
    // resilience4j asks for the delay only once it has decided to retry: the place to log the retry.
    IntervalBiFunction<Object> interval = (attempt, outcome) -> {
      Throwable error = outcome.isLeft() ? unwrap(outcome.getLeft()) : null;
      boolean backPressure = error instanceof BackPressureException;
      long millis = policy.delayBefore(attempt, backPressure).toMillis();
      double spread = policy.jitter() * millis;
      long delay = Math.max(1L, (long) (millis - spread / 2 + ThreadLocalRandom.current().nextDouble() * spread));
      if (error instanceof WorkflowException we) {
        log.info("[{}] {}: attempt {} of {} failed: {}; retrying in {} ms",
            engine, we.operation(), attempt, policy.maxAttempts(), cause(we), delay);
      }
      return delay;
    };
    return RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(e -> isSafeToRetry(unwrap(e), idempotent))
        .failAfterMaxAttempts(false)
        .build();
  }

  /**
   * Registers {@code future} to be failed with the "client is closed" error (a
   * {@link ClientClosedException}, not retryable) if this executor closes before it completes; for operations made of
   * several calls and timers (pollers), whose timers {@link #close()} drops. Fails it at once when
   * the executor is already closed.
   *
   * @param operation the operation called
   * @param future the future
   */
  public void completeOnClose(Operation operation, CompletableFuture<?> future) {
    live.put(future, operation);
    future.whenComplete((v, e) -> live.remove(future));
    if (closed) {
      future.completeExceptionally(closedError(operation));
    }
  }

  /**
   * Stops the scheduler and fails every call still running with the "client is closed" error
   * (a {@link ClientClosedException}, not retryable), cancelling its attempt in flight; no call is left pending.
   */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    for (Map.Entry<CompletableFuture<?>, Operation> call : live.entrySet()) {
      call.getKey().completeExceptionally(closedError(call.getValue()));
    }
    if (ownCallbacks != null) {
      ownCallbacks.close(); // after the failures above were handed to it: they are still delivered
    }
  }

  /** A timer scheduled only when {@link #start()} is first called; cancelling is always safe. */
  private final class LazyTimer {
    private final Runnable task;
    private final Instant deadline;
    private ScheduledFuture<?> scheduled;
    private boolean cancelled;

    LazyTimer(Runnable task, Instant deadline) {
      this.task = task;
      this.deadline = deadline;
    }

    synchronized void start() {
      if (scheduled == null && !cancelled) {
        scheduled = schedule(task, Duration.between(Instant.now(), deadline));
      }
    }

    synchronized void cancel() {
      cancelled = true;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }
  }
}
