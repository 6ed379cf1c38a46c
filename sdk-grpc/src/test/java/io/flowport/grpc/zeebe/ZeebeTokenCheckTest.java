package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token that is not valid gRPC metadata is refused before the call is sent, without quoting it. */
class ZeebeTokenCheckTest {
  ScriptedGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new ScriptedGateway();
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cr3t\r\nx-injected: 1", "s3cr3t\nmore", "s3cr3t\u0000", "s3cr\u00e9t", "s3cr3t\u2028"})
  void tokenWithControlOrNonAsciiCharactersIsRefusedBeforeSending(String token) {
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .credentials(Credentials.bearer(() -> token)).options(TestClients.fast().build()).build()) {
      WorkflowException e = failure(client.topology());

      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      assertThat(e.getMessage()).contains("'authorization'").contains("not valid gRPC metadata");
      ByteArrayOutputStream trace = new ByteArrayOutputStream();
      e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
      assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr");
      assertThat(gateway.count("Topology")).as("nothing reached the gateway").isZero();
    }
  }
}
