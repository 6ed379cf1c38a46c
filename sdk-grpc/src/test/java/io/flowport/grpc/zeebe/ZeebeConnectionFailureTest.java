package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.StartRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A transport failure of the connection is "unavailable" for every call on it: calls that merely
 * waited on a connection some other answer broke are retried where that is safe.
 */
class ZeebeConnectionFailureTest {
  private static final TopologyResponse TOPOLOGY = TopologyResponse.newBuilder().setGatewayVersion("8.8.21").build();

  @Test
  void answerWithOversizedMetadataBreaksItsConnectionAndTheCallsWaitingOnItAreRetriedWhereSafe() throws Exception {
    CountDownLatch waiting = new CountDownLatch(6);
    try (RawH2Gateway gateway = new RawH2Gateway((request, reply) -> {
      boolean first = request.connection() == 1;
      switch (request.method()) {
        case "Topology", "CreateProcessInstance" -> {
          if (first) {
            waiting.countDown(); // held: never answered on the first connection
          } else if (request.method().equals("Topology")) {
            reply.ok(TOPOLOGY);
          } else {
            reply.ok(CreateProcessInstanceResponse.newBuilder().setProcessInstanceKey(1).build());
          }
        }
        case "ResolveIncident" -> {
          if (first) {
            // 64 KiB of metadata: far over the client's limit, so the client tears the connection down.
            reply.headers(RawH2Gateway.okHeaders().add("x-debug", "b".repeat(64 * 1024)), false);
          } else {
            reply.ok(ResolveIncidentResponse.getDefaultInstance());
          }
        }
        default -> reply.status(12, "not scripted");
      }
    });
        ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().build())) {
      List<CompletableFuture<Topology>> reads = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        reads.add(client.topology());
      }
      CompletableFuture<?> start = client.instances().start(StartRequest.of("order").build());
      assertThat(waiting.await(10, TimeUnit.SECONDS)).as("six calls wait on the first connection").isTrue();

      client.resolveIncident(7).get(15, TimeUnit.SECONDS);

      for (CompletableFuture<Topology> read : reads) {
        assertThat(read.get(15, TimeUnit.SECONDS).gatewayVersion()).isEqualTo("8.8.21");
      }
      assertThat(gateway.count("Topology")).as("each read once per connection").isEqualTo(10);
      WorkflowException e = failure(start);
      assertThat(e).isInstanceOf(EngineUnavailableException.class);
      assertThat(e.requestMayHaveBeenProcessed()).as("it reached the gateway before the connection broke").isTrue();
      assertThat(gateway.count("CreateProcessInstance")).as("a start that may have run is not repeated").isEqualTo(1);
    }
  }

  @Test
  void metadataUpTo16KiBIsAcceptedByDefault() throws Exception {
    try (RawH2Gateway gateway = new RawH2Gateway((request, reply) -> {
      reply.headers(RawH2Gateway.okHeaders().add("x-debug", "m".repeat(12 * 1024)), false);
      reply.data(RawH2Gateway.frame(TOPOLOGY.toByteArray()), false);
      reply.headers(RawH2Gateway.trailers(0, null), true);
    });
        ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().build())) {
      assertThat(client.topology().get(15, TimeUnit.SECONDS).gatewayVersion()).isEqualTo("8.8.21");
    }
  }

  @Test
  void metadataLimitIsConfigurable() throws Exception {
    try (RawH2Gateway gateway = new RawH2Gateway((request, reply) -> {
      reply.headers(RawH2Gateway.okHeaders().add("x-debug", "m".repeat(12 * 1024)), false);
      reply.data(RawH2Gateway.frame(TOPOLOGY.toByteArray()), false);
      reply.headers(RawH2Gateway.trailers(0, null), true);
    });
        ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
            .maxInboundMetadataSize(4 * 1024).options(TestClients.fast().build()).build()) {
      WorkflowException e = failure(client.topology());
      assertThat(e).isInstanceOf(EngineUnavailableException.class);
      assertThat(gateway.count("Topology")).as("idempotent: retried on new connections").isEqualTo(4);
    }
  }
}
