package io.flowport.testkit.fakes;

import static io.flowport.testkit.fakes.FakeServersTest.assertPortFree;
import static io.flowport.testkit.fakes.FakeServersTest.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.http.Requests;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.grpc.ManagedChannel;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fakes on a chosen port and host, and their request listeners. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakePortsAndListenersTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void zeebeGatewayOnAFixedPortAndOnEveryInterface() throws Exception {
    int port = freePort();
    try (FakeZeebeGateway gateway = FakeZeebeGateway.start(port)) {
      assertThat(gateway.port()).isEqualTo(port);
      assertThat(gateway.host()).isEqualTo("127.0.0.1");
      assertThat(gateway.address()).isEqualTo("127.0.0.1:" + port);
      assertThatThrownBy(() -> FakeZeebeGateway.start(port)).isInstanceOf(UncheckedIOException.class);
    }
    assertPortFree(port);

    List<String> lines = new CopyOnWriteArrayList<>();
    try (FakeZeebeGateway gateway = FakeZeebeGateway.builder().host("0.0.0.0").port(0).onRequest(lines::add).start()) {
      assertThat(gateway.host()).isEqualTo("0.0.0.0");
      assertThat(gateway.address()).isEqualTo("127.0.0.1:" + gateway.port());
      ManagedChannel channel = gateway.newChannel();
      try {
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).topology(TopologyRequest.getDefaultInstance());
        gateway.onRequest(null); // off: not logged any more
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).topology(TopologyRequest.getDefaultInstance());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertThat(lines).singleElement().asString().matches("Topology OK \\d+ ms");
      assertThat(gateway.requests().count("Topology")).isEqualTo(2);
    }
    assertThatThrownBy(() -> FakeZeebeGateway.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeZeebeGateway.builder().host(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flowableServerOnAFixedPortAndOnEveryInterfaceWithFaultsInTheLog() throws Exception {
    int port = freePort();
    List<String> lines = new CopyOnWriteArrayList<>();
    try (FakeFlowableServer fake = FakeFlowableServer.builder().host("0.0.0.0").port(port).start()) {
      fake.onRequest(lines::add);
      assertThat(fake.port()).isEqualTo(port);
      assertThat(fake.host()).isEqualTo("0.0.0.0");
      assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/process-api");
      fake.faults().next(1, Fault.backPressure(), Requests.named("GET /repository/process-definitions"));
      assertThat(get(fake.baseUrl() + "/repository/process-definitions?size=5").statusCode()).isEqualTo(429);
      assertThat(get(fake.baseUrl() + "/repository/process-definitions?size=5").statusCode()).isEqualTo(200);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).matches(
          "GET /process-api/repository/process-definitions\\?size=5 429 \\d+ ms \\[fault BACK_PRESSURE\\]");
      assertThat(lines.get(1)).matches("GET /process-api/repository/process-definitions\\?size=5 200 \\d+ ms");
      assertThatThrownBy(() -> FakeFlowableServer.builder().port(port).start()).isInstanceOf(RuntimeException.class);
    }
    assertPortFree(port);
    assertThatThrownBy(() -> FakeFlowableServer.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
