package io.flowport.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowport.core.Operation;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An attempt's extra headers (trace context from listeners) go onto the wire, below the credentials. */
class RestTransportWireHeadersTest {
  static WireMockServer server;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void theAttemptsHeadersAreSentAndTheCredentialsWinOverThem() {
    Map<String, String> wire = Map.of(
        "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "authorization", "Bearer not-from-a-listener");
    CallContext ctx = new CallContext("test", Operation.GET_INSTANCE, 1, Instant.now().plusSeconds(10), wire);
    try (RestTransport transport = RestTransport.builder("test").baseUrl(server.baseUrl() + "/api/")
        .credentials(Credentials.bearer(() -> "the-token")).build()) {
      transport.send(ctx, RestRequest.get("things", "1").build()).join();
    }

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getHeader("traceparent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer the-token");
  }
}
