package io.flowport.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.flowport.testkit.fakes.zeebe.RecordedCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fakes record what arrived with each request, so a test can check trace context reached the engine. */
class FakeRequestHeadersTest {
  static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void theFlowableFakeRecordsHeadersAndItsToStringShowsOnlyTheirNames() throws Exception {
    try (FakeFlowableServer fake = FakeFlowableServer.start()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/repository/process-definitions"))
          .header("TraceParent", TRACEPARENT)
          .header("Authorization", "Basic c2VjcmV0OnNlY3JldA==")
          .build();
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

      RecordedRequest recorded = fake.requests().get(0);
      assertThat(recorded.header("traceparent")).isEqualTo(TRACEPARENT);
      assertThat(recorded.headers()).containsKey("authorization");
      assertThat(recorded.toString()).contains("traceparent").doesNotContain("c2VjcmV0OnNlY3JldA==");
    }
  }

  @Test
  void theZeebeFakeRecordsTheTextMetadataOfEachCall() throws Exception {
    try (FakeZeebeGateway gateway = FakeZeebeGateway.start()) {
      ManagedChannel channel = gateway.newChannel();
      try {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), TRACEPARENT);
        metadata.put(Metadata.Key.of("blob-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2});
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
            .topology(TopologyRequest.getDefaultInstance());
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .topology(TopologyRequest.getDefaultInstance());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      List<Map<String, String>> seen = gateway.calls().stream()
          .filter(c -> c.method().equals("Topology")).map(RecordedCall::metadata).toList();
      assertThat(seen).hasSize(2);
      assertThat(seen.get(0)).containsEntry("traceparent", TRACEPARENT).doesNotContainKey("blob-bin");
      assertThat(seen.get(1)).doesNotContainKey("traceparent");
      assertThat(gateway.calls().get(0).toString()).contains("traceparent").doesNotContain(TRACEPARENT);
      gateway.requests().clear();
      assertThat(gateway.calls()).isEmpty();
    }
  }
}
