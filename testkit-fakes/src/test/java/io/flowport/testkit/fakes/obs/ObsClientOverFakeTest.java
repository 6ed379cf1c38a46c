package io.flowport.testkit.fakes.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeState;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.rest.obs.ObsExecution;
import io.flowport.rest.obs.ObsExecutionPage;
import io.flowport.rest.obs.ObsExecutionQuery;
import io.flowport.rest.obs.ObsResult;
import io.flowport.rest.obs.ObsStartResult;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OBS adapter over a real socket against the fake OBS workflow service, every request signed
 * and checked: one test per operation of the SDK's {@code WorkflowClient} (the seed's
 * {@code asyncAPIStartWorkflow} first), the unified operations, and the seed's rules refused
 * before anything is sent.
 */
class ObsClientOverFakeTest {
  static final String AK = "TESTACCESSKEY0000001";
  static final String SK = "test-secret-key/with+chars=";
  static FakeObsServer fake;
  static ObsClient client;

  @BeforeAll
  static void start() {
    fake = FakeObsServer.builder().accessKey(AK, SK).start();
    client = ObsClient.builder().baseUrl(fake.baseUrl()).credentials(ObsCredentials.of(AK, SK))
        .defaultObject("unified-bucket", "in/put.json")
        .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    fake.close();
  }

  static String graph(String statesJson) {
    String g = "g-" + UUID.randomUUID().toString().substring(0, 8);
    fake.defineWorkflow(g, statesJson);
    return g;
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  static WorkflowException failure(CompletableFuture<?> f) {
    try {
      Object v = f.get(20, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WorkflowException.class);
      return (WorkflowException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static RecordedRequest last(String prefix) {
    List<RecordedRequest> all = fake.requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).name().startsWith(prefix)) {
        return all.get(i);
      }
    }
    throw new AssertionError("no request " + prefix);
  }

  // ------------------------------------------------------------------ the seed: asyncAPIStartWorkflow

  @Test
  void startWorkflowAnswersUrnNameStartTimeAndRequestId() throws Exception {
    String g = graph("[{\"name\":\"work\",\"action\":\"wait\"}]");
    ObsStartResult r = await(client.startWorkflow(g, "my-bucket", "folder/test.txt", Map.of("k", "v")));
    assertThat(r.executionUrn()).startsWith("urn:fgs:").contains(":execution:" + g + ":" + r.executionName() + ":");
    assertThat(r.executionName()).isNotBlank();
    assertThat(r.startedAt()).isNotNull();
    assertThat(r.requestId()).isNotBlank();
    JsonNode body = io.flowport.core.spi.JsonValues.MAPPER.readTree(last("POST /v2/workflows/" + g).body());
    assertThat(body.toString()).isEqualTo("{\"bucket\":\"my-bucket\",\"object\":\"folder/test.txt\",\"inputs\":{\"k\":\"v\"}}");
  }

  @Test
  void startWorkflowWithoutInputsSendsInputsNull() throws Exception {
    String g = graph("[{\"name\":\"p\"}]");
    await(client.startWorkflow(g, "my-bucket", "o", null));
    RecordedRequest sent = last("POST /v2/workflows/" + g);
    assertThat(sent.body()).isEqualTo("{\"bucket\":\"my-bucket\",\"object\":\"o\",\"inputs\":null}");
    assertThat(sent.query()).isNull(); // no query: that is what tells a start from a create
  }

  @Test
  void startWorkflowOfAnUnknownGraphIsDefinitionNotFound() {
    WorkflowException e = failure(client.startWorkflow("no-such-graph", "my-bucket", "o", null));
    assertThat(e).isInstanceOf(DefinitionNotFoundException.class);
    assertThat(e.wireStatus()).isEqualTo("404");
    assertThat(e.requestId()).isNotBlank();
    assertThat(ObsResult.of(e)).get().extracting(ObsResult::errorCode).isEqualTo("Workflow.GraphNotFound");
  }

  @Test
  void theSeedsRulesAreCheckedBeforeTheWire() {
    int before = fake.requests().size();
    List<CompletableFuture<?>> refused = List.of(
        client.startWorkflow("_graph", "my-bucket", "o", null),
        client.startWorkflow("g".repeat(65), "my-bucket", "o", null),
        client.startWorkflow("g", "ab", "o", null),
        client.startWorkflow("g", "b".repeat(64), "o", null),
        client.startWorkflow("g", "My-bucket", "o", null),
        client.startWorkflow("g", "192.168.0.1", "o", null),
        client.startWorkflow("g", "my..bucket", "o", null),
        client.startWorkflow("g", "my-.bucket", "o", null),
        client.startWorkflow("g", "-bucket", "o", null),
        client.startWorkflow("g", "my-bucket", "", null),
        client.startWorkflow("g", "my-bucket", "o".repeat(1025), null),
        client.startWorkflow("g", "my-bucket", "o", Map.of("bad", new Object())),
        client.listExecutions(ObsExecutionQuery.of("g").limit(1001).build()),
        client.listExecutions(ObsExecutionQuery.of("g").limit(0).build()),
        client.listExecutions(ObsExecutionQuery.of("g").state("DONE").limit(5).build()),
        client.listExecutions(ObsExecutionQuery.of("g").type("CRON").build()),
        client.getExecution(" ", "g"),
        client.restoreExecution("e", "bad graph"),
        client.putTriggerPolicy("Bad_Bucket", List.of()));
    for (CompletableFuture<?> f : refused) {
      assertThat(failure(f)).isInstanceOf(ClientValidationException.class);
    }
    assertThat(fake.requests()).hasSize(before);
  }

  @Test
  void theLongestNamesThatFollowTheRulesGoThrough() throws Exception {
    String g = "g" + "x".repeat(63);
    fake.defineWorkflow(g, "[{\"name\":\"p\"}]");
    ObsStartResult r = await(client.startWorkflow(g, "b".repeat(63), "o".repeat(1024), null));
    assertThat(r.executionName()).isNotBlank();
  }

  // ------------------------------------------------------------------ executions

  @Test
  void listExecutionsPagesWithMarkers() throws Exception {
    String g = graph("[{\"name\":\"work\",\"action\":\"wait\"}]");
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      started.add(await(client.startWorkflow(g, "my-bucket", "o", null)).executionName());
    }
    ObsExecutionPage first = await(client.listExecutions(ObsExecutionQuery.of(g).limit(2).build()));
    assertThat(first.executions()).extracting(ObsExecution::executionName).containsExactly(started.get(0), started.get(1));
    assertThat(first.truncated()).isTrue();
    assertThat(first.nextMarker()).isEqualTo("APICALL" + started.get(1));
    List<String> seen = new ArrayList<>(first.executions().stream().map(ObsExecution::executionName).toList());
    ObsExecutionPage page = first;
    while (page.truncated()) {
      page = await(client.listExecutions(ObsExecutionQuery.of(g).type("APICALL").marker(page.nextMarker()).limit(2).build()));
      page.executions().forEach(e -> seen.add(e.executionName()));
    }
    assertThat(seen).isEqualTo(started);
    assertThat(page.nextMarker()).isNull();
    assertThat(await(client.listExecutions(ObsExecutionQuery.of(g).type("TRIGGERCAL").build())).executions()).isEmpty();
  }

