package io.flowport.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.flowport.testkit.fakes.zeebe.RecordedCall;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real adapters over sockets to the fakes: each request carries the traceparent of its attempt span. */
class TracePropagationOnTheWireTest {
  private static final ProcessModel REVIEW =
      ProcessModel.builder("review").startEvent("start").userTask("approve").endEvent("end").build();
  private final Tracing tracing = new Tracing();

  @AfterEach
  void close() {
    tracing.close();
  }

  private ClientOptions options(String endpoint) {
    return ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build())
        .listener(FlowportTracing.builder(tracing.openTelemetry).endpoint(endpoint).build())
        .build();
  }

  @Test
  void flowableRequestsCarryTheTraceparentHeaderOfTheirAttempt() {
    try (FakeFlowableServer fake = FakeFlowableServer.start()) {
      fake.engine().deploy(REVIEW);
      fake.faults().next(1, Fault.backPressure());
      try (FlowableClient client = FlowableClient.builder().baseUrl(fake.baseUrl()).options(options(fake.baseUrl())).build()) {
        client.instances().start(StartRequest.of("review").build()).orTimeout(10, TimeUnit.SECONDS).join();
      }

      List<String> sent = fake.requests().stream().map(r -> r.header("traceparent")).toList();
      List<String> attempts = tracing.spans("flowable/start instance attempt").stream()
          .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
          .map(Tracing::traceparent).toList();
      assertThat(attempts).hasSize(2);
      assertThat(sent).containsSubsequence(attempts);
      SpanData call = tracing.span("flowable/start instance");
      assertThat(call.getAttributes().get(FlowportTracing.SERVER_PORT)).isEqualTo((long) fake.port());
      assertThat(fake.requests()).extracting(RecordedRequest::name).anyMatch(n -> n.startsWith("POST "));
    }
  }

  @Test
  void zeebeCallsCarryTheTraceparentAsGrpcMetadata() {
    try (FakeZeebeGateway gateway = FakeZeebeGateway.start()) {
      gateway.engine().deploy(REVIEW);
      try (ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
          .options(options(gateway.address())).build()) {
        client.instances().start(StartRequest.of("review").build()).orTimeout(10, TimeUnit.SECONDS).join();
      }

      List<Map<String, String>> metadata = gateway.calls().stream()
          .filter(c -> c.method().equals("CreateProcessInstance")).map(RecordedCall::metadata).toList();
      SpanData attempt = tracing.span("zeebe/start instance attempt");
      assertThat(metadata).singleElement()
          .satisfies(m -> assertThat(m).containsEntry("traceparent", Tracing.traceparent(attempt)));
      assertThat(attempt.getParentSpanId()).isEqualTo(tracing.span("zeebe/start instance").getSpanId());
    }
  }
}
