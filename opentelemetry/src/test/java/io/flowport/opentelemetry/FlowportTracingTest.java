package io.flowport.opentelemetry;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans and propagated context of calls through a real client, exported by the OpenTelemetry SDK. */
class FlowportTracingTest {
  private static final RetryPolicy FAST = RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build();
  private final Tracing tracing = new Tracing();
  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    tracing.close();
  }

  private WorkflowClient client(FlowportTracing listener) {
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(FAST).listener(listener).build());
    return client;
  }

  @Test
  @SuppressWarnings("try") // the scope only makes the parent current
  void aRetriedCallIsOneClientSpanUnderTheCallersSpanWithOneChildPerAttempt() {
    Operation start = Operation.START_INSTANCE;
    backend.script(start, error(backPressure(start, "busy")), value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportTracing.of(tracing.openTelemetry));

    Span parent = tracing.openTelemetry.getTracer("test").spanBuilder("handle order").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.instances().start(StartRequest.of("order").build()).orTimeout(5, TimeUnit.SECONDS).join();
    } finally {
      parent.end();
    }

    SpanData call = tracing.span("scripted/start instance");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(call.getAttributes().get(FlowportTracing.RPC_SYSTEM)).isEqualTo("flowport");
    assertThat(call.getAttributes().get(FlowportTracing.RPC_SERVICE)).isEqualTo("scripted");
    assertThat(call.getAttributes().get(FlowportTracing.RPC_METHOD)).isEqualTo("start instance");
    assertThat(call.getAttributes().get(FlowportTracing.ATTEMPTS)).isEqualTo(2L);
    assertThat(call.getInstrumentationScopeInfo().getName()).isEqualTo(FlowportTracing.SCOPE);

    List<SpanData> attempts = tracing.spans("scripted/start instance attempt");
    assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.getParentSpanId()).isEqualTo(call.getSpanId()));
    SpanData first = attempts.stream().filter(a -> a.getAttributes().get(FlowportTracing.ATTEMPT) == 1L).findFirst().orElseThrow();
    assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(first.getAttributes().get(FlowportTracing.WILL_RETRY)).isTrue();
    assertThat(first.getAttributes().get(FlowportTracing.ERROR_TYPE)).isEqualTo("io.flowport.core.error.BackPressureException");
    assertThat(first.getAttributes().get(FlowportTracing.ERROR_KIND)).isEqualTo("BACK_PRESSURE");
    assertThat(first.getAttributes().get(FlowportTracing.WIRE_STATUS)).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(first.getEvents()).extracting(e -> e.getName()).contains("exception");
  }

  @Test
  void eachAttemptSendsTheTraceparentOfItsOwnSpan() {
    Operation get = Operation.GET_INSTANCE;
    backend.script(get, error(backPressure(get, "busy")), value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportTracing.of(tracing.openTelemetry));

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    for (int n = 1; n <= 2; n++) {
      int attempt = n;
      SpanData span = tracing.spans("scripted/get instance attempt").stream()
          .filter(a -> a.getAttributes().get(FlowportTracing.ATTEMPT) == attempt).findFirst().orElseThrow();
      assertThat(backend.attempt(get, n).context().headers())
          .containsEntry("traceparent", Tracing.traceparent(span));
    }
  }

  @Test
  void aFailedCallEndsInErrorWithTheExceptionRecorded() {
    Operation get = Operation.GET_INSTANCE;
    backend.otherwise(get, error(backPressure(get, "still busy")));
    client(FlowportTracing.of(tracing.openTelemetry));

    catchThrowable(() -> client.instances().get("i-1").get(5, TimeUnit.SECONDS));

    SpanData call = tracing.span("scripted/get instance");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getStatus().getDescription()).contains("still busy");
    assertThat(call.getAttributes().get(FlowportTracing.ERROR_TYPE)).endsWith("BackPressureException");
    assertThat(call.getAttributes().get(FlowportTracing.ATTEMPTS)).isEqualTo(4L);
    assertThat(tracing.spans("scripted/get instance attempt")).hasSize(4);
  }

  @Test
  void aCancelledCallIsNotAnErrorAndItsOpenAttemptEndsWithIt() throws Exception {
    backend.otherwise(Operation.GET_INSTANCE, never());
    client(FlowportTracing.of(tracing.openTelemetry));

    CompletableFuture<?> call = client.instances().get("i-1");
    assertThat(backend.awaitAttempts(Operation.GET_INSTANCE, 1, Duration.ofSeconds(5))).isTrue();
    call.cancel(true);

    SpanData span = tracing.span("scripted/get instance");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(FlowportTracing.CANCELLED)).isTrue();
    assertThat(tracing.spans("scripted/get instance attempt")).singleElement()
        .satisfies(a -> assertThat(a.hasEnded()).isTrue());
  }

  @Test
  void theEndpointBecomesServerAttributesWithoutItsUserInfo() {
    backend.otherwise(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportTracing.builder(tracing.openTelemetry)
        .endpoint("https://rest-admin:s3cret@flowable.internal:8443/flowable-rest/service").build());

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    SpanData call = tracing.span("scripted/get instance");
    assertThat(call.getAttributes().get(FlowportTracing.SERVER_ADDRESS)).isEqualTo("flowable.internal");
    assertThat(call.getAttributes().get(FlowportTracing.SERVER_PORT)).isEqualTo(8443L);
    assertThat(call.getAttributes().toString()).doesNotContain("s3cret");
  }

  @Test
  void zeebeStyleEndpointsParseToo() {
    backend.otherwise(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    client(FlowportTracing.builder(tracing.openTelemetry).endpoint("gw-1.zeebe:26500,gw-2.zeebe:26500").build());

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    SpanData call = tracing.span("scripted/get instance");
    assertThat(call.getAttributes().get(FlowportTracing.SERVER_ADDRESS)).isEqualTo("gw-1.zeebe");
    assertThat(call.getAttributes().get(FlowportTracing.SERVER_PORT)).isEqualTo(26500L);
    assertThatThrownBy(() -> FlowportTracing.builder(tracing.openTelemetry).endpoint(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
