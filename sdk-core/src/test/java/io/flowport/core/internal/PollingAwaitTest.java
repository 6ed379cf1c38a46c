package io.flowport.core.internal;

import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-and-await by polling, on a backend that has start and get but no native await. */
class PollingAwaitTest {
  private static final Operation START = Operation.START_INSTANCE;
  private static final Operation GET = Operation.GET_INSTANCE;

  private final ScriptedBackend backend = ScriptedBackend.with(START, GET, Operation.GET_VARIABLES);
  private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-callbacks"));
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    callbacks.shutdownNow();
  }

  private WorkflowClient client() {
    client = WorkflowClients.create(backend, ClientOptions.builder().callbackExecutor(callbacks).build());
    return client;
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    return CallExecutor.unwrap(catchThrowable(() -> f.get(5, TimeUnit.SECONDS)));
  }

  @Test
  void startAndAwaitIsOfferedByPolling() {
    assertThat(client().capabilities().supports(Operation.START_AND_AWAIT)).isTrue();
    try (WorkflowClient startOnly = WorkflowClients.create(ScriptedBackend.with(START), ClientOptions.defaults())) {
      assertThat(startOnly.capabilities().supports(Operation.START_AND_AWAIT)).isFalse();
    }
  }

  @Test
  void completesWhenGetReportsATerminalStateWithItsVariables() {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.script(GET, value(instance("i-1", InstanceState.RUNNING)), value(instance("i-1", InstanceState.COMPLETED)));
    backend.script(Operation.GET_VARIABLES, value(Map.of("total", 42, "status", "paid")));

    Instance done = client().instances().startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(5))
        .orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(done.id()).isEqualTo("i-1");
    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(done.variables()).isEqualTo(Map.of("total", 42, "status", "paid"));
    assertThat(backend.attempts(GET)).hasSize(2).allSatisfy(a -> assertThat(a.args()).containsExactly("i-1"));
    assertThat(backend.attempts(START)).hasSize(1);
  }

  @Test
  void returnsOnlyTheVariablesAskedFor() {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.script(GET, value(instance("i-1", InstanceState.FAILED)));
    backend.script(Operation.GET_VARIABLES, value(Map.of("total", 42, "secret", "x")));

    Instance done = client().instances()
        .startAndAwait(StartRequest.of("order").fetchVariables(List.of("total", "absent")).build(), Duration.ofSeconds(5))
        .orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(done.state()).isEqualTo(InstanceState.FAILED);
    assertThat(done.variables()).isEqualTo(Map.of("total", 42));
  }

  @Test
  void anInstanceThatEndsAtOnceIsNotPolled() {
    backend.script(START, value(instance("i-1", InstanceState.COMPLETED)));
    backend.script(Operation.GET_VARIABLES, value(Map.of()));

    Instance done = client().instances().startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(5))
        .orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(backend.attempts(GET)).isEmpty();
  }

  @Test
  void timesOutWhenTheInstanceNeverEnds() {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.otherwise(GET, value(instance("i-1", InstanceState.RUNNING)));
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<Instance> f = client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofMillis(120));
    CompletableFuture<Instance> seen = f.whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));

    Throwable error = failureOf(seen);
    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(((WorkflowTimeoutException) error).operation()).isEqualTo(Operation.START_AND_AWAIT);
    assertThat(thread.get()).as("delivered on the callback executor").isEqualTo("user-callbacks");
  }

  @Test
  void theTimeoutCarriesTheStartedIdAndIsNotRetryable() {
    backend.script(START, value(instance("i-7", InstanceState.RUNNING)));
    backend.otherwise(GET, value(instance("i-7", InstanceState.RUNNING)));

    Throwable error = failureOf(client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofMillis(300)));

    assertThat(error).isInstanceOf(AwaitTimeoutException.class);
    AwaitTimeoutException timeout = (AwaitTimeoutException) error;
    assertThat(timeout.instanceId()).contains("i-7");
    assertThat(timeout.isRetryable()).as("a repeat would start a second instance").isFalse();
    assertThat(timeout.getMessage()).contains("i-7").contains("may still be running");
    assertThat(backend.attempts(START)).as("started once, never again").hasSize(1);
  }

  @Test
  void aTimeoutBeforeTheStartAnsweredSaysTheIdIsNotKnown() {
    backend.otherwise(START, never());

    Throwable error = failureOf(client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofMillis(200)));

    assertThat(error).isInstanceOf(AwaitTimeoutException.class);
    assertThat(((AwaitTimeoutException) error).instanceId()).isEmpty();
    assertThat(((AwaitTimeoutException) error).isRetryable()).isFalse();
    assertThat(error.getMessage()).contains("may have been started").contains("may still be running");
  }

  @Test
  void theTimeoutCancelsThePollInFlight() {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.otherwise(GET, never());

    Throwable error = failureOf(client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(1)));

    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(backend.attempts(GET)).isNotEmpty().allSatisfy(a -> assertThat(a.awaitCancelled(Duration.ofSeconds(5))).isTrue());
  }

  @Test
  void aFailedStartFailsTheAwait() {
    var notFound = ErrorKind.DEFINITION_NOT_FOUND.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, START, "404", null, "no order", null));
    backend.script(START, error(notFound));

    assertThat(failureOf(client().instances().startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(5))))
        .isSameAs(notFound).isInstanceOf(DefinitionNotFoundException.class);
  }

  @Test
  void cancellingTheAwaitCancelsThePollInFlight() throws Exception {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.otherwise(GET, never());

    CompletableFuture<Instance> f = client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(10));
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue();
    f.cancel(true);

    assertThat(backend.attempt(GET, 1).awaitCancelled(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void closingTheClientBetweenPollsFailsTheAwaitInsteadOfHanging() throws Exception {
    backend.script(START, value(instance("i-1", InstanceState.RUNNING)));
    backend.otherwise(GET, value(instance("i-1", InstanceState.RUNNING)));

    CompletableFuture<Instance> f = client().instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(30));
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue(); // now waiting for the next poll
    client.close();

    assertThat(failureOf(f)).isInstanceOf(io.flowport.core.error.ClientClosedException.class)
        .hasMessageContaining("closed");
  }
}
