package io.flowport.rest.flowable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.flowport.rest.flowable.WireMockFlowable.BASE;
import static io.flowport.rest.flowable.WireMockFlowable.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowport.core.ClientConfig;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.JsonValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Flowable adapter against a scripted Flowable: what goes on the wire and how answers are read. */
@Timeout(20)
class FlowableClientTest {
  static WireMockFlowable flowable;
  static FlowableClient client;

  static final String INSTANCE = """
      {"id":"i-1","url":"http://x/runtime/process-instances/i-1","businessKey":"order-1","suspended":false,
       "ended":false,"processDefinitionId":"oneTask:3:17","startUserId":"rest-admin",
       "startTime":"2024-05-01T10:15:30.123+02:00","variables":[],"tenantId":"","completed":false}""";

  @BeforeAll
  static void start() {
    flowable = new WireMockFlowable();
    client = flowable.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    flowable.close();
  }

  @BeforeEach
  void reset() {
    flowable.server.resetAll();
  }

  static String path(String p) {
    return BASE + p;
  }

  static JsonNode json(LoggedRequest r) throws Exception {
    return JsonValues.MAPPER.readTree(r.getBodyAsString());
  }

  static LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    List<LoggedRequest> found = flowable.server.findAll(pattern);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  // ------------------------------------------------------------------ start

  @Test
  void startByKeySendsTypedVariablesAndReadsTheInstance() throws Exception {
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/process-instances")))
        .willReturn(aResponse().withStatus(201).withBody(INSTANCE)));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("s", "text");
    vars.put("i", 42);
    vars.put("l", 5_000_000_000L);
    vars.put("d", 2.5);
    vars.put("b", true);
    vars.put("m", Map.of("k", List.of(1, 2)));
    vars.put("list", List.of("a"));
    vars.put("n", null);

    Instance started = client.instances().start(StartRequest.of("oneTask").businessKey("order-1").tenantId("acme")
        .variables(vars).build()).join();

