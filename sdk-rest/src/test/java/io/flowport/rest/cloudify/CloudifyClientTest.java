package io.flowport.rest.cloudify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.model.StartRequest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What the Cloudify client refuses before the wire (nothing listens on its port), and what it shows. */
class CloudifyClientTest {
  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("succeeded");
  }

  private static CloudifyClient client() {
    return CloudifyClient.builder().baseUrl("http://127.0.0.1:9/api/v3.1")
        .credentials(Credentials.basic("admin", "s3cret")).tenant("t1").build();
  }

  @Test
  void badArgumentsFailBeforeTheWire() {
    try (CloudifyClient c = client()) {
      assertThat(failure(c.getExecution(" ", List.of()))).isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.startExecution(CloudifyStartRequest.of("d", null).build())))
          .isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.startExecution(CloudifyStartRequest.of("d", "w").parameter("x", new Object()).build())))
          .isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.cancelExecution("e", null))).isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.setGroupConcurrency("g", -1))).isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.startGroup(CloudifyGroupRequest.of("g", "w").executions(List.of("e")).build())))
          .isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.deleteExecutions(null))).isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.instances().start(StartRequest.of("web:install").businessKey("k").build())))
          .isInstanceOf(ClientValidationException.class);
      assertThat(failure(c.instances().start(StartRequest.of("web:").build())))
          .isInstanceOf(ClientValidationException.class);
    }
  }

  @Test
  void aDefinitionWithoutAColonNamesNothing() {
    try (CloudifyClient c = client()) {
      assertThat(failure(c.instances().start(StartRequest.of("install").build())))
          .isInstanceOf(DefinitionNotFoundException.class).hasMessageContaining("<deployment_id>:<workflow_id>");
    }
  }

  @Test
  void whatCloudifyLacksFailsFast() {
    try (CloudifyClient c = client()) {
      assertThat(failure(c.variables().getAll("e"))).isInstanceOf(OperationNotSupportedException.class);
      assertThat(failure(c.nodes().tree("e"))).isInstanceOf(OperationNotSupportedException.class);
      assertThat(failure(c.instances().suspend("e"))).isInstanceOf(OperationNotSupportedException.class);
      assertThat(c.capabilities().operations()).extracting(Object::toString).containsExactly("start instance",
          "get instance", "list instances", "cancel instance", "retry instance", "delete instance", "start group",
          "cancel group", "set group concurrency", "set group targets", "start and await instance");
    }
  }

  @Test
  void noSecretInToString() {
    try (CloudifyClient c = client()) {
      assertThat(c.toString()).isEqualTo("CloudifyClient{http://127.0.0.1:9/api/v3.1}").doesNotContain("s3cret");
      assertThat(CloudifyStartRequest.of("d", "w").parameter("password", "p4ss").build().toString())
          .doesNotContain("p4ss");
    }
  }

  @Test
  void madeFromConfigurationWithItsSettingsOnly() {
    io.flowport.core.ClientConfig config = io.flowport.core.ClientConfig.builder("cloudify")
        .endpoint("http://127.0.0.1:9/api/v3.1").setting("tenant", "t1").setting("start-policy", "queue").build();
    try (io.flowport.core.WorkflowClient c = io.flowport.core.WorkflowClients.create(config)) {
      assertThat(c).isInstanceOf(CloudifyClient.class);
      assertThat(c.engine()).isEqualTo("cloudify");
    }
    assertThatThrownBy(() -> io.flowport.core.WorkflowClients.create(io.flowport.core.ClientConfig.builder("cloudify")
        .endpoint("http://127.0.0.1:9/api/v3.1").setting("tenat", "t1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenat");
    assertThatThrownBy(() -> io.flowport.core.WorkflowClients.create(io.flowport.core.ClientConfig.builder("cloudify")
        .endpoint("http://127.0.0.1:9/api/v3.1").setting("start-policy", "sometimes").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fail, queue or force");
  }

  @Test
  void definitionsAreDeploymentAndWorkflow() {
    assertThat(CloudifyDefinitions.parse("web-1:install")).isEqualTo(new CloudifyDefinitions.Pair("web-1", "install"));
    assertThat(CloudifyDefinitions.parse("ns:web:install").deploymentId()).isEqualTo("ns:web");
    assertThat(CloudifyDefinitions.definitionId("a", "b")).isEqualTo("a:b");
    assertThatThrownBy(() -> CloudifyDefinitions.parse(":install")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudifyDefinitions.parse("web")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsRefuseWhatTheManagerWould() {
    assertThatThrownBy(() -> CloudifyDeleteRequest.keepLast(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudifyListQuery.builder().size(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudifyGroupRequest.of("g", "w").concurrency(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CloudifyDeleteRequest.createdBefore(LocalDateTime.of(2024, 1, 2, 3, 4)).filter("status", "failed")
        .build().filters()).isEqualTo(Map.of("status", List.of("failed")));
  }
}