  @Test
  void theStateFilterIsAppliedOnTheClientAcrossPages() throws Exception {
    String g = graph("[{\"name\":\"boom\",\"action\":\"fail\"}]");
    String waiting = graph("[{\"name\":\"work\",\"action\":\"wait\"}]");
    // 6 executions: FAILED ones at 1, 4 and 5 (0-based); the others completed after a restore
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = await(client.startWorkflow(g, "my-bucket", "o", null)).executionName();
      if (i == 1 || i == 4 || i == 5) {
        failed.add(name);
      } else {
        await(client.restoreExecution(name, g));
      }
    }
    fake.clearRequests();
    ObsExecutionPage two = await(client.listExecutions(ObsExecutionQuery.of(g).state("FAILED").limit(2).build()));
    assertThat(two.executions()).extracting(ObsExecution::executionName).containsExactly(failed.get(0), failed.get(1));
    assertThat(two.executions()).allMatch(e -> e.state() == InstanceState.FAILED);
    assertThat(fake.requestCount("GET /v2/workflowexecutions")).isGreaterThan(1); // read on past the first page
    assertThat(two.truncated()).isTrue();
    ObsExecutionPage rest = await(client.listExecutions(
        ObsExecutionQuery.of(g).state("FAILED").limit(2).marker(two.nextMarker()).build()));
    assertThat(rest.executions()).extracting(ObsExecution::executionName).containsExactly(failed.get(2));
    assertThat(rest.truncated()).isFalse();
    assertThat(await(client.listExecutions(ObsExecutionQuery.of(waiting).state("SUCCESS").limit(10).build()))
        .executions()).isEmpty();
  }

  @Test
  void getExecutionHasInputAsJsonTextAndTheStateMap() throws Exception {
    String g = graph("[{\"name\":\"prep\"},{\"name\":\"work\",\"action\":\"wait\"},{\"name\":\"after\"}]");
    String e = await(client.startWorkflow(g, "my-bucket", "o", Map.of("n", 7))).executionName();
    ObsExecution x = await(client.getExecution(e, g));
    assertThat(x.executionState()).isEqualTo("RUNNING");
    assertThat(x.executionType()).isEqualTo("APICALL");
    assertThat(x.input()).isEqualTo("{\"n\":7}");
    assertThat(x.stateMap()).containsExactly(Map.entry("prep", "SUCCESS"), Map.entry("work", "RUNNING"),
        Map.entry("after", "NOTRUNNING"));
    assertThat(failure(client.getExecution("no-such-exec", g))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.getExecution(e, graph("[{\"name\":\"p\"}]")))).isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void restoreRunsAFailedExecutionAgainAndRefusesOthers() throws Exception {
    String g = graph("[{\"name\":\"boom\",\"action\":\"fail\"},{\"name\":\"work\",\"action\":\"wait\"}]");
    String e = await(client.startWorkflow(g, "my-bucket", "o", null)).executionName();
    assertThat(await(client.getExecution(e, g)).executionState()).isEqualTo("FAILED");
    var restored = await(client.restoreExecution(e, g));
    assertThat(restored.executionName()).isEqualTo(e);
    assertThat(restored.restoredAt()).isNotNull();
    assertThat(await(client.getExecution(e, g)).stateMap()).containsEntry("boom", "SUCCESS").containsEntry("work", "RUNNING");
    WorkflowException again = failure(client.restoreExecution(e, g));
    assertThat(again).isInstanceOf(IllegalTransitionException.class);
    assertThat(again.wireStatus()).isEqualTo("409");
  }

  // ------------------------------------------------------------------ templates, workflows, trigger policies

  @Test
  void templatesCreateGetListDelete() throws Exception {
    String t = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
    await(client.createTemplate(t, "a template", List.of(Map.of("name", "s1")), List.of(Map.of("key", "k")), null));
    JsonNode got = await(client.getTemplate(t));
    assertThat(got.path("template_name").asText()).isEqualTo(t);
    assertThat(got.path("description").asText()).isEqualTo("a template");
    assertThat(got.path("tags").isNull()).isTrue();
    assertThat(await(client.listTemplates(t, null, null)).path("templates").findValuesAsText("template_name"))
        .containsExactly(t);
    assertThat(last("GET /v2/workflowtemplates/" + t).query()).isEqualTo("x-workflow-prefix");
    assertThat(failure(client.createTemplate(t, null, List.of(Map.of("name", "s1")), null, null)))
        .isInstanceOf(AlreadyExistsException.class);
    await(client.deleteTemplate(t));
    assertThat(failure(client.getTemplate(t))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void workflowsCreateGetListUpdateDelete() throws Exception {
    String t = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
    String g = "wf-" + UUID.randomUUID().toString().substring(0, 8);
    await(client.createTemplate(t, null, List.of(Map.of("name", "s1")), null, null));
    JsonNode created = await(client.createWorkflow(t, g, "my_agency", "first", Map.of("p", 1)));
    assertThat(created.path("graph_name").asText()).isEqualTo(g);
    assertThat(last("POST /v2/workflows/" + g).query()).isEqualTo("x-workflow-template-name=" + t);
    assertThat(await(client.getWorkflow(g)).path("parameters").path("p").asInt()).isEqualTo(1);
    await(client.updateWorkflow(g, Map.of("p", 2), "second"));
    JsonNode updated = await(client.getWorkflow(g));
    assertThat(updated.path("parameters").path("p").asInt()).isEqualTo(2);
    assertThat(updated.path("description").asText()).isEqualTo("second");
    assertThat(await(client.listWorkflows("wf-", 0, 1000)).path("workflows").findValuesAsText("graph_name")).contains(g);
    assertThat(failure(client.createWorkflow(t, g, "my_agency", null, null))).isInstanceOf(AlreadyExistsException.class);
    await(client.deleteWorkflow(g));
    assertThat(failure(client.getWorkflow(g))).isInstanceOf(ResourceNotFoundException.class);
    assertThat(failure(client.startWorkflow(g, "my-bucket", "o", null))).isInstanceOf(DefinitionNotFoundException.class);
  }

  @Test
  void triggerPoliciesPutGetDelete() throws Exception {
    List<Map<String, Object>> rules = List.of(Map.of("name", "r1", "events", List.of("ObjectCreated:*")));
    await(client.putTriggerPolicy("policy-bucket", rules));
    assertThat(last("PUT /policy-bucket").query()).isEqualTo("obsworkflowtriggerpolicy");
    assertThat(await(client.getTriggerPolicy("policy-bucket")).path("rules").get(0).path("name").asText()).isEqualTo("r1");
    await(client.deleteTriggerPolicy("policy-bucket"));
    assertThat(failure(client.getTriggerPolicy("policy-bucket"))).isInstanceOf(ResourceNotFoundException.class);
  }

  // ------------------------------------------------------------------ the unified API

  @Test
  void unifiedStartGetListVariablesTreeAndRetry() throws Exception {
    String g = graph("[{\"name\":\"boom\",\"action\":\"fail\"},{\"name\":\"work\",\"action\":\"wait\"}]");
    Instance started = await(client.instances().start(StartRequest.of(g).variable("answer", 42).build()));
    assertThat(started.id()).startsWith(g + "/");
    assertThat(started.definitionId()).isEqualTo(g);
    assertThat(started.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(last("POST /v2/workflows/" + g).body()).contains("\"bucket\":\"unified-bucket\"", "\"object\":\"in/put.json\"");

    Instance got = await(client.instances().get(started.id()));
    assertThat(got.state()).isEqualTo(InstanceState.FAILED);
    assertThat(got.rawStatus()).isEqualTo("FAILED");
    assertThat(got.variables()).containsEntry("answer", 42);
    assertThat(await(client.variables().getAll(started.id()))).containsEntry("answer", 42);

    Node tree = await(client.nodes().tree(started.id()));
    assertThat(tree.state()).isEqualTo(NodeState.FAILED);
    assertThat(tree.children()).extracting(Node::id).containsExactly("boom", "work");
    assertThat(tree.find("boom").state()).isEqualTo(NodeState.FAILED);
    assertThat(tree.find("work").state()).isEqualTo(NodeState.CREATED);

    await(client.instances().retry(started.id()));
    assertThat(await(client.instances().get(started.id())).state()).isEqualTo(InstanceState.RUNNING);
    assertThat(failure(client.instances().retry(started.id()))).isInstanceOf(IllegalTransitionException.class);

    Page<Instance> running = await(client.instances().list(
        InstanceQuery.builder().definitionId(g).state(InstanceState.RUNNING).build()));
    assertThat(running.items()).extracting(Instance::id).containsExactly(started.id());
    assertThat(await(client.instances().list(InstanceQuery.builder().definitionId(g).state(InstanceState.SUSPENDED)
        .build())).items()).isEmpty();
  }

  @Test
  void unifiedListPagesByMarker() throws Exception {
    String g = graph("[{\"name\":\"p\"}]");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(await(client.instances().start(StartRequest.of(g).build())).id());
    }
    Page<Instance> first = await(client.instances().list(InstanceQuery.builder().definitionId(g).pageSize(2).build()));
    assertThat(first.items()).extracting(Instance::id).containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(first.items()).allMatch(i -> i.state() == InstanceState.COMPLETED);
    Page<Instance> second = await(client.instances().list(InstanceQuery.builder().definitionId(g).pageSize(2)
        .pageToken(first.nextPageToken()).build()));
    assertThat(second.items()).extracting(Instance::id).containsExactly(ids.get(2));
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void unifiedCallsOBSCannotMakeAreRefusedWithTheReason() {
    assertThat(failure(client.instances().list(InstanceQuery.all())).getMessage()).contains("one graph");
    assertThat(failure(client.instances().start(StartRequest.of("g").businessKey("k").build())))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().get("no-slash"))).isInstanceOf(InstanceNotFoundException.class);
    try (ObsClient noObject = ObsClient.builder().baseUrl(fake.baseUrl()).credentials(ObsCredentials.of(AK, SK)).build()) {
      assertThat(failure(noObject.instances().start(StartRequest.of("g").build())).getMessage()).contains("defaultObject");
    }
    assertThatThrownBy(() -> ObsClient.builder().defaultObject("Bad", "o")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workflowClientsCreateMakesAnObsClientFromConfiguration() throws Exception {
    String g = graph("[{\"name\":\"p\"}]");
    try (io.flowport.core.WorkflowClient c = io.flowport.core.WorkflowClients.create(
        io.flowport.core.ClientConfig.builder("obs").endpoint(fake.baseUrl()).credentials(ObsCredentials.of(AK, SK))
            .setting("bucket", "config-bucket").setting("object", "config/object").build())) {
      assertThat(c).isInstanceOf(ObsClient.class);
      assertThat(await(c.instances().start(StartRequest.of(g).build())).definitionId()).isEqualTo(g);
      assertThat(last("POST /v2/workflows/" + g).body()).contains("\"bucket\":\"config-bucket\"");
    }
    assertThatThrownBy(() -> io.flowport.core.WorkflowClients.create(io.flowport.core.ClientConfig.builder("obs")
        .endpoint(fake.baseUrl()).setting("bukcet", "b").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bukcet").hasMessageContaining("bucket");
  }

  @Test
  void startAndAwaitPollsUntilTheExecutionEnds() throws Exception {
    String g = graph("[{\"name\":\"p\"}]");
    Instance done = await(client.instances().startAndAwait(StartRequest.of(g).variable("x", "y").build(), Duration.ofSeconds(10)));
    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(done.endTime()).isNotNull();
    assertThat(done.variables()).containsEntry("x", "y");
  }
}
