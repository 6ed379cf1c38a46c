package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.rest.bksops.BkSopsCredentials;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials over plain HTTP to a remote host are refused when the client is built, unless the
 * user allowed it, for every REST adapter with the credentials it is used with; loopback hosts
 * (fakes, tests), https and no credentials build as before.
 */
class PlaintextCredentialsTest {
  private static final String SECRET = "s3cret-Pa55word";
  private static final String REMOTE = "engine.example.com";

  /**
   * An adapter's builder with its required settings, the same as provider settings, and its usual
   * credentials, carrying {@link #SECRET}.
   */
  record Adapter(String engine, Supplier<RestClientBuilder<?, ? extends WorkflowClient>> builder,
      Map<String, String> settings, Credentials credentials) {
    @Override
    public String toString() {
      return engine;
    }
  }

  static Stream<Adapter> adapters() {
    return Stream.of(
        new Adapter("flowable", FlowableClient::builder, Map.of(), Credentials.basic("admin", SECRET)),
        new Adapter("cloudify", () -> CloudifyClient.builder().tenant("default_tenant"),
            Map.of("tenant", "default_tenant"), Credentials.header("Authentication-Token", SECRET)),
        new Adapter("bk-sops", () -> BkSopsClient.builder().bizId("2"), Map.of("bizId", "2"),
            BkSopsCredentials.appAndUser("my-app", SECRET, "admin")),
        new Adapter("obs", ObsClient::builder, Map.of(), ObsCredentials.of("AKIDEXAMPLE0000000000", SECRET)));
  }

  private static WorkflowClient build(Adapter adapter, String baseUrl, Credentials credentials, boolean allow) {
    RestClientBuilder<?, ? extends WorkflowClient> b = adapter.builder().get();
    b.baseUrl(baseUrl).credentials(credentials);
    if (allow) {
      b.allowPlaintextCredentials();
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void credentialsOverPlainHttpToARemoteHostAreRefused(Adapter adapter) {
    assertThatThrownBy(() -> build(adapter, "http://" + REMOTE + ":8080/api", adapter.credentials(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(REMOTE)
        .hasMessageContaining("use https or allowPlaintextCredentials()")
        .hasMessageNotContaining(SECRET);
  }

  /** Where credentials are safe (loopback, https), absent, or explicitly allowed, the client builds. */
  static Stream<Arguments> builds() {
    String remote = "http://" + REMOTE + ":8080/api";
    Stream<Object[]> rows = Stream.of(
        new Object[] {"allowed", remote, true, true},
        new Object[] {"localhost", "http://localhost:8080/api", true, false},
        new Object[] {"127.0.0.1", "http://127.0.0.1:8080/api", true, false},
        new Object[] {"127.10.20.30", "http://127.10.20.30:8080/api", true, false},
        new Object[] {"[::1]", "http://[::1]:8080/api", true, false},
        new Object[] {"fake.localhost", "http://fake.localhost:8080/api", true, false},
        new Object[] {"https", "https://" + REMOTE + "/api", true, false},
        new Object[] {"no credentials", remote, false, false});
    return rows.flatMap(row -> adapters().map(a -> Arguments.of(a, row[0], row[1], row[2], row[3])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("builds")
  void buildsWhereCredentialsAreSafeAbsentOrAllowed(Adapter adapter, String what, String url, boolean withCredentials,
      boolean allowed) throws Exception {
    try (WorkflowClient client = build(adapter, url, withCredentials ? adapter.credentials() : Credentials.none(),
        allowed)) {
      assertThat(client).as(what).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void aProviderRefusesTooUnlessItsSettingAllows(Adapter adapter) throws Exception {
    ClientConfig.Builder config = ClientConfig.builder(adapter.engine()).endpoint("http://" + REMOTE + ":8080/api")
        .credentials(adapter.credentials());
    adapter.settings().forEach(config::setting);
    assertThatThrownBy(() -> WorkflowClients.create(config.build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use https or allowPlaintextCredentials()")
        .hasMessageNotContaining(SECRET);
    try (WorkflowClient client = WorkflowClients.create(config.setting("allowPlaintextCredentials", "true").build())) {
      assertThat(client.engine()).isEqualTo(adapter.engine());
    }
  }

  @Test
  void theTransportBuilderRefusesAndAllowsTheSameWay() {
    RestTransport.Builder refused = RestTransport.builder("demo").baseUrl("http://" + REMOTE + "/x")
        .credentials(Credentials.basic("u", SECRET));
    assertThatThrownBy(refused::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(REMOTE).hasMessageContaining("use https or allowPlaintextCredentials()")
        .hasMessageNotContaining(SECRET);
    try (RestTransport allowed = refused.allowPlaintextCredentials().build()) {
      assertThat(allowed.baseUrl()).startsWith("http://" + REMOTE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void aPasswordInTheBaseUrlIsCredentialsToo(Adapter adapter) throws Exception {
    String remote = "http://bob:" + SECRET + "@" + REMOTE + ":8080/api";
    assertThatThrownBy(() -> build(adapter, remote, Credentials.none(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use https or allowPlaintextCredentials()")
        .hasMessageNotContaining(SECRET);
    try (WorkflowClient client = build(adapter, remote, Credentials.none(), true);
        WorkflowClient loopback = build(adapter, "http://bob:" + SECRET + "@127.0.0.1:8080/api", Credentials.none(), false)) {
      assertThat(client.toString()).doesNotContain(SECRET);
      assertThat(loopback.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void credentialsSetThroughTheTransportCustomizerAreRefusedToo() {
    assertThatThrownBy(() -> FlowableClient.builder().baseUrl("http://" + REMOTE + "/x")
        .transport(t -> t.credentials(Credentials.basic("u", SECRET))).build())
        .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(SECRET);
  }
}