    LoggedRequest sent = only(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances"))));
    assertThat(sent.getHeader("Authorization")).startsWith("Basic ");
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    assertThat(sent.getBodyAsString()).isEqualToIgnoringWhitespace("""
        {"processDefinitionKey":"oneTask","businessKey":"order-1","tenantId":"acme","variables":[
          {"name":"s","type":"string","value":"text"},
          {"name":"i","type":"integer","value":42},
          {"name":"l","type":"long","value":5000000000},
          {"name":"d","type":"double","value":2.5},
          {"name":"b","type":"boolean","value":true},
          {"name":"m","type":"json","value":{"k":[1,2]}},
          {"name":"list","type":"json","value":["a"]},
          {"name":"n","value":null}]}""");
    assertThat(started.id()).isEqualTo("i-1");
    assertThat(started.definitionId()).isEqualTo("oneTask");
    assertThat(started.definitionKey()).isEqualTo("oneTask:3:17");
    assertThat(started.definitionVersion()).isEqualTo(3);
    assertThat(started.businessKey()).isEqualTo("order-1");
    assertThat(started.tenantId()).isNull();
    assertThat(started.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(started.rawStatus()).isEqualTo("active");
    assertThat(started.startTime()).isEqualTo(java.time.Instant.parse("2024-05-01T08:15:30.123Z"));
  }

  @Test
  void startByDefinitionKeyByMessageAndByVersion() throws Exception {
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/process-instances")))
        .willReturn(aResponse().withStatus(201).withBody(INSTANCE)));
    flowable.server.stubFor(get(urlPathEqualTo(path("/repository/process-definitions")))
        .withQueryParam("key", equalTo("oneTask")).withQueryParam("version", equalTo("3"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"oneTask:3:17\",\"key\":\"oneTask\",\"version\":3}],\"total\":1}")));

    client.instances().start(StartRequest.builder().definition(DefinitionRef.key("oneTask:1:4")).build()).join();
    client.instances().start(StartRequest.builder().messageName("newOrder").businessKey("b").build()).join();
    client.instances().start(StartRequest.builder().definition(DefinitionRef.version("oneTask", 3)).build()).join();

    List<LoggedRequest> starts = flowable.server.findAll(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances"))));
    assertThat(starts).hasSize(3);
    assertThat(json(starts.get(0))).isEqualTo(JsonValues.MAPPER.readTree("{\"processDefinitionId\":\"oneTask:1:4\"}"));
    assertThat(json(starts.get(1))).isEqualTo(JsonValues.MAPPER.readTree("{\"message\":\"newOrder\",\"businessKey\":\"b\"}"));
    assertThat(json(starts.get(2))).isEqualTo(JsonValues.MAPPER.readTree("{\"processDefinitionId\":\"oneTask:3:17\"}"));
  }

  @Test
  void startWithTransientAndReturnedVariables() {
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/process-instances")))
        .willReturn(aResponse().withStatus(201).withBody(INSTANCE.replace("\"variables\":[]",
            "\"variables\":[{\"name\":\"amount\",\"type\":\"long\",\"value\":7,\"scope\":\"local\"}]"))));
    Instance i = client.start(StartRequest.of("oneTask").variable("amount", 7L).build(),
        Map.of("token", "t"), true).join();
    assertThat(i.variables()).containsExactly(Map.entry("amount", 7L));
    LoggedRequest sent = only(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances"))));
    assertThat(sent.getBodyAsString()).contains("\"transientVariables\":[{\"name\":\"token\",\"type\":\"string\",\"value\":\"t\"}]")
        .contains("\"returnVariables\":true");
  }

  @Test
  void aStartAnsweredWith503TwiceIsRetriedToSuccess() {
    flowable.server.stubFor(post(anyUrl()).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("once"));
    flowable.server.stubFor(post(anyUrl()).inScenario("busy").whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("twice"));
    flowable.server.stubFor(post(anyUrl()).inScenario("busy").whenScenarioStateIs("twice")
        .willReturn(aResponse().withStatus(201).withBody(INSTANCE)));
    try (FlowableClient retrying = flowable.client(RetryPolicy.builder().maxAttempts(4)
        .baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(10)).jitter(0).build())) {
      Instance i = retrying.instances().start(StartRequest.of("oneTask").build()).join();
      assertThat(i.id()).isEqualTo("i-1");
    }
    assertThat(flowable.server.findAll(postRequestedFor(anyUrl()))).hasSize(3);
  }

