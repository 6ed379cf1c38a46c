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
  private final String engine;
  private final Predicate<Operation> supported;
  private final CallExecutor executor;

  /**
   * @param engine the engine the errors name
   * @param supported which operations may run; the others fail with OperationNotSupportedException
   * @param executor runs the attempts
   */
  public GuardedCalls(String engine, Predicate<Operation> supported, CallExecutor executor) {
    this.engine = engine;
    this.supported = supported;
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
   * @param minimumTimeout the least time each attempt and the call get (an engine-side wait)
   */
  public <T> CompletableFuture<T> call(
      Operation op, boolean idempotencyKey, Duration minimumTimeout, CallPlan<T> plan) {
    if (!supported.test(op)) {
      return CompletableFuture.failedFuture(Unsupported.exception(engine, op));
    }
    Function<CallContext, CompletableFuture<T>> attempt;
    try {
      attempt = plan.prepare(Checks.of(engine, op));
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
    }
    return executor.execute(op, idempotencyKey, minimumTimeout, attempt);
  }

  /**
   * Runs only the capability and argument checks of {@code plan}, for calls made of other calls
   * (start-and-await by polling); the failed future when a check fails, otherwise null.
   */
  public <T> CompletableFuture<T> refuse(Operation op, java.util.function.Consumer<Checks> checks) {
    if (!supported.test(op)) {
      return CompletableFuture.failedFuture(Unsupported.exception(engine, op));
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
