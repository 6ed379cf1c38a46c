package io.flowport.grpc.zeebe;

import io.flowport.core.CallListener;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

final class TestClients {
  private TestClients() {}

  static ClientOptions.Builder fast() {
    return ClientOptions.builder()
        .attemptTimeout(Duration.ofSeconds(5))
        .apiCallTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
            .backPressureBaseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build());
  }

  static ZeebeClient plain(String address, ClientOptions options) {
    return ZeebeClient.builder().gatewayAddress(address).usePlaintext().options(options).build();
  }

  /** The exception a future failed with (unwrapped), failing the test when it succeeds. */
  static WorkflowException failure(CompletableFuture<?> f) {
    try {
      Object v = f.get(15, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (Exception e) {
      Throwable t = CallExecutor.unwrap(e);
      if (t instanceof WorkflowException we) {
        return we;
      }
      throw new AssertionError("expected a WorkflowException", t);
    }
  }

  /** Retries {@code assertion} for up to 5 s. */
  static void eventually(Runnable assertion) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Records every attempt. */
  static final class Attempts implements CallListener {
    final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onAttempt(AttemptEvent event) {
      events.add(event);
    }
  }
}
