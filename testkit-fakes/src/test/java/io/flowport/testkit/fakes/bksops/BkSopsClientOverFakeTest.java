package io.flowport.testkit.fakes.bksops;

import static io.flowport.testkit.fakes.bksops.BkSopsFixture.ONE_TASK;
import static io.flowport.testkit.fakes.bksops.BkSopsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.ClientConfig;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.rest.bksops.BkSopsCredentials;
import io.flowport.testkit.fakes.FakeServers;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BkSopsClient against the fake gateway: auth, faults, the status cache, trace ids, the standalone fakes. */
class BkSopsClientOverFakeTest {
  private BkSopsFixture f;

  @BeforeEach
  void start() {
    f = new BkSopsFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aWrongSecretIsAnAuthenticationErrorThatDoesNotShowIt() {
    try (BkSopsClient wrong = f.client(BkSopsCredentials.appAndUser(BkSopsFixture.APP, "not-the-secret", "admin"))) {
      assertThatThrownBy(() -> await(wrong.instances().get("10001"))).isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("not-the-secret");
    }
  }

  @Test
  void callsThatBypassTheGatewayAreRefused() {
    f.fake.bypassGateway(true);
    assertThatThrownBy(() -> await(f.client.taskStatus("10001"))).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void theTraceIdIsTheExceptionsRequestId() {
    WorkflowException e = (WorkflowException) org.assertj.core.api.Assertions.catchThrowable(
        () -> await(f.client.instances().get("424242")));
    assertThat(e).isInstanceOf(InstanceNotFoundException.class);
    assertThat(e.requestId()).matches("[0-9a-f]{32}");
  }

  @Test
  void backPressureAndResetsOnAReadAreRetried() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    f.fake.faults().next(2, Fault.backPressure(), Requests.startingWith("GET /get_task_status/"));
    f.fake.faults().next(1, Fault.reset(), Requests.startingWith("GET /get_task_status/"));
    assertThat(await(f.client.taskStatus(id)).state()).isEqualTo("RUNNING");
    assertThat(f.fake.requestCount("GET /get_task_status/")).isEqualTo(4);
  }

  @Test
  void garbageAndProxyPagesAreTypedErrors() {
    f.fake.faults().next(1, Fault.malformedBody(), Requests.startingWith("GET /get_task_status/"));
    assertThatThrownBy(() -> await(f.client.taskStatus("10001"))).isInstanceOf(UnexpectedResponseException.class);
    f.fake.faults().always(Fault.htmlError());
    assertThatThrownBy(() -> await(f.client.taskStatus("10001"))).isInstanceOf(EngineUnavailableException.class);
  }

  @Test
  void startAndAwaitPollsPastTheGatewaysTenSecondCache() throws Exception {
    CompletableFuture<Instance> done = f.client.instances().startAndAwait(
        StartRequest.of("one-task").variable("n", 1).build(), Duration.ofSeconds(8));
    String taskId = awaitStartedTask();
    awaitPolled(taskId);
    await(f.client.callback(taskId, "work", Map.of(), null));
    Instance ended = done.get(8, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(ended.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(ended.variables()).containsEntry("n", 1);
    // The fake caches each distinct query for 10 s (FakeBkSopsServerTest): every poll asked a new one.
    List<String> queries = new ArrayList<>();
    f.fake.requests().stream().filter(r -> r.name().startsWith("GET /get_task_status/"))
        .forEach(r -> queries.add(String.valueOf(r.query())));
    assertThat(queries).doesNotHaveDuplicates();
  }

  private String awaitStartedTask() throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      String id = "10001";
      if (f.fake.instanceOf(id) != null) {
        return id;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no task started");
  }

  private void awaitPolled(String taskId) throws InterruptedException {
    for (int i = 0; i < 400 && f.fake.requestCount("GET /get_task_status/" + taskId) < 2; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void theProviderMakesClientsFromConfiguration() throws Exception {
    try (WorkflowClient c = WorkflowClients.create(ClientConfig.builder("bk-sops").endpoint(f.fake.baseUrl())
        .credentials(BkSopsCredentials.appAndUser(BkSopsFixture.APP, BkSopsFixture.SECRET, "admin"))
        .setting("bizId", FakeBkSopsServer.DEFAULT_BIZ_ID).setting("template.one", ONE_TASK).build())) {
      assertThat(c).isInstanceOf(BkSopsClient.class);
      Instance started = await(c.instances().start(StartRequest.of("one").build()));
      assertThat(started.definitionId()).isEqualTo("one");
      assertThat(await(c.instances().get(started.id())).definitionKey()).isEqualTo(ONE_TASK);
    }
  }

  @Test
  void theProviderRefusesAMistypedSetting() {
    ClientConfig config = ClientConfig.builder("bk-sops").endpoint(f.fake.baseUrl())
        .setting("bizId", FakeBkSopsServer.DEFAULT_BIZ_ID).setting("scop", "project").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkflowClients.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'scop'")
        .hasMessageContaining("scope (cmdb_biz or project");
  }

  @Test
  void theStandaloneFakesServeDefinitionFilesAsTemplates(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.bpmn"), """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="standalone" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process>
        </definitions>""");
    List<String> log = new ArrayList<>();
    try (FakeServers servers = FakeServers.start(
        new String[] {"--bk-sops-port", "0", "--definitions", dir.toString()}, log::add)) {
      FakeBkSopsServer fake = servers.server("bk-sops", FakeBkSopsServer.class).orElseThrow();
      try (BkSopsClient c = BkSopsClient.builder().baseUrl(fake.baseUrl()).bizId("2").build()) {
        Instance done = await(c.instances().startAndAwait(StartRequest.of("1").build(), Duration.ofSeconds(5)));
        assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
      }
    }
    assertThat(log).anyMatch(line -> line.contains("template 1 = standalone"));
  }
}
