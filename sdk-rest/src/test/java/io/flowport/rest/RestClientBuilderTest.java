package io.flowport.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallContext;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST builder base: the user customises the transport, the adapter has the last word. */
class RestClientBuilderTest {
  static WireMockServer server;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /** A builder whose "client" is the transport itself. */
  static final class DemoBuilder extends RestClientBuilder<DemoBuilder, RestTransport> {
    DemoBuilder() {
      super("demo");
    }

    @Override
    protected void adapterTransport(RestTransport.Builder transport) {
      transport.requestIdHeaders("x-demo-request-id");
    }

    @Override
    protected RestTransport create(RestTransport transport, ClientOptions options) {
      return transport;
    }
  }

  @Test
  void theUsersCustomisationRunsButCannotReplaceTheAdaptersSettings() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("x-other", "theirs").withHeader("x-demo-request-id", "ours")));
    try (RestTransport t = new DemoBuilder().baseUrl(server.baseUrl())
        .credentials(Credentials.basic("u", "p"))
        .transport(b -> b.defaultHeader("X-Custom", "yes").requestIdHeaders("x-other"))
        .build()) {
      RestResponse r = t.send(new CallContext("demo", Operation.GET_INSTANCE, 1, Instant.now().plusSeconds(10)),
          RestRequest.get("x").build()).join();
      assertThat(r.requestId()).isEqualTo("ours");
      assertThat(server.findAll(getRequestedFor(anyUrl())).get(0).getHeader("X-Custom")).isEqualTo("yes");
      assertThat(server.findAll(getRequestedFor(anyUrl())).get(0).getHeader("Authorization")).startsWith("Basic ");
    }
  }

  @Test
  void aBaseUrlIsRequiredAndMustBeHttp() {
    assertThatThrownBy(() -> new DemoBuilder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> new DemoBuilder().baseUrl("ftp://x").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoBuilder().baseUrl(null)).isInstanceOf(NullPointerException.class);
  }
}
