package io.flowport.testkit.fakes.reliability;

import io.flowport.core.spi.CallExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Small waits for the reliability tests: polling with a generous bound, never a tight timing. */
final class Waits {
  private Waits() {}

  /** Polls {@code condition} every 10 ms for up to {@code limit}; whether it became true. */
  static boolean until(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** The error {@code f} failed with (unwrapped), waiting up to 30 s; null if it succeeded. */
  static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return CallExecutor.unwrap(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("the future did not complete", e);
    }
  }

  /** Milliseconds since {@code startNanos}. */
  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
