package io.flowport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.spi.CallExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A native start-and-await may wait longer than the attempt timeout: the user asked it to. */
class StartAndAwaitTimeoutTest {
  private final ScheduledExecutorService engineSide = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    engineSide.shutdownNow();
  }

  /** Answers start-and-await after {@code answerAfter}, and records the attempt's deadline. */
  private EngineBackend backend(Duration answerAfter, AtomicReference<CallContext> seen) {
    return new EngineBackend() {
      @Override
      public String engine() {
        return "slow";
      }

      @Override
      public Set<Operation> capabilities() {
        return Set.of(Operation.START_AND_AWAIT);
      }

      @Override
      public void close() {}

      @Override
      public CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
        seen.set(ctx);
        CompletableFuture<Instance> f = new CompletableFuture<>();
        engineSide.schedule(() -> f.complete(Instance.builder().id("1").state(InstanceState.COMPLETED).build()),
            answerAfter.toMillis(), TimeUnit.MILLISECONDS);
        return f;
      }
    };
  }

  /** Answers start-and-await with the engine's own timeout, as Zeebe's DEADLINE_EXCEEDED maps. */
  private static EngineBackend timingOut(AtomicInteger calls) {
    return new EngineBackend() {
      @Override
      public String engine() {
        return "native";
      }

      @Override
      public Set<Operation> capabilities() {
        return Set.of(Operation.START_AND_AWAIT);
      }

      @Override
      public void close() {}

      @Override
      public CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
        calls.incrementAndGet();
        return CompletableFuture.failedFuture(new WorkflowTimeoutException(new ErrorInfo("native",
            ctx.operation(), "DEADLINE_EXCEEDED", null, "Time out between gateway and broker", null, true), null));
      }
    };
  }

  @Test
  void aNativeAwaitThatRunsOutIsNotRetryableAndSaysTheInstanceMayRun() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ClientOptions options = ClientOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();
    try (WorkflowClient client = WorkflowClients.create(timingOut(calls), options)) {
      Throwable error = CallExecutor.unwrap(catchThrowable(() -> client.instances()
          .startAndAwait(StartRequest.of("p").build(), Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS)));
      assertThat(error).isInstanceOf(AwaitTimeoutException.class);
      AwaitTimeoutException timeout = (AwaitTimeoutException) error;
      assertThat(timeout.isRetryable()).isFalse();
      assertThat(timeout.instanceId()).as("the engine answers only at the end").isEmpty();
      assertThat(timeout.getMessage()).contains("DEADLINE_EXCEEDED").contains("may still be running")
          .contains("id is not known");
      assertThat(timeout.rethrownHere()).isInstanceOf(AwaitTimeoutException.class)
          .satisfies(e -> assertThat(((WorkflowException) e).isRetryable()).isFalse());
      assertThat(calls.get()).as("never started twice").isEqualTo(1);
    }
  }

  @Test
  void awaitLongerThanTheAttemptTimeoutIsAllowed() {
    AtomicReference<CallContext> seen = new AtomicReference<>();
    ClientOptions options = ClientOptions.builder()
        .attemptTimeout(Duration.ofMillis(100))
        .apiCallTimeout(Duration.ofMillis(150))
        .retryPolicy(RetryPolicy.none())
        .build();
    try (WorkflowClient client = WorkflowClients.create(backend(Duration.ofMillis(400), seen), options)) {
      Instance done = client.instances()
          .startAndAwait(StartRequest.of("p").build(), Duration.ofSeconds(2))
          .get(5, TimeUnit.SECONDS);
      assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
      assertThat(seen.get().remaining()).as("the deadline passed to the wire covers the await")
          .isGreaterThan(Duration.ofSeconds(1));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
