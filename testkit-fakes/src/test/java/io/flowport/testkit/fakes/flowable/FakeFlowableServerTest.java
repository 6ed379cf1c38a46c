package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.InstanceStatus;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Happy paths of every endpoint, over real sockets with the JDK HttpClient. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeFlowableServerTest {
  private FakeFlowableServer fake;
  private FlowableHttp http;
  private String deploymentId;

  @BeforeAll
  void start() {
    fake = FakeFlowableServer.start();
    http = new FlowableHttp(fake.baseUrl());
    FlowableHttp.Answer a = http.deploy("flowable-one-task.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"),
        "deploymentName", "fake-test");
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    deploymentId = a.text("id");
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private static String unique() {
    return "bk-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String startOneTask(String businessKey) {
    FlowableHttp.Answer a = http.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"oneTask\",\"businessKey\":\"" + businessKey + "\"}");
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.text("id");
  }

  @Test
  void deployAnswersFlowablesDeploymentShape() {
    FlowableHttp.Answer a = http.deploy("flowable-one-task.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
    assertThat(a.status()).isEqualTo(201);
    JsonNode d = a.json();
    assertThat(fieldNames(d)).containsExactly("id", "name", "deploymentTime", "category", "parentDeploymentId", "url", "tenantId");
    // without ?deploymentName=, Flowable names a deployment after its file, up to the first dot
    assertThat(d.get("name").asText()).isEqualTo("flowable-one-task");
    assertThat(d.get("tenantId").asText()).isEmpty();
    assertThat(d.get("url").asText()).isEqualTo(fake.baseUrl() + "/repository/deployments/" + d.get("id").asText());
    // Flowable adds a version on every deploy of the same content
    JsonNode defs = http.get("repository/process-definitions?deploymentId=" + d.get("id").asText() + "&key=oneTask").json();
    assertThat(defs.get("total").asInt()).isEqualTo(1);
    JsonNode def = defs.get("data").get(0);
    assertThat(def.get("version").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(def.get("id").asText()).startsWith("oneTask:" + def.get("version").asInt() + ":");
    assertThat(def.get("resource").asText()).endsWith("/resources/flowable-one-task.bpmn20.xml");
    assertThat(def.get("category").asText()).isEqualTo("http://flowport.io/fake-test");
  }

  @Test
  void processDefinitionsListWithLatestAndEnvelope() {
    JsonNode page = http.get("repository/process-definitions?deploymentId=" + deploymentId + "&sort=key").json();
    assertThat(fieldNames(page)).containsExactly("data", "total", "start", "sort", "order", "size");
    assertThat(page.get("total").asInt()).isEqualTo(4);
    List<String> keys = new ArrayList<>();
    page.get("data").forEach(d -> keys.add(d.get("key").asText()));
    assertThat(keys).containsExactly("byMessage", "noop", "oneTask", "waitPing");
    // latest is per key and tenant, as in Flowable
    JsonNode latest = http.get("repository/process-definitions?key=noop&latest=true&tenantId=").json();
    assertThat(latest.get("data")).hasSize(1);
    assertThat(latest.get("data").get(0).get("tenantId").asText()).isEmpty();
    assertThat(http.get("repository/process-definitions/" + latest.get("data").get(0).get("id").asText()).status())
        .isEqualTo(200);
  }

  @Test
  void deployAZipDeploysEveryBpmnInIt() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("a.bpmn20.xml"));
      out.write(FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
      out.closeEntry();
    }
    FlowableHttp.Answer a = http.deploy("bundle.zip", zip.toByteArray(), "tenantId", "acme");
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.text("tenantId")).isEqualTo("acme");
    JsonNode defs = http.get("repository/process-definitions?deploymentId=" + a.text("id")).json();
    assertThat(defs.get("total").asInt()).isEqualTo(4);
    FlowableHttp.Answer started = http.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"oneTask\",\"tenantId\":\"acme\"}");
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.text("tenantId")).isEqualTo("acme");
    FlowableHttp.Answer wrongTenant = http.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"oneTask\",\"tenantId\":\"other\"}");
    assertThat(wrongTenant.status()).isEqualTo(400);
  }

  @Test
  void deleteDeploymentWithCascade() {
    String id = http.deploy("x.bpmn", FlowableHttp.resource("flowable-one-task.bpmn20.xml")).text("id");
    String defId = http.get("repository/process-definitions?deploymentId=" + id + "&key=oneTask").json()
        .get("data").get(0).get("id").asText();
    String inst = http.post("runtime/process-instances", "{\"processDefinitionId\":\"" + defId + "\"}").text("id");
    assertThat(http.delete("repository/deployments/" + id + "?cascade=true").status()).isEqualTo(204);
    assertThat(http.get("repository/deployments/" + id).status()).isEqualTo(404);
    assertThat(http.get("runtime/process-instances/" + inst).status()).isEqualTo(404);
    assertThat(http.get("repository/process-definitions?deploymentId=" + id).json().get("total").asInt()).isZero();
  }

  @Test
  void startAnswersTheInstanceAndGetListFindIt() {
    String bk = unique();
    FlowableHttp.Answer a = http.post("runtime/process-instances", "{\"processDefinitionKey\":\"oneTask\",\"businessKey\":\""
        + bk + "\",\"returnVariables\":true,\"variables\":[{\"name\":\"amount\",\"value\":42},"
        + "{\"name\":\"vip\",\"type\":\"boolean\",\"value\":true}]}");
    assertThat(a.status()).isEqualTo(201);
    JsonNode i = a.json();
    assertThat(fieldNames(i)).contains("id", "url", "businessKey", "suspended", "ended", "processDefinitionId",
        "processDefinitionUrl", "activityId", "startUserId", "startTime", "variables", "tenantId", "completed");
    assertThat(i.get("ended").asBoolean()).isFalse();
    assertThat(i.get("suspended").asBoolean()).isFalse();
    // the process instance's own execution sits in no activity (its child execution does), as on Flowable
    assertThat(i.get("activityId").isNull()).isTrue();
    assertThat(i.get("processDefinitionId").asText()).startsWith("oneTask:");
    assertThat(i.get("variables")).hasSize(2);
    List<String> startTypes = new ArrayList<>();
    i.get("variables").forEach(v -> startTypes.add(v.get("name").asText() + ":" + v.get("type").asText()));
    assertThat(startTypes).containsExactlyInAnyOrder("amount:integer", "vip:boolean");
    String id = i.get("id").asText();

    JsonNode got = http.get("runtime/process-instances/" + id).json();
    assertThat(got.get("businessKey").asText()).isEqualTo(bk);
    assertThat(got.get("variables")).isEmpty();

    JsonNode page = http.get("runtime/process-instances?businessKey=" + bk + "&start=0&size=1&sort=startTime&order=desc").json();
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("sort").asText()).isEqualTo("startTime");
    assertThat(page.get("order").asText()).isEqualTo("desc");
    assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(id);
    assertThat(http.post("query/process-instances", "{\"processBusinessKey\":\"" + bk + "\",\"variables\":[{\"name\":\"amount\","
        + "\"value\":40,\"operation\":\"greaterThan\",\"type\":\"integer\"}]}").json().get("total").asInt()).isEqualTo(1);
    assertThat(http.post("query/process-instances", "{\"processBusinessKey\":\"" + bk + "\",\"variables\":[{\"name\":\"amount\","
        + "\"value\":50,\"operation\":\"greaterThan\",\"type\":\"integer\"}]}").json().get("total").asInt()).isZero();
  }

  @Test
  void listPagesAndFiltersBySuspended() {
    String bk = unique();
    String a = startOneTask(bk);
    String b = startOneTask(bk);
    String c = startOneTask(bk);
    http.put("runtime/process-instances/" + b, "{\"action\":\"suspend\"}");
    JsonNode first = http.get("runtime/process-instances?businessKey=" + bk + "&size=2").json();
    assertThat(first.get("total").asInt()).isEqualTo(3);
    assertThat(first.get("size").asInt()).isEqualTo(2);
    JsonNode second = http.get("runtime/process-instances?businessKey=" + bk + "&size=2&start=2").json();
    assertThat(second.get("data")).hasSize(1);
    assertThat(second.get("data").get(0).get("id").asText()).isEqualTo(c);
    JsonNode suspended = http.get("runtime/process-instances?businessKey=" + bk + "&suspended=true").json();
    assertThat(suspended.get("data")).hasSize(1);
    assertThat(suspended.get("data").get(0).get("id").asText()).isEqualTo(b);
    assertThat(http.get("runtime/process-instances?businessKey=" + bk + "&suspended=false").json().get("total").asInt())
        .isEqualTo(2);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void startToEndIsCompletedAndThenOnlyInHistory() {
    FlowableHttp.Answer a = http.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"noop\",\"returnVariables\":true,\"variables\":[{\"name\":\"x\",\"value\":\"y\"}]}");
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("ended").asBoolean()).isTrue();
    assertThat(a.json().get("completed").asBoolean()).isTrue();
    assertThat(a.json().get("variables").get(0).get("value").asText()).isEqualTo("y");
    String id = a.text("id");
    assertThat(http.get("runtime/process-instances/" + id).status()).isEqualTo(404);
    FlowableHttp.Answer h = http.get("history/historic-process-instances/" + id);
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.text("endTime")).isNotNull();
    assertThat(h.text("deleteReason")).isNull();
    assertThat(h.text("endActivityId")).isEqualTo("noopEnd");
    JsonNode list = http.get("history/historic-process-instances?processInstanceId=" + id + "&includeProcessVariables=true").json();
    assertThat(list.get("data").get(0).get("variables").get(0).get("name").asText()).isEqualTo("x");
  }

  @Test
  void startByDefinitionIdAndByMessage() {
    String defId = http.get("repository/process-definitions?key=oneTask&latest=true").json().get("data").get(0).get("id").asText();
    FlowableHttp.Answer byId = http.post("runtime/process-instances", "{\"processDefinitionId\":\"" + defId + "\"}");
    assertThat(byId.status()).isEqualTo(201);
    assertThat(byId.text("processDefinitionId")).isEqualTo(defId);
    FlowableHttp.Answer byMessage = http.post("runtime/process-instances", "{\"message\":\"go\"}");
    assertThat(byMessage.status()).as(byMessage.body()).isEqualTo(201);
    assertThat(byMessage.text("processDefinitionId")).startsWith("byMessage:");
    FlowableHttp.Answer unknown = http.post("runtime/process-instances", "{\"message\":\"nobody-listens\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(http.post("runtime/process-instances", "{\"message\":\"go\",\"processDefinitionKey\":\"oneTask\"}").text("exception"))
        .isEqualTo("Only one of processDefinitionId, processDefinitionKey or message should be set.");
  }

  @Test
  void suspendActivateAndDeleteWithReason() {
    String id = startOneTask(unique());
    FlowableHttp.Answer s = http.put("runtime/process-instances/" + id, "{\"action\":\"suspend\"}");
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.json().get("suspended").asBoolean()).isTrue();
    assertThat(fake.engine().get(id).state()).isEqualTo(InstanceStatus.SUSPENDED);
    FlowableHttp.Answer r = http.put("runtime/process-instances/" + id, "{\"action\":\"activate\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("suspended").asBoolean()).isFalse();
    assertThat(http.delete("runtime/process-instances/" + id + "?deleteReason=x").status()).isEqualTo(204);
    assertThat(http.get("runtime/process-instances/" + id).status()).isEqualTo(404);
    assertThat(http.delete("runtime/process-instances/" + id).status()).isEqualTo(404);
    FlowableHttp.Answer h = http.get("history/historic-process-instances/" + id);
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.text("deleteReason")).isEqualTo("x");
    assertThat(h.text("endTime")).isNotNull();
    assertThat(http.delete("history/historic-process-instances/" + id).status()).isEqualTo(204);
    assertThat(http.get("history/historic-process-instances/" + id).status()).isEqualTo(404);
  }

  @Test
  void typedVariablesBothWays() {
    String id = startOneTask(unique());
    String path = "runtime/process-instances/" + id + "/variables";
    FlowableHttp.Answer created = http.post(path, "[{\"name\":\"s\",\"value\":\"text\"},{\"name\":\"i\",\"value\":7},"
        + "{\"name\":\"l\",\"type\":\"long\",\"value\":7},{\"name\":\"sh\",\"type\":\"short\",\"value\":3},"
        + "{\"name\":\"d\",\"value\":1.5},{\"name\":\"b\",\"value\":false},"
        + "{\"name\":\"dt\",\"type\":\"date\",\"value\":\"2025-01-02T03:04:05.000+00:00\"},"
        + "{\"name\":\"j\",\"value\":{\"a\":[1,2]}},{\"name\":\"arr\",\"type\":\"json\",\"value\":[1]},"
        + "{\"name\":\"n\",\"value\":null}]");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json()).hasSize(10);
    JsonNode all = http.get(path).json();
    List<String> types = new ArrayList<>();
    all.forEach(v -> types.add(v.get("name").asText() + ":" + v.get("type").asText()));
    assertThat(types).containsExactlyInAnyOrder("s:string", "i:integer", "l:long", "sh:short", "d:double", "b:boolean",
        "dt:date", "j:json", "arr:json", "n:null");
    all.forEach(v -> assertThat(v.get("scope").asText()).isEqualTo("local"));
    assertThat(http.get(path + "/dt").text("value")).isEqualTo("2025-01-02T03:04:05Z"); // Flowable: ISO instant
    assertThat(http.get(path + "/j").json().get("value").get("a").get(1).asInt()).isEqualTo(2);
    assertThat(fake.engine().variable(id, "j")).isInstanceOf(java.util.Map.class);

    FlowableHttp.Answer upsert = http.put(path, "[{\"name\":\"s\",\"value\":\"changed\"},{\"name\":\"fresh\",\"value\":1}]");
    assertThat(upsert.status()).isEqualTo(201);
    FlowableHttp.Answer one = http.put(path + "/s", "{\"name\":\"s\",\"type\":\"string\",\"value\":\"again\"}");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.text("value")).isEqualTo("again");
    assertThat(http.delete(path + "/fresh").status()).isEqualTo(204);
    assertThat(http.get(path + "/fresh").status()).isEqualTo(404);
    assertThat(http.post(path, "[{\"name\":\"fresh\",\"value\":2}]").status()).isEqualTo(201);
    assertThat(http.get(path + "/fresh").json().get("value").asInt()).isEqualTo(2);
  }

  @Test
  void messageToAWaitingExecution() {
    String id = http.post("runtime/process-instances", "{\"processDefinitionKey\":\"waitPing\"}").text("id");
    JsonNode none = http.get("runtime/executions?processInstanceId=" + id + "&messageEventSubscriptionName=other").json();
    assertThat(none.get("data")).isEmpty();
    JsonNode found = http.get("runtime/executions?processInstanceId=" + id + "&messageEventSubscriptionName=ping").json();
    assertThat(found.get("data")).hasSize(1);
    JsonNode execution = found.get("data").get(0);
    assertThat(execution.get("processInstanceId").asText()).isEqualTo(id);
    assertThat(execution.get("activityId").asText()).isEqualTo("waitForPing");
    FlowableHttp.Answer wrong = http.put("runtime/executions/" + execution.get("id").asText(),
        "{\"action\":\"messageEventReceived\",\"messageName\":\"other\"}");
    assertThat(wrong.status()).isEqualTo(500);
    FlowableHttp.Answer ok = http.put("runtime/executions/" + execution.get("id").asText(),
        "{\"action\":\"messageEventReceived\",\"messageName\":\"ping\",\"variables\":[{\"name\":\"pinged\",\"value\":true}]}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    assertThat(http.get("runtime/process-instances/" + id).status()).isEqualTo(404);
    assertThat(fake.engine().get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(fake.engine().variable(id, "pinged")).isEqualTo(true);
    assertThat(http.put("runtime/executions/nope", "{\"action\":\"messageEventReceived\",\"messageName\":\"ping\"}").text("exception"))
        .isEqualTo("Could not find an execution with id 'nope'.");
  }

  @Test
  void userTasksListAndComplete() {
    String id = startOneTask(unique());
    JsonNode tasks = http.get("runtime/tasks?processInstanceId=" + id).json();
    assertThat(tasks.get("data")).hasSize(1);
    JsonNode task = tasks.get("data").get(0);
    assertThat(task.get("name").asText()).isEqualTo("Review");
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("review");
    assertThat(task.get("processInstanceId").asText()).isEqualTo(id);
    String taskId = task.get("id").asText();
    assertThat(http.get("runtime/tasks/" + taskId).status()).isEqualTo(200);
    assertThat(http.post("runtime/tasks/" + taskId, "{\"action\":\"frobnicate\"}").text("exception"))
        .isEqualTo("Invalid action: 'frobnicate'.");
    FlowableHttp.Answer done = http.post("runtime/tasks/" + taskId,
        "{\"action\":\"complete\",\"variables\":[{\"name\":\"approved\",\"value\":true}]}");
    assertThat(done.status()).isEqualTo(200);
    assertThat(http.get("runtime/tasks/" + taskId).status()).isEqualTo(404);
    assertThat(http.get("history/historic-process-instances/" + id).text("endTime")).isNotNull();
    assertThat(fake.engine().variable(id, "approved")).isEqualTo(true);
  }

  @Test
  void identityLinks() {
    String id = startOneTask(unique());
    String path = "runtime/process-instances/" + id + "/identitylinks";
    FlowableHttp.Answer added = http.post(path, "{\"user\":\"fozzie\",\"type\":\"participant\"}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.text("url")).endsWith("/identitylinks/users/fozzie/participant");
    assertThat(http.post(path, "{\"user\":\"fozzie\",\"type\":\"participant\"}").status()).isEqualTo(201);
    // the task's BPMN assignee (kermit) is a participant by itself, as on Flowable
    assertThat(http.get(path).json()).hasSize(3);
    assertThat(http.get(path + "/users/fozzie/participant").status()).isEqualTo(200);
    assertThat(http.delete(path + "/users/fozzie/participant").status()).isEqualTo(204);
    assertThat(http.get(path).json()).singleElement()
        .satisfies(l -> assertThat(l.get("user").asText() + "/" + l.get("type").asText()).isEqualTo("kermit/participant"));
  }

  @Test
  void otherBasePath() {
    try (FakeFlowableServer other = FakeFlowableServer.builder().basePath("/flowable-rest/service").start()) {
      assertThat(other.baseUrl()).endsWith("/flowable-rest/service");
      FlowableHttp h = new FlowableHttp(other.baseUrl());
      assertThat(h.get("runtime/process-instances").status()).isEqualTo(200);
      FlowableHttp root = new FlowableHttp(other.baseUrl().replace("/flowable-rest/service", "/process-api"));
      assertThat(root.get("runtime/process-instances").text("exception"))
          .isEqualTo("No endpoint GET /process-api/runtime/process-instances.");
    }
  }

  @Test
  void requestLogCountsByName() {
    fake.clearRequests();
    http.get("runtime/process-instances?size=1");
    http.get("runtime/process-instances/does-not-exist");
    assertThat(fake.requestCount("GET /runtime/process-instances")).isEqualTo(2);
    assertThat(fake.requests()).extracting(r -> r.name())
        .containsExactly("GET /runtime/process-instances", "GET /runtime/process-instances/does-not-exist");
    assertThat(fake.requests().get(0).query()).isEqualTo("size=1");
    assertThat(fake.requests().get(1).status()).isEqualTo(404);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
