package io.flowport.micrometer;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.pending;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters a client's calls leave on a real registry. */
class FlowportMetricsTest {
  private static final RetryPolicy FAST = RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private WorkflowClient client(FlowportMetrics metrics, RetryPolicy retry) {
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(retry).listener(metrics).build());
    return client;
  }

  private Timer timer(String name, String operation, String outcome, String exception) {
    return registry.find(name).tags("engine", ScriptedBackend.ENGINE, "operation", operation,
        "outcome", outcome, "exception", exception).timer();
  }

  @Test
  void aRetriedCallCountsOneCallItsAttemptsAndItsRetriesByCause() {
    Operation start = Operation.START_INSTANCE;
    backend.script(start, error(backPressure(start, "busy")), error(backPressure(start, "busy")),
        value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportMetrics.of(registry), FAST);

    client.instances().start(StartRequest.of("order").build()).orTimeout(5, TimeUnit.SECONDS).join();

    Timer calls = timer(FlowportMetrics.CALLS, "start instance", "SUCCESS", "none");
    assertThat(calls.count()).isEqualTo(1);
    assertThat(calls.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(timer(FlowportMetrics.ATTEMPTS, "start instance", "ERROR", "BackPressureException").count()).isEqualTo(2);
    assertThat(timer(FlowportMetrics.ATTEMPTS, "start instance", "SUCCESS", "none").count()).isEqualTo(1);
    assertThat(registry.get(FlowportMetrics.RETRIES).tags("operation", "start instance",
        "exception", "BackPressureException").counter().count()).isEqualTo(2);
  }

  @Test
  void aFailedCallIsTaggedWithItsExceptionType() {
    Operation get = Operation.GET_INSTANCE;
    backend.script(get, error(ErrorKind.INSTANCE_NOT_FOUND.toException(
        new ErrorInfo(ScriptedBackend.ENGINE, get, "404", null, "no instance i-404", null, false))));
    client(FlowportMetrics.of(registry), FAST);

    catchThrowable(() -> client.instances().get("i-404").get(5, TimeUnit.SECONDS));

    assertThat(timer(FlowportMetrics.CALLS, "get instance", "ERROR", "InstanceNotFoundException").count()).isEqualTo(1);
    assertThat(registry.find(FlowportMetrics.RETRIES).counters()).isEmpty();
  }

  @Test
  void aCancelledCallIsTaggedCancelled() {
    backend.script(Operation.GET_INSTANCE, pending(new CompletableFuture<>()));
    client(FlowportMetrics.of(registry), FAST);

    client.instances().get("i-1").cancel(true);

    // The end is recorded on the thread that completes the call, here the canceller's.
    assertThat(timer(FlowportMetrics.CALLS, "get instance", "CANCELLED", "CancellationException").count()).isEqualTo(1);
  }

  @Test
  void theGaugeShowsCallsInFlight() {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(Operation.GET_INSTANCE, pending(wire));
    client(FlowportMetrics.of(registry), FAST);

    CompletableFuture<?> call = client.instances().get("i-1");
    assertThat(registry.get(FlowportMetrics.ACTIVE).tags("operation", "get instance").gauge().value()).isEqualTo(1);

    wire.complete(instance("i-1", InstanceState.RUNNING));
    call.orTimeout(5, TimeUnit.SECONDS).join();
    assertThat(registry.get(FlowportMetrics.ACTIVE).tags("operation", "get instance").gauge().value()).isZero();
  }

  @Test
  void percentilesHistogramBucketsAndExtraTagsAreConfigurable() {
    backend.otherwise(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportMetrics.builder(registry).percentiles(0.5, 0.99)
        .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1)).tag("client", "orders").build(), FAST);

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(registry.find(FlowportMetrics.CALLS + ".percentile").tag("phi", "0.99").tag("client", "orders").gauge())
        .isNotNull();
    Timer calls = registry.get(FlowportMetrics.CALLS).tag("client", "orders").timer();
    assertThat(calls.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
        .containsExactly((double) TimeUnit.MILLISECONDS.toNanos(100), (double) TimeUnit.SECONDS.toNanos(1));
    assertThat(registry.get(FlowportMetrics.ACTIVE).tag("client", "orders").gauge()).isNotNull();
  }

  @Test
  void tagsNeverCarryIdsOrValues() {
    backend.otherwise(Operation.GET_INSTANCE, value(instance("i-secret-id", InstanceState.RUNNING)));
    client(FlowportMetrics.of(registry), FAST);

    client.instances().get("i-secret-id").orTimeout(5, TimeUnit.SECONDS).join();

    Set<String> keys = registry.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream())
        .map(Tag::getKey).collect(Collectors.toSet());
    assertThat(keys).isSubsetOf("engine", "operation", "outcome", "exception");
    assertThat(registry.getMeters()).allSatisfy(m ->
        assertThat(m.getId().getTags()).noneMatch(t -> t.getValue().contains("secret")));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> FlowportMetrics.builder(registry).percentiles(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowportMetrics.builder(registry).serviceLevelObjectives(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowportMetrics.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
