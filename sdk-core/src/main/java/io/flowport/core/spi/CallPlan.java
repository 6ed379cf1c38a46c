package io.flowport.core.spi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How one call is made: check its arguments, then hand back the attempt the
 * {@link CallExecutor} runs (once per attempt, retries included). Checks throw; the client turns
 * what they throw into a failed future, so a call never throws.
 *
 * @param <T> the call's result
 */
@FunctionalInterface
public interface CallPlan<T> {
  /**
   * Checks the arguments with {@code check} (which throws ClientValidationException) and returns
   * the attempt. Runs once per call, on the caller's thread, before anything is sent.
   *
   * @param check the check
   * @return the function
   */
  Function<CallContext, CompletableFuture<T>> prepare(Checks check);
}
