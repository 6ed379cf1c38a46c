package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.refused;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-attempt timeout, the whole-call timeout, and cancellation by the caller. */
class TimeoutAndCancellationTest {
  private static final Operation GET = Operation.GET_INSTANCE;

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private WorkflowClient client(ClientOptions.Builder options) {
    client = WorkflowClients.create(backend, options.build());
    return client;
  }

  @Test
  void theAttemptTimeoutFailsTheCallAndCancelsTheAttempt() {
    backend.otherwise(GET, never());
    client(ClientOptions.builder().retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofMillis(30)));

    Throwable error = EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(error.getMessage()).contains("attempt timeout");
    assertThat(((WorkflowException) error).operation()).isEqualTo(GET);
    assertThat(backend.attempts(GET)).singleElement().satisfies(a -> assertThat(a.awaitCancelled(Duration.ofSeconds(5))).isTrue());
  }

  @Test
  void theAttemptDeadlineIsPassedToTheBackend() {
    backend.otherwise(GET, value(instance("i-1", InstanceState.RUNNING)));
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(7)));
    Instant before = Instant.now();

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    Instant deadline = backend.attempt(GET, 1).context().deadline();
    assertThat(deadline).isBetween(before.plusSeconds(6), Instant.now().plusSeconds(7));
  }

  @Test
  void theCallTimeoutFiresDuringBackoffAndNoFurtherAttemptStarts() throws Exception {
    // Back pressure pauses 300 ms; the whole call may take only 60 ms.
    backend.otherwise(GET, error(backPressure(GET, "busy")));
    client(ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).backPressureBaseDelay(Duration.ofMillis(300)).jitter(0).build())
        .apiCallTimeout(Duration.ofMillis(60)));

    Throwable error = EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(error.getMessage()).contains("api call timeout");
    // Past the moment the backoff ends: still one attempt.
    assertThat(backend.awaitAttempts(GET, 2, Duration.ofMillis(400))).isFalse();
    assertThat(backend.attempts(GET)).hasSize(1);
  }

  @Test
  void theCallTimeoutCancelsTheAttemptInFlight() throws Exception {
    // Attempt 1 is refused at once, attempt 2 hangs until the call timeout.
    backend.script(GET, error(refused(GET, "refused")), never());
    client(ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(5)).jitter(0).build())
        .attemptTimeout(Duration.ofSeconds(30))
        // Long enough for attempt 2 to start on a loaded machine (at 80 ms it sometimes did not).
        .apiCallTimeout(Duration.ofSeconds(1)));

    Throwable error = EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(backend.attempts(GET)).hasSize(2);
    assertThat(backend.attempt(GET, 2).awaitCancelled(Duration.ofSeconds(5))).isTrue();
    // The second attempt's deadline is the call's, not the attempt timeout's 30 s away.
    assertThat(backend.attempt(GET, 2).context().deadline()).isBefore(Instant.now().plusSeconds(5));
    assertThat(backend.awaitAttempts(GET, 3, Duration.ofMillis(50))).isFalse();
  }

  @Test
  void cancellingTheFutureCancelsTheAttemptInFlightAndStopsRetries() throws Exception {
    backend.script(GET, never(), value(instance("i-1", InstanceState.RUNNING)));
    client(ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(5)).jitter(0).build()));

    CompletableFuture<Instance> f = client.instances().get("i-1");
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue();
    assertThat(f.cancel(true)).isTrue();

    assertThat(f).isCancelled();
    assertThat(backend.attempt(GET, 1).cancelled()).as("the wire call is cancelled").isTrue();
    assertThat(backend.awaitAttempts(GET, 2, Duration.ofMillis(60))).as("no retry after cancel").isFalse();
  }

  @Test
  void cancellingDuringBackoffStopsRetries() throws Exception {
    CountDownLatch failed = new CountDownLatch(1);
    backend.otherwise(GET, error(backPressure(GET, "busy")));
    client(ClientOptions.builder()
        .listener(e -> failed.countDown())
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).backPressureBaseDelay(Duration.ofMillis(40)).jitter(0).build()));

    CompletableFuture<Instance> f = client.instances().get("i-1");
    assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue(); // attempt 1 failed; backoff running
    f.cancel(true);

    assertThat(catchThrowable(f::join)).isInstanceOf(CancellationException.class);
    assertThat(backend.awaitAttempts(GET, 2, Duration.ofMillis(120))).isFalse();
  }

  @Test
  void closingTheClientCompletesCallsWaitingInBackoff() throws Exception {
    CountDownLatch failed = new CountDownLatch(1);
    backend.otherwise(GET, error(backPressure(GET, "busy")));
    client(ClientOptions.builder()
        .listener(e -> failed.countDown())
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).backPressureBaseDelay(Duration.ofMillis(200)).jitter(0).build()));

    CompletableFuture<Instance> f = client.instances().get("i-1");
    assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
    client.close();

    Throwable error = EveryFutureCompletesTest.failureOf(f);
    assertThat(error).isInstanceOf(WorkflowException.class);
    assertThat(error.getMessage()).contains("closed");
  }

  @Test
  void closingTheClientCancelsTheAttemptInFlight() {
    backend.otherwise(GET, never());
    client(ClientOptions.builder());

    CompletableFuture<Instance> f = client.instances().get("i-1");
    client.close();

    assertThat(EveryFutureCompletesTest.failureOf(f)).isInstanceOf(WorkflowException.class);
    assertThat(backend.attempt(GET, 1).cancelled()).isTrue();
  }
}
