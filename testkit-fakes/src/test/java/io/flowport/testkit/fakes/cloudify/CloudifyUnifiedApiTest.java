package io.flowport.testkit.fakes.cloudify;

import static io.flowport.testkit.fakes.cloudify.CloudifyErrorTableTest.failure;
import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.arrange;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.ConflictException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyStartPolicy;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The unified API's Cloudify mapping over the fake: definitions, start policy, retry, delete, list. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudifyUnifiedApiTest {
  private FakeCloudifyManager manager;
  private CloudifyClient client;

  @BeforeAll
  void start() {
    manager = FakeCloudifyManager.start();
    client = CloudifyClient.builder().baseUrl(manager.baseUrl()).build();
  }

  @AfterAll
  void stop() {
    client.close();
    manager.close();
  }

  @Test
  void startTakesDeploymentWorkflowVariablesAndTenant() {
    String p = arrange(manager);
    Instance started = client.instances().start(StartRequest.of(p + "-1:task").variable("port", 8080)
        .tenantId("team-a").build()).join();
    assertThat(started.definitionId()).isEqualTo(p + "-1:task");
    assertThat(started.state()).isEqualTo(InstanceState.CREATED);
    assertThat(started.rawStatus()).isEqualTo("pending");
    assertThat(started.variables()).containsEntry("port", 8080);
    assertThat(started.tenantId()).isEqualTo("team-a");
    Instance got = client.instances().get(started.id()).join();
    assertThat(got.state()).isEqualTo(InstanceState.RUNNING);
  }

  @Test
  void aBusyDeploymentFailsQueuesOrForcesByPolicy() {
    String p = arrange(manager);
    client.instances().start(StartRequest.of(p + "-1:task").build()).join();
    assertThat(failure(client.instances().start(StartRequest.of(p + "-1:task").build())))
        .isInstanceOf(ConflictException.class).extracting(e -> e.engineCode())
        .isEqualTo("existing_running_execution_error");
    try (CloudifyClient queueing = CloudifyClient.builder().baseUrl(manager.baseUrl())
            .startPolicy(CloudifyStartPolicy.QUEUE).build();
        CloudifyClient forcing = CloudifyClient.builder().baseUrl(manager.baseUrl())
            .startPolicy(CloudifyStartPolicy.FORCE).build()) {
      assertThat(queueing.instances().start(StartRequest.of(p + "-1:task").build()).join().state())
          .isEqualTo(InstanceState.QUEUED);
      Instance forced = forcing.instances().start(StartRequest.of(p + "-1:task").build()).join();
      assertThat(client.instances().get(forced.id()).join().state()).isEqualTo(InstanceState.RUNNING);
    }
  }

  @Test
  void retryRunsAFailedExecutionAgain() {
    String p = arrange(manager);
    Instance failed = client.instances().start(StartRequest.of(p + "-1:task").build()).join();
    manager.failExecution(failed.id(), "disk full");
    assertThat(client.instances().get(failed.id()).join().state()).isEqualTo(InstanceState.FAILED);
    client.instances().retry(failed.id()).join();
    assertThat(client.instances().get(failed.id()).join().state()).isEqualTo(InstanceState.RUNNING);
    // the manager re-sends a started execution on resume; a queued one cannot be resumed
    client.instances().retry(failed.id()).join();
    try (CloudifyClient queueing = CloudifyClient.builder().baseUrl(manager.baseUrl())
        .startPolicy(CloudifyStartPolicy.QUEUE).build()) {
      Instance queued = queueing.instances().start(StartRequest.of(p + "-1:task").build()).join();
      assertThat(failure(client.instances().retry(queued.id()))).isInstanceOf(IllegalTransitionException.class)
          .extracting(e -> e.engineCode()).isEqualTo("conflict_error");
    }
  }

  @Test
  void deleteRemovesAnEndedExecutionOnly() {
    String p = arrange(manager);
    Instance done = client.instances().start(StartRequest.of(p + "-1:noop").build()).join();
    Instance running = client.instances().start(StartRequest.of(p + "-2:task").build()).join();
    client.instances().delete(done.id(), null).join();
    assertThat(failure(client.instances().get(done.id()))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.instances().delete(running.id(), "no"))).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("only ended executions");
    assertThat(failure(client.instances().delete("no-such-execution", null)))
        .isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void listPagesByDefinitionAndState() {
    String p = arrange(manager);
    for (int i = 0; i < 3; i++) {
      client.instances().start(StartRequest.of(p + "-3:noop").build()).join();
    }
    InstanceQuery q = InstanceQuery.builder().definitionId(p + "-3:noop").state(InstanceState.COMPLETED).pageSize(2)
        .build();
    Page<Instance> first = client.instances().list(q).join();
    assertThat(first.items()).hasSize(2).allSatisfy(i -> assertThat(i.rawStatus()).isEqualTo("terminated"));
    assertThat(first.totalCount()).hasValue(3);
    Page<Instance> second = client.instances().list(q.next(first)).join();
    assertThat(second.items()).hasSize(1);
    assertThat(second.hasNext()).isFalse();
    assertThat(client.instances().list(InstanceQuery.builder().definitionId(p + "-3:noop")
        .state(InstanceState.RUNNING).build()).join().items()).isEmpty();
    assertThat(failure(client.instances().list(InstanceQuery.builder().pageToken("x").build())))
        .isInstanceOf(io.flowport.core.error.ClientValidationException.class);
    assertThat(List.of(first, second)).isNotEmpty();
  }
}
