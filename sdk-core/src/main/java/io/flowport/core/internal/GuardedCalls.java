package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.CallPlan;
import io.flowport.core.spi.Checks;
import io.flowport.core.spi.Unsupported;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every call goes through, unified or engine-specific: the capability check, the argument
 * checks of its {@link CallPlan}, then the {@link CallExecutor}. Never throws: whatever the checks
 * throw becomes a failed future (a stray runtime exception becomes ClientValidationException).
 */
public final class GuardedCalls {
  /**
   * The one margin for calls that ask the engine to wait (native start-and-await, a job
   * long-poll): each attempt, and the call, get the engine's wait plus this, for the answer to
   * travel back. Backends use the attempt's deadline as it is and add no margin of their own.
   */
  public static final Duration AWAIT_MARGIN = Duration.ofSeconds(5);

  private final String engine;
  private final Predicate<Operation> supported;
  private final java.util.function.Function<Operation, String> unsupportedReason;
  private final CallExecutor executor;

  /**
   * @param engine the engine the errors name
   * @param supported which operations may run; the others fail with OperationNotSupportedException
   * @param executor runs the attempts
   */
  public GuardedCalls(String engine, Predicate<Operation> supported, CallExecutor executor) {
    this(engine, supported, op -> null, executor);
  }

  /**
   * As {@link #GuardedCalls(String, Predicate, CallExecutor)}, with why an unsupported operation
   * cannot be done ({@link io.flowport.core.spi.EngineBackend#unsupportedReason}).
   */
  public GuardedCalls(String engine, Predicate<Operation> supported,
      java.util.function.Function<Operation, String> unsupportedReason, CallExecutor executor) {
    this.engine = engine;
    this.supported = supported;
    this.unsupportedReason = unsupportedReason;
    this.executor = executor;
  }

  /** The executor the calls run on. */
  public CallExecutor executor() {
    return executor;
  }

  /** Runs {@code plan} for {@code op}; see the class comment. */
  public <T> CompletableFuture<T> call(Operation op, CallPlan<T> plan) {
    return call(op, false, Duration.ZERO, plan);
  }

  /**
   * Runs {@code plan} for {@code op}.
   *
   * @param idempotencyKey the request carries a key the engine deduplicates on
   * @param awaitTimeout for a call that asks the engine to wait, that wait plus the trip back (each
   *     attempt gets exactly this, the call at least this); ZERO otherwise
   */
  public <T> CompletableFuture<T> call(
      Operation op, boolean idempotencyKey, Duration awaitTimeout, CallPlan<T> plan) {
    if (!supported.test(op)) {
      return CompletableFuture.failedFuture(Unsupported.exception(engine, op, unsupportedReason.apply(op)));
    }
    Function<CallContext, CompletableFuture<T>> attempt;
    try {
      attempt = plan.prepare(Checks.of(engine, op));
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
    }
    return executor.execute(op, idempotencyKey, awaitTimeout, attempt);
  }

  /**
   * Runs {@code plan} for an operation that asks the engine to wait up to {@code engineWait}: its
   * attempts get exactly {@code engineWait} plus {@link #AWAIT_MARGIN} (whatever the attempt timeout),
   * the call at least that.
   */
  public <T> CompletableFuture<T> callAwaiting(Operation op, Duration engineWait, CallPlan<T> plan) {
    Duration wait = engineWait == null || engineWait.isNegative() ? Duration.ZERO : engineWait;
    return call(op, false, wait.plus(AWAIT_MARGIN), plan);
  }

  /**
   * Runs only the capability and argument checks of {@code plan}, for calls made of other calls
   * (start-and-await by polling); the failed future when a check fails, otherwise null.
   */
  public <T> CompletableFuture<T> refuse(Operation op, java.util.function.Consumer<Checks> checks) {
    if (!supported.test(op)) {
      return CompletableFuture.failedFuture(Unsupported.exception(engine, op, unsupportedReason.apply(op)));
    }
    try {
      checks.accept(Checks.of(engine, op));
      return null;
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
    }
  }
}