  @Test
  void aResetDuringAStartIsNotRetriedButAGetIs() {
    flowable.server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    flowable.server.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (FlowableClient retrying = flowable.client(RetryPolicy.builder().maxAttempts(3)
        .baseDelay(Duration.ofMillis(5)).jitter(0).build())) {
      Throwable start = failure(retrying.instances().start(StartRequest.of("oneTask").build()));
      assertThat(start).isInstanceOf(EngineUnavailableException.class);
      assertThat(((EngineUnavailableException) start).requestMayHaveBeenProcessed()).isTrue();
      assertThat(flowable.server.findAll(postRequestedFor(anyUrl()))).hasSize(1); // may have started: not repeated

      Throwable got = failure(retrying.instances().get("i-1"));
      assertThat(got).isInstanceOf(EngineUnavailableException.class);
      assertThat(flowable.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl())))
          .hasSize(3); // idempotent: retried
    }
  }

  @Test
  void aGarbageSuccessBodyIsAnUnexpectedResponse() {
    flowable.server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("<html>login</html>")));
    Throwable t = failure(client.instances().start(StartRequest.of("oneTask").build()));
    assertThat(t).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("<html>login</html>");
    flowable.server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"no\":\"id\"}")));
    assertThat(failure(client.instances().start(StartRequest.of("oneTask").build())))
        .isInstanceOf(UnexpectedResponseException.class);
  }

  // ------------------------------------------------------------------ get, list

  @Test
  void getFallsBackToHistoryForEndedInstances() {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/done")))
        .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not found\",\"exception\":\"Could not find a process instance with id 'done'.\"}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/history/historic-process-instances/done")))
        .willReturn(aResponse().withStatus(200).withBody("""
            {"id":"done","businessKey":null,"processDefinitionId":"oneTask:1:4","startTime":"2024-05-01T10:00:00.000+0000",
             "endTime":"2024-05-01T10:05:00.000+0000","deleteReason":"no longer needed","tenantId":""}""")));
    Instance done = client.instances().get("done").join();
    assertThat(done.state()).isEqualTo(InstanceState.CANCELLED);
    assertThat(done.rawStatus()).isEqualTo("cancelled");
    assertThat(done.endTime()).isEqualTo(java.time.Instant.parse("2024-05-01T10:05:00Z"));

    flowable.server.stubFor(get(urlPathEqualTo(path("/history/historic-process-instances/done")))
        .willReturn(aResponse().withStatus(200).withBody("""
            {"id":"done","processDefinitionId":"oneTask:1:4","endTime":"2024-05-01T10:05:00.000+0000","deleteReason":null}""")));
    assertThat(client.instances().get("done").join().state()).isEqualTo(InstanceState.COMPLETED);

    flowable.server.stubFor(get(urlPathEqualTo(path("/history/historic-process-instances/done")))
        .willReturn(aResponse().withStatus(404).withBody("{}")));
    assertThat(failure(client.instances().get("done"))).isInstanceOf(io.flowport.core.error.InstanceNotFoundException.class)
        .hasMessageContaining("Could not find a process instance with id 'done'");
  }

  @Test
  void listMapsFiltersAndPagesByOffset() {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances")))
        .withQueryParam("start", equalTo("0"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[" + INSTANCE + "," + INSTANCE.replace("i-1", "i-2")
            + "],\"total\":3,\"start\":0,\"sort\":\"id\",\"order\":\"asc\",\"size\":2}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances")))
        .withQueryParam("start", equalTo("2"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[" + INSTANCE.replace("i-1", "i-3")
            .replace("\"suspended\":false", "\"suspended\":true") + "],\"total\":3,\"start\":2,\"size\":1}")));

    InstanceQuery q = InstanceQuery.builder().definitionId("oneTask").businessKey("order-1").tenantId("acme")
        .state(InstanceState.SUSPENDED).pageSize(2).build();
    Page<Instance> first = client.instances().list(q).join();
    assertThat(first.items()).extracting(Instance::id).containsExactly("i-1", "i-2");
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.nextPageToken()).isEqualTo("2");
    Page<Instance> second = client.instances().list(q.next(first)).join();
    assertThat(second.items()).extracting(Instance::id).containsExactly("i-3");
    assertThat(second.items().get(0).state()).isEqualTo(InstanceState.SUSPENDED);
    assertThat(second.nextPageToken()).isNull();

    LoggedRequest firstRequest = flowable.server.findAll(anyRequestedFor(anyUrl())).get(0);
    assertThat(firstRequest.getUrl()).isEqualTo(path("/runtime/process-instances?processDefinitionKey=oneTask"
        + "&businessKey=order-1&tenantId=acme&suspended=true&sort=id&order=asc&start=0&size=2"));

    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client.instances().forEach(q, i -> seen.add(i.id())).join();
    assertThat(seen).containsExactly("i-1", "i-2", "i-3");

    assertThat(failure(client.instances().list(q.toBuilder().pageToken("abc").build())))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().list(q.toBuilder().state(InstanceState.COMPLETED).build())))
        .isInstanceOf(OperationNotSupportedException.class);
  }

  // ------------------------------------------------------------------ actions

  @Test
  void instanceActionsUseFlowablesVerbs() throws Exception {
    flowable.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200).withBody(INSTANCE)));
    flowable.server.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));

    client.instances().suspend("i-1").join();
    client.instances().resume("i-1").join();
    client.instances().cancel("i/../2").join();
    client.instances().delete("i-1", "gone for good").join();

    List<LoggedRequest> all = flowable.server.findAll(anyRequestedFor(anyUrl()));
    assertThat(all).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
        "PUT " + path("/runtime/process-instances/i-1"),
        "PUT " + path("/runtime/process-instances/i-1"),
        "DELETE " + path("/runtime/process-instances/i%2F..%2F2"),
        "DELETE " + path("/runtime/process-instances/i-1?deleteReason=gone%20for%20good"));
    assertThat(json(all.get(0)).toString()).isEqualTo("{\"action\":\"suspend\"}");
    assertThat(json(all.get(1)).toString()).isEqualTo("{\"action\":\"activate\"}");
  }

  @Test
  void completeTaskFindsTheOpenTaskByKeyAndCompletesItWithTypedVariables() throws Exception {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/tasks")))
        .willReturn(aResponse().withStatus(200).withBody(
            "{\"data\":[{\"id\":\"t 7\",\"taskDefinitionKey\":\"approve\"}],\"total\":1}")));
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/tasks/t%207"))).willReturn(aResponse().withStatus(200)));

    client.completeTask("i-1", "approve", Map.of("ok", true)).join();

    LoggedRequest query = only(getRequestedFor(urlPathEqualTo(path("/runtime/tasks"))));
    assertThat(query.queryParameter("processInstanceId").firstValue()).isEqualTo("i-1");
    assertThat(query.queryParameter("taskDefinitionKey").firstValue()).isEqualTo("approve");
    assertThat(json(only(postRequestedFor(urlPathEqualTo(path("/runtime/tasks/t%207"))))).toString())
        .isEqualTo("{\"action\":\"complete\",\"variables\":[{\"name\":\"ok\",\"type\":\"boolean\",\"value\":true}]}");
  }

  @Test
  void completeTaskWithNoOpenTaskIsNotFoundAndPostsNothing() {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/tasks")))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));

    assertThatThrownBy(() -> client.completeTask("i-1", "approve", Map.of()).join())
        .hasCauseInstanceOf(io.flowport.core.error.ResourceNotFoundException.class)
        .hasMessageContaining("no open task 'approve'");
    assertThat(flowable.server.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  // ------------------------------------------------------------------ variables

  @Test
  void variablesAreReadBackWithTheirJavaTypes() {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/i-1/variables")))
        .willReturn(aResponse().withStatus(200).withBody("""
            [{"name":"s","type":"string","value":"text","scope":"local"},
             {"name":"i","type":"integer","value":42,"scope":"local"},
             {"name":"l","type":"long","value":42,"scope":"local"},
             {"name":"d","type":"double","value":2.0,"scope":"local"},
             {"name":"b","type":"boolean","value":false,"scope":"local"},
             {"name":"m","type":"json","value":{"k":[1,2]},"scope":"local"},
             {"name":"n","type":null,"value":null,"scope":"local"},
             {"name":"when","type":"date","value":"2024-05-01T10:00:00.000+0000","scope":"local"},
             {"name":"blob","type":"binary","value":null,"valueUrl":"http://x/variables/blob/data","scope":"local"}]""")));
    Map<String, Object> vars = client.variables().getAll("i-1").join();
    assertThat(vars.get("s")).isEqualTo("text");
    assertThat(vars.get("i")).isEqualTo(42).isInstanceOf(Integer.class);
    assertThat(vars.get("l")).isEqualTo(42L).isInstanceOf(Long.class);
    assertThat(vars.get("d")).isEqualTo(2.0).isInstanceOf(Double.class);
    assertThat(vars.get("b")).isEqualTo(false);
    assertThat(vars.get("m")).isEqualTo(Map.of("k", List.of(1, 2)));
    assertThat(vars).containsEntry("n", null).containsEntry("blob", null);
    assertThat(vars.get("when")).isEqualTo("2024-05-01T10:00:00.000+0000");

    List<FlowableVariable> typed = client.getTypedVariables("i-1").join();
    assertThat(typed.get(8).isBinary()).isTrue();
    assertThat(typed.get(8).valueUrl()).endsWith("/variables/blob/data");
  }

  @Test
  void getOneVariableCreateAndUpsert() throws Exception {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/i-1/variables/amount")))
        .willReturn(aResponse().withStatus(200).withBody("{\"name\":\"amount\",\"type\":\"long\",\"value\":5}")));
    flowable.server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("[]")));
    flowable.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(201).withBody("[]")));

    assertThat(client.variables().get("i-1", "amount").join()).isEqualTo(5L);
    client.variables().create("i-1", Map.of("a", 1)).join();
    client.variables().upsert("i-1", Map.of("b", "x")).join();
    client.variables().create("i-1", Map.of()).join(); // nothing to send

    LoggedRequest created = only(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances/i-1/variables"))));
    assertThat(created.getBodyAsString()).isEqualTo("[{\"name\":\"a\",\"type\":\"integer\",\"value\":1}]");
    LoggedRequest upserted = only(putRequestedFor(urlPathEqualTo(path("/runtime/process-instances/i-1/variables"))));
    assertThat(upserted.getBodyAsString()).isEqualTo("[{\"name\":\"b\",\"type\":\"string\",\"value\":\"x\"}]");
  }

  @Test
  void variablesOfAnEndedInstanceComeFromHistory() {
    String missing = "{\"message\":\"Not found\",\"exception\":\"Could not find an execution with id 'done'.\"}";
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/done/variables")))
        .willReturn(aResponse().withStatus(404).withBody(missing)));
    flowable.server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
        path("/runtime/process-instances/done/variables/.*"))).willReturn(aResponse().withStatus(404).withBody(missing)));
    flowable.server.stubFor(get(urlPathEqualTo(path("/history/historic-process-instances")))
        .withQueryParam("processInstanceId", equalTo("done"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"done\",\"variables\":"
            + "[{\"name\":\"amount\",\"type\":\"integer\",\"value\":3}]}],\"total\":1}")));
    assertThat(client.variables().getAll("done").join()).containsExactly(Map.entry("amount", 3));
    assertThat(client.variables().get("done", "amount").join()).isEqualTo(3);
    assertThat(failure(client.variables().get("done", "other")))
        .isInstanceOf(io.flowport.core.error.VariableNotFoundException.class);

    flowable.server.stubFor(get(urlPathEqualTo(path("/history/historic-process-instances")))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));
    assertThat(failure(client.variables().getAll("done")))
        .isInstanceOf(io.flowport.core.error.InstanceNotFoundException.class);
  }

  @Test
  void binaryVariablesGoAsMultipartAndComeBackRaw() {
    flowable.server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody(
        "{\"name\":\"blob\",\"type\":\"binary\",\"value\":null,\"valueUrl\":\"http://x/runtime/process-instances/i-1/variables/blob/data\",\"scope\":\"local\"}")));
    flowable.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200).withBody(
        "{\"name\":\"blob\",\"type\":\"binary\",\"value\":null,\"scope\":\"local\"}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/i-1/variables/blob/data")))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
            .withBody(new byte[] {0, 1, 2, (byte) 255})));

    FlowableVariable created = client.createBinaryVariable("i-1", "blob", new byte[] {9, 8}).join();
    assertThat(created.isBinary()).isTrue();
    client.updateBinaryVariable("i-1", "blob", new byte[] {7}).join();
    assertThat(client.getBinaryVariable("i-1", "blob").join()).containsExactly(0, 1, 2, 255);

    LoggedRequest post = only(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances/i-1/variables"))));
    assertThat(post.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(post.getBodyAsString()).contains("name=\"name\"").contains("blob").contains("name=\"type\"")
        .contains("binary").contains("name=\"file\"; filename=\"blob\"");
    assertThat(only(putRequestedFor(urlPathEqualTo(path("/runtime/process-instances/i-1/variables/blob"))))
        .getHeader("Content-Type")).startsWith("multipart/form-data");
  }

  // ------------------------------------------------------------------ deploy

  @Test
  void deployMakesOneMultipartRequestPerResourceThenListsTheDefinitions() {
    flowable.server.stubFor(post(urlPathEqualTo(path("/repository/deployments"))).inScenario("d")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"d1\",\"name\":\"a\"}")));
    flowable.server.stubFor(post(urlPathEqualTo(path("/repository/deployments"))).inScenario("d")
        .whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"d2\",\"name\":\"b\"}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/repository/process-definitions")))
        .withQueryParam("deploymentId", equalTo("d1"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"a:1:5\",\"key\":\"a\",\"version\":1,"
            + "\"resource\":\"http://x/repository/deployments/d1/resources/a.bpmn20.xml\",\"tenantId\":\"\"}],\"total\":1}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/repository/process-definitions")))
        .withQueryParam("deploymentId", equalTo("d2"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"b:2:9\",\"key\":\"b\",\"version\":2,"
            + "\"tenantId\":\"acme\"}],\"total\":1}")));

    Deployment d = client.definitions().deploy(DeployRequest.builder()
        .resource(Resource.of("a.bpmn20.xml", "<a/>".getBytes(StandardCharsets.UTF_8)))
        .resource(Resource.of("b.bpmn", "<b/>".getBytes(StandardCharsets.UTF_8)))
        .tenantId("acme").name("orders").build()).join();

    assertThat(d.deploymentId()).isEqualTo("d1,d2");
    assertThat(d.definitions()).extracting(x -> x.id() + " v" + x.version() + " " + x.key() + " " + x.resourceName()
        + " " + x.tenantId()).containsExactly("a v1 a:1:5 a.bpmn20.xml null", "b v2 b:2:9 b.bpmn acme");
    List<LoggedRequest> posts = flowable.server.findAll(postRequestedFor(urlPathEqualTo(path("/repository/deployments"))));
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).getParts()).hasSize(2);
    // Flowable 7.2.0 ignores a deploymentName form field: the name goes in the query
    assertThat(posts.get(0).queryParameter("deploymentName").firstValue()).isEqualTo("orders");
    assertThat(posts.get(0).getBodyAsString())
        .doesNotContain("name=\"deploymentName\"")
        .contains("name=\"tenantId\"").contains("acme")
        .contains("name=\"file\"; filename=\"a.bpmn20.xml\"").contains("<a/>").doesNotContain("<b/>");
    assertThat(posts.get(1).getBodyAsString()).contains("filename=\"b.bpmn\"").doesNotContain("<a/>");
  }

  @Test
  void deployRefusesFilesFlowableWouldRefuseBeforeTheWire() {
    Throwable t = failure(client.definitions().deploy(DeployRequest.of(
        Resource.of("ok.bpmn20.xml", new byte[1]), Resource.of("notes.txt", new byte[1]))));
    assertThat(t).isInstanceOf(ClientValidationException.class).hasMessageContaining("notes.txt");
    assertThat(flowable.server.getAllServeEvents()).isEmpty();
  }

  // ------------------------------------------------------------------ messages, signals

  @Test
  void publishDeliversToTheFirstWaitingExecutionOfThatBusinessKey() throws Exception {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances")))
        .withQueryParam("businessKey", equalTo("order-1"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[" + INSTANCE.replace("i-1", "i-0") + ","
            + INSTANCE + "],\"total\":2}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/executions")))
        .withQueryParam("processInstanceId", equalTo("i-0"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/executions")))
        .withQueryParam("processInstanceId", equalTo("i-1"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"e-9\",\"processInstanceId\":\"i-1\"}],\"total\":1}")));
    flowable.server.stubFor(put(urlPathEqualTo(path("/runtime/executions/e-9"))).willReturn(aResponse().withStatus(204)));

    MessageReceipt receipt = client.messages().publish(MessageRequest.builder("ping", "order-1")
        .variable("answer", 42).build()).join();

    assertThat(receipt.instanceId()).isEqualTo("i-1");
    List<LoggedRequest> lookups = flowable.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlPathEqualTo(path("/runtime/executions"))));
    assertThat(lookups).hasSize(2);
    assertThat(lookups.get(1).queryParameter("messageEventSubscriptionName").firstValue()).isEqualTo("ping");
    LoggedRequest delivered = only(putRequestedFor(anyUrl()));
    assertThat(json(delivered)).isEqualTo(JsonValues.MAPPER.readTree(
        "{\"action\":\"messageEventReceived\",\"messageName\":\"ping\",\"variables\":[{\"name\":\"answer\",\"type\":\"integer\",\"value\":42}]}"));
  }

  @Test
  void publishStartsByMessageWhenNothingWaits() throws Exception {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances")))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/executions")))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/process-instances")))
        .willReturn(aResponse().withStatus(201).withBody(INSTANCE)));
    MessageReceipt receipt = client.messages().publish(MessageRequest.builder("newOrder", "order-1").build()).join();
    assertThat(receipt.instanceId()).isEqualTo("i-1");
    // no instance has business key order-1: it was tried as an instance id
    assertThat(only(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlPathEqualTo(path("/runtime/executions")))).queryParameter("processInstanceId").firstValue()).isEqualTo("order-1");
    assertThat(json(only(postRequestedFor(anyUrl())))).isEqualTo(
        JsonValues.MAPPER.readTree("{\"message\":\"newOrder\",\"businessKey\":\"order-1\"}"));
  }

  @Test
  void messageToOneInstanceAndSignals() throws Exception {
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/executions")))
        .withQueryParam("processInstanceId", equalTo("i-1"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"e-1\",\"processInstanceId\":\"i-1\"}]}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/executions")))
        .withQueryParam("processInstanceId", equalTo("i-2"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
    flowable.server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/signals"))).willReturn(aResponse().withStatus(204)));

    client.messageInstance("i-1", "ping", Map.of()).join();
    assertThat(only(putRequestedFor(urlPathEqualTo(path("/runtime/executions/e-1")))).getBodyAsString())
        .isEqualTo("{\"action\":\"messageEventReceived\",\"messageName\":\"ping\"}");
    assertThat(failure(client.messageInstance("i-2", "ping", null)))
        .isInstanceOf(io.flowport.core.error.InstanceNotFoundException.class);

    client.signal("alert", "acme", Map.of("level", 3), false).join();
    assertThat(json(only(postRequestedFor(urlPathEqualTo(path("/runtime/signals")))))).isEqualTo(JsonValues.MAPPER
        .readTree("{\"signalName\":\"alert\",\"tenantId\":\"acme\",\"variables\":[{\"name\":\"level\",\"type\":\"integer\",\"value\":3}]}"));
    assertThat(failure(client.signal("alert", null, Map.of("x", 1), true)))
        .isInstanceOf(ClientValidationException.class);
  }

  // ------------------------------------------------------------------ Flowable-only reads

  @Test
  void identityLinksQueryAndDiagram() throws Exception {
    String link = "{\"url\":\"http://x/identitylinks/users/fozzie/participant\",\"user\":\"fozzie\",\"group\":null,\"type\":\"participant\"}";
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/i-1/identitylinks")))
        .willReturn(aResponse().withStatus(200).withBody("[" + link + "]")));
    flowable.server.stubFor(post(urlPathEqualTo(path("/runtime/process-instances/i-1/identitylinks")))
        .willReturn(aResponse().withStatus(201).withBody(link)));
    flowable.server.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
    flowable.server.stubFor(post(urlPathEqualTo(path("/query/process-instances")))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[" + INSTANCE + "],\"total\":1,\"start\":0,\"size\":1}")));
    flowable.server.stubFor(get(urlPathEqualTo(path("/runtime/process-instances/i-1/diagram")))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

    assertThat(client.getIdentityLinks("i-1").join())
        .containsExactly(new IdentityLink("fozzie", null, "participant", "http://x/identitylinks/users/fozzie/participant"));
    assertThat(client.addIdentityLink("i-1", "fozzie", "participant").join().user()).isEqualTo("fozzie");
    client.removeIdentityLink("i-1", "fozzie", "participant").join();
    Page<Instance> page = client.query(FlowableInstanceQuery.builder().processDefinitionKey("oneTask")
        .variable("amount", FlowableInstanceQuery.VariableOperation.GREATER_THAN, 10L).variableEquals("vip", true)
        .pageSize(1).build()).join();
    byte[] png = client.getDiagram("i-1").join();

    assertThat(json(only(postRequestedFor(urlPathEqualTo(path("/runtime/process-instances/i-1/identitylinks"))))))
        .isEqualTo(JsonValues.MAPPER.readTree("{\"user\":\"fozzie\",\"type\":\"participant\"}"));
    assertThat(flowable.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(anyUrl()))
        .get(0).getUrl()).isEqualTo(path("/runtime/process-instances/i-1/identitylinks/users/fozzie/participant"));
    assertThat(page.items()).hasSize(1);
    assertThat(page.nextPageToken()).isNull();
    JsonNode query = json(only(postRequestedFor(urlPathEqualTo(path("/query/process-instances")))));
    assertThat(query.get("processDefinitionKey").asText()).isEqualTo("oneTask");
    assertThat(query.get("variables").toString()).isEqualTo("[{\"name\":\"amount\",\"type\":\"long\",\"value\":10,"
        + "\"operation\":\"greaterThan\"},{\"name\":\"vip\",\"type\":\"boolean\",\"value\":true,\"operation\":\"equals\"}]");
    assertThat(png).startsWith((byte) 0x89, (byte) 'P');
    assertThat(flowable.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlPathEqualTo(path("/runtime/process-instances/i-1/diagram")))).get(0).getHeader("Accept")).contains("image/png");
  }

  // ------------------------------------------------------------------ client

  @Test
  void capabilitiesAreExactlyWhatIsImplemented() {
    assertThat(client.capabilities().operations()).containsExactlyInAnyOrder(
        Operation.DEPLOY, Operation.START_INSTANCE, Operation.START_AND_AWAIT, Operation.GET_INSTANCE,
        Operation.LIST_INSTANCES, Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE,
        Operation.DELETE_INSTANCE, Operation.GET_VARIABLES, Operation.GET_VARIABLE, Operation.CREATE_VARIABLES,
        Operation.UPSERT_VARIABLES, Operation.PUBLISH_MESSAGE);
    assertThat(failure(client.instances().retry("i-1"))).isInstanceOf(OperationNotSupportedException.class)
        .hasMessageContaining("flowable");
    assertThat(failure(client.nodes().tree("i-1"))).isInstanceOf(OperationNotSupportedException.class);
  }

  @Test
  void theProviderMakesFlowableClientsFromConfig() {
    flowable.server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(INSTANCE)));
    try (WorkflowClient c = WorkflowClients.create(ClientConfig.builder("flowable").endpoint(flowable.baseUrl())
        .credentials(Credentials.basic("u", "p")).build())) {
      assertThat(c).isInstanceOf(FlowableClient.class);
      assertThat(c.instances().get("i-1").join().id()).isEqualTo("i-1");
      assertThat(c.toString()).doesNotContain("u:p");
    }
  }

  @Test
  void theProviderRefusesSettingsFlowableDoesNotRead() {
    ClientConfig config = ClientConfig.builder("flowable").endpoint(flowable.baseUrl()).setting("tenant", "acme").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkflowClients.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting 'tenant' for flowable");
  }

  @Test
  void cancellingAUserFutureCancelsTheWireCall() throws Exception {
    // a server of its own: the abandoned call must not land in the shared server's journal
    try (WireMockFlowable slow = new WireMockFlowable(); FlowableClient c = slow.client()) {
      slow.server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(INSTANCE).withFixedDelay(3000)));
      long t0 = System.nanoTime();
      var f = c.instances().get("i-1");
      Thread.sleep(200);
      f.cancel(true);
      assertThat(f).isCancelled();
      // the client stays usable and is not blocked by the abandoned call
      slow.server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(INSTANCE)));
      assertThat(c.instances().get("i-1").join().id()).isEqualTo("i-1");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }
  }
}
