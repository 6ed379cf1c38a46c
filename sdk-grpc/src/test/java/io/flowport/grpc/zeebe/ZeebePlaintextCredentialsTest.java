package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials are not sent unencrypted to a gateway on another machine unless the user says so:
 * {@link ZeebeClient.Builder#build()} refuses it. Building never connects, so remote names here
 * are never dialed.
 */
class ZeebePlaintextCredentialsTest {
  private static final String SECRET = "plaintext-secret-token";
  private static final Credentials BEARER = Credentials.bearer(() -> SECRET);

  @Test
  void credentialsOverPlaintextToARemoteGatewayAreRefused() {
    assertThatThrownBy(() -> ZeebeClient.builder().gatewayAddress("gateway.example.com:26500").usePlaintext()
            .credentials(BEARER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gateway.example.com:26500")
        .hasMessageContaining("use TLS or allowPlaintextCredentials()")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
  }

  @Test
  void oauthCredentialsAreRefusedToo() {
    ZeebeOAuthCredentials oauth = ZeebeOAuthCredentials.builder("https://login.example.com/oauth/token")
        .clientId("id").clientSecret(SECRET).build();
    assertThatThrownBy(() -> ZeebeClient.builder().gatewayAddress("10.0.0.7:26500").usePlaintext()
            .credentials(oauth).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("10.0.0.7:26500")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
    assertThat(oauth.fetchCount()).as("no token fetched for a refused client").isZero();
  }

  @Test
  void oneRemoteGatewayAmongLoopbackOnesIsEnoughToRefuseAndIsTheOneNamed() {
    assertThatThrownBy(() -> ZeebeClient.builder().gatewayAddress("localhost:26500,gw-2.internal:26500")
            .usePlaintext().credentials(BEARER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gateway gw-2.internal:26500")
        .hasMessageNotContaining("localhost");
  }

  @Test
  void explicitlyAllowedCredentialsOverPlaintextBuild() {
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("gateway.example.com:26500").usePlaintext()
        .credentials(BEARER).allowPlaintextCredentials().build()) {
      assertThat(client.toString()).contains("tls=false").doesNotContain(SECRET);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:26500", "127.0.0.1:26500", "127.0.1.1:26500", "[::1]:26500"})
  void loopbackGatewaysNeedNoPermission(String address) {
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress(address).usePlaintext().credentials(BEARER)
        .build()) {
      assertThat(client.toString()).contains("tls=false");
    }
  }

  @Test
  void credentialsOverTlsOrPlaintextWithoutCredentialsBuild() {
    try (ZeebeClient tls = ZeebeClient.builder().gatewayAddress("gateway.example.com:443").credentials(BEARER)
            .build();
        ZeebeClient anonymous = ZeebeClient.builder().gatewayAddress("gateway.example.com:26500").usePlaintext()
            .build()) {
      assertThat(tls.toString()).contains("tls=true");
      assertThat(anonymous.toString()).contains("tls=false");
    }
  }

  @Test
  void aChannelFromOutsideIsTheCallersBusiness() throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forTarget("gateway.example.com:26500").usePlaintext().build();
    try (ZeebeClient client = ZeebeClient.builder().channel(channel).usePlaintext().credentials(BEARER).build()) {
      assertThat(client.toString()).doesNotContain(SECRET);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theProviderRefusesTooUnlessItsSettingAllows() {
    ClientConfig.Builder config = ClientConfig.builder("zeebe").endpoint("gateway.example.com:26500")
        .credentials(BEARER).setting("plaintext", "true");
    assertThatThrownBy(() -> WorkflowClients.create(config.build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("allowPlaintextCredentials()");
    try (WorkflowClient client = WorkflowClients.create(config.setting("allowPlaintextCredentials", "true").build())) {
      assertThat(client).isInstanceOf(ZeebeClient.class);
    }
  }

  @Test
  void aRefusedBuildLeavesNoThreadBehind() {
    List<String> before = zeebeThreads();
    assertThatThrownBy(() -> ZeebeClient.builder().gatewayAddress("gateway.example.com:26500").usePlaintext()
        .credentials(BEARER).build()).isInstanceOf(IllegalStateException.class);
    assertThat(zeebeThreads()).isSubsetOf(before);
  }

  private static List<String> zeebeThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("flowport-zeebe-")).sorted().toList();
  }
}
