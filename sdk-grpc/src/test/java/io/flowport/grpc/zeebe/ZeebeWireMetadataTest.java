package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.CallListener;
import io.flowport.core.model.StartRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Headers a listener sets before an attempt arrive as that attempt's gRPC metadata. */
class ZeebeWireMetadataTest {
  static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
  ScriptedGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new ScriptedGateway();
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  /** Sends a traceparent naming the attempt. */
  static final class Tracing implements CallListener {
    @Override
    public void beforeAttempt(AttemptStart attempt) {
      attempt.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00000000000000a" + attempt.attempt() + "-01");
    }

    @Override
    public void onAttempt(AttemptEvent event) {}
  }

  @Test
  void eachAttemptCarriesItsOwnHeadersAsMetadata() {
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.RESOURCE_EXHAUSTED, "backpressure"));
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().listener(new Tracing()).build())) {
      client.instances().start(StartRequest.of("order").build()).join();
    }

    List<String> sent = gateway.seen.stream()
        .filter(s -> s.method().equals("CreateProcessInstance"))
        .map(s -> s.headers().get(TRACEPARENT))
        .toList();
    assertThat(sent).containsExactly(
        "00-0af7651916cd43dd8448eb211c80319c-00000000000000a1-01",
        "00-0af7651916cd43dd8448eb211c80319c-00000000000000a2-01");
  }

  @Test
  void withoutListenersNoTraceMetadataIsSent() {
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().build())) {
      client.instances().start(StartRequest.of("order").build()).join();
    }

    assertThat(gateway.seen).isNotEmpty().allSatisfy(s -> assertThat(s.headers().get(TRACEPARENT)).isNull());
  }
}
