package io.flowport.testkit.fakes.bksops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.ProcessModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's rules, by raw HTTP: the envelope code each view answers (engine-wire-notes §3 with
 * §6's corrections), bamboo_engine's checks and their order, the shapes, the cache and the
 * gateway's own answers.
 */
class FakeBkSopsServerTest {
  private static final String AUTH = "{\"bk_app_code\":\"app\",\"bk_app_secret\":\"s\",\"bk_username\":\"bob\"}";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeBkSopsServer fake;

  @BeforeEach
  void start() {
    fake = FakeBkSopsServer.builder().appCredentials("app", "s")
        .template("1", ProcessModel.builder("one").startEvent("start").serviceTask("work", "work").endEvent("end").build())
        .template("2", ProcessModel.builder("subflow").startEvent("start")
            .subProcess("sub", s -> s.startEvent("s0").serviceTask("inner", "inner").endEvent("s9")).endEvent("end").build())
        .template("3", ProcessModel.builder("gw").startEvent("start").exclusiveGateway("choose")
            .condition("=route = \"a\"").flowId("a").endEvent("endA")
            .moveTo("choose").condition("=route = \"b\"").flowId("b").endEvent("endB").build())
        .start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).timeout(Duration.ofSeconds(10))
        .header("X-Bkapi-Authorization", AUTH);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String method, String path, String body) throws Exception {
    HttpResponse<String> r = send(method, path, body);
    assertThat(r.statusCode()).as("bk-sops answers 200 whatever happened: %s", r.body()).isEqualTo(200);
    return JsonValues.MAPPER.readTree(r.body());
  }

  private String task(String template) throws Exception {
    return json("POST", "/create_task/" + template + "/2/", "{\"name\":\"t\",\"constants\":{\"${x}\":1}}")
        .at("/data/task_id").asText();
  }

  private String started(String template) throws Exception {
    String id = task(template);
    assertThat(json("POST", "/start_task/" + id + "/2/", "{}").get("result").asBoolean()).isTrue();
    return id;
  }

  private JsonNode operateNode(String task, String body) throws Exception {
    return json("POST", "/operate_node/2/" + task + "/", body);
  }

  private static void refused(JsonNode answer, int code, String message) {
    assertThat(answer.get("result").asBoolean()).isFalse();
    assertThat(answer.get("code").asInt()).isEqualTo(code);
    assertThat(answer.get("message").asText()).contains(message);
  }

  @Test
  void startTaskSucceedsWithoutAMessageAndRefusesASecondStart() throws Exception {
    String id = task("1");
    JsonNode ok = json("POST", "/start_task/" + id + "/2/", "{}");
    assertThat(ok.has("message")).isFalse();
    assertThat(ok.get("task_url").asText()).isEqualTo(ok.at("/data/task_url").asText()).contains(id);
    refused(json("POST", "/start_task/" + id + "/2/", "{}"), 3545000, "task already started");
  }

  @Test
  void anUnknownTaskGetsADifferentCodeOnEachEndpoint() throws Exception {
    JsonNode start = json("POST", "/start_task/999/2/", "{}");
    refused(start, 3540400, "does not exist");
    assertThat(start.has("trace_id")).as("the middleware's answer has no trace_id").isFalse();
    refused(json("POST", "/operate_task/999/2/", "{\"action\":\"pause\"}"), 3540400, "does not exist");
    refused(json("GET", "/get_task_status/999/2/", null), 3599999, "get status error");
    refused(operateNode("999", "{\"node_id\":\"work\",\"action\":\"skip\"}"), 3540400, "does not exist");
    refused(json("POST", "/node_callback/999/2/", "{\"node_id\":\"work\"}"), 3540400, "does not exist");
    refused(json("POST", "/create_task/999/2/", "{\"name\":\"x\"}"), 3540400, "template[id=999]");
  }

  @Test
  void operateTaskCodes() throws Exception {
    String id = task("1");
    refused(json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"pause\"}"), 3545000, "task not started");
    refused(json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"explode\"}"), 3545000, "task command is invalid");
    JsonNode started = json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"start\"}");
    assertThat(started.get("message").asText()).isEqualTo("success");
    assertThat(started.has("task_url")).isFalse();
    refused(json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"resume\"}"), 3599999,
        "InvalidOperationError: pipeline(");
    json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"revoke\"}");
    refused(json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"revoke\"}"), 3599999,
        "can't not transit node(");
  }

  @Test
  void operateNodeOverwritesItsCodesWith3599999() throws Exception {
    String id = started("1");
    refused(operateNode(id, "{\"node_id\":\"work\",\"action\":\"explode\"}"), 3599999, "task command is invalid");
    refused(operateNode(id, "{\"node_id\":\"ghost\",\"action\":\"skip\"}"), 3599999, "does not have node[ghost]");
    refused(operateNode(id, "not json"), 3540000, "request body is not a valid json");
    refused(operateNode(id, "{\"node_id\":\"work\",\"action\":\"retry\",\"inputs\":[1]}"), 3540000, "inputs field");
    JsonNode traceback = operateNode(id, "{\"node_id\":\"work\",\"action\":\"retry\"}");
    refused(traceback, 3599999, "fail: Traceback (most recent call last)");
    assertThat(traceback.get("message").asText())
        .endsWith("bamboo_engine.exceptions.InvalidOperationError: work state is not FAILED, actual RUNNING\n");
  }

  @Test
  void skipCpgAlwaysFailsWithAKeyError() throws Exception {
    String id = started("3");
    refused(operateNode(id, "{\"node_id\":\"choose\",\"action\":\"skip_cpg\"}"), 3599999, "KeyError: 'flow_ids'");
  }

  @Test
  void theTypeChecksComeBeforeTheFailedCheck() throws Exception {
    String id = started("3"); // choose FAILED: no route variable
    refused(operateNode(id, "{\"node_id\":\"choose\",\"action\":\"skip\"}"), 3599999,
        "can not use skip_node api for NodeType.ExclusiveGateway");
    refused(operateNode(id, "{\"node_id\":\"choose\",\"action\":\"skip_exg\",\"flow_id\":\"zz\"}"), 3599999,
        "KeyError: 'zz'");
    String running = started("1");
    refused(operateNode(running, "{\"node_id\":\"end\",\"action\":\"skip_exg\",\"flow_id\":\"a\"}"), 3599999,
        "end is not exclusive gateway, actual: EmptyEndEvent");
    refused(operateNode(running, "{\"node_id\":\"work\",\"action\":\"retry_subprocess\"}"), 3599999,
        "node(work) type is not SubProcess");
    refused(operateNode(running, "{\"node_id\":\"start\",\"action\":\"forced_fail\"}"), 3599999,
        "start is not activity, actual: EmptyStartEvent");
  }

  @Test
  void forcedFailOnlyOnRunningActivitiesAndWritesWhoDidIt() throws Exception {
    String id = started("1");
    json("POST", "/operate_node/2/" + id + "/", "{\"node_id\":\"work\",\"action\":\"forced_fail\"}");
    JsonNode data = json("GET", "/get_task_node_data/2/" + id + "/?node_id=work", null).get("data");
    assertThat(data.get("ex_data").asText()).isEqualTo("The node has been terminated by bob.");
    refused(operateNode(id, "{\"node_id\":\"work\",\"action\":\"forced_fail\"}"), 3599999,
        "work state is not RUNNING, actual: FAILED");
  }

  @Test
  void nodePauseAndResumeFollowTheTransitionTable() throws Exception {
    String id = started("1");
    refused(operateNode(id, "{\"node_id\":\"work\",\"action\":\"resume\"}"), 3599999,
        "can't not transit node(work) state from RUNNING to READY");
    assertThat(operateNode(id, "{\"node_id\":\"work\",\"action\":\"pause\"}").get("result").asBoolean()).isTrue();
    refused(operateNode(id, "{\"node_id\":\"work\",\"action\":\"pause\"}"), 3599999,
        "from SUSPENDED to SUSPENDED");
    assertThat(NodeStatus.SUSPENDED.canTransitTo(NodeStatus.READY)).isTrue();
    assertThat(operateNode(id, "{\"node_id\":\"work\",\"action\":\"resume\"}").get("result").asBoolean()).isTrue();
    String sub = started("2");
    refused(operateNode(sub, "{\"node_id\":\"sub\",\"action\":\"pause\"}"), 3599999,
        "can not use pause_node_appoint api for NodeType.SubProcess");
  }

  @Test
  void callbackVersionRules() throws Exception {
    String id = started("1");
    String version = json("GET", "/get_task_status/" + id + "/2/", null).at("/data/children/work/version").asText();
    refused(json("POST", "/node_callback/" + id + "/2/", "{\"node_id\":\"ghost\",\"callback_data\":{}}"), 3540000,
        "does not have node[ghost]");
    refused(json("POST", "/node_callback/" + id + "/2/", "{\"node_id\":\"work\",\"callback_data\":{},\"version\":\"old\"}"),
        3599999, "node version old not exist");
    assertThat(fake.expiredSchedules(id)).containsExactly("work@old");
    refused(json("POST", "/node_callback/" + id + "/2/", "{\"node_id\":\"end\",\"callback_data\":{}}"), 3599999,
        "can not find sleep process with current node id: end");
    refused(json("POST", "/node_callback/" + id + "/2/", "not json"), 3540000, "invalid json format");
    JsonNode ok = json("POST", "/node_callback/" + id + "/2/",
        "{\"node_id\":\"work\",\"callback_data\":{\"r\":1},\"version\":\"" + version + "\"}");
    assertThat(ok.get("result").asBoolean()).isTrue();
    assertThat(fake.engine().get(fake.instanceOf(id)).state().isEnded()).isTrue();
  }

  @Test
  void theStatusTreeShapesAndTheLegacyRootRule() throws Exception {
    String created = task("1");
    JsonNode idle = json("GET", "/get_task_status/" + created + "/2/", null).get("data");
    assertThat(idle.get("state").asText()).isEqualTo("CREATED");
    assertThat(idle.has("id")).isFalse();
    assertThat(idle.has("version")).isFalse();
    assertThat(idle.get("skip").isInt()).isTrue();
    String id = started("1");
    JsonNode tree = json("GET", "/get_task_status/" + id + "/2/", null).get("data");
    assertThat(tree.at("/children/work/root_id:").asText()).isEqualTo(tree.get("id").asText());
    operateNode(id, "{\"node_id\":\"work\",\"action\":\"forced_fail\"}");
    JsonNode failed = json("GET", "/get_task_status/" + id + "/2/?with_ex_data=false", null).get("data");
    assertThat(failed.get("state").asText()).as("RUNNING + a FAILED child").isEqualTo("FAILED");
    assertThat(failed.at("/ex_data/work").asText()).as("'false' is a truthy string").contains("terminated by bob");
    json("POST", "/operate_task/" + id + "/2/", "{\"action\":\"pause\"}");
    JsonNode paused = json("GET", "/get_task_status/" + id + "/2/?page=2", null).get("data");
    assertThat(paused.get("state").asText()).as("a SUSPENDED root stays SUSPENDED").isEqualTo("SUSPENDED");
  }

  @Test
  void getTaskStatusIsCachedForTenSecondsBySortedQueryUnlessCreated() throws Exception {
    String created = task("1");
    assertThat(json("GET", "/get_task_status/" + created + "/2/", null).at("/data/state").asText()).isEqualTo("CREATED");
    json("POST", "/start_task/" + created + "/2/", "{}");
    assertThat(json("GET", "/get_task_status/" + created + "/2/", null).at("/data/state").asText())
        .as("CREATED answers are not cached").isEqualTo("RUNNING");
    json("POST", "/operate_task/" + created + "/2/", "{\"action\":\"pause\"}");
    assertThat(json("GET", "/get_task_status/" + created + "/2/", null).at("/data/state").asText())
        .as("the cached answer").isEqualTo("RUNNING");
    assertThat(json("GET", "/get_task_status/" + created + "/2/?b=1&a=2", null).at("/data/state").asText())
        .isEqualTo("SUSPENDED");
    assertThat(json("GET", "/get_task_status/" + created + "/2/?a=2&b=1", null).at("/data/state").asText())
        .as("the same sorted query hits the cache").isEqualTo("SUSPENDED");
  }

  @Test
  void theGatewaysAndDjangosOwnAnswers() throws Exception {
    assertThat(send("GET", "/get_task_status/abc/2/", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/get_task_status/1/2", null).statusCode()).as("no trailing slash").isEqualTo(404);
    assertThat(send("GET", "/start_task/1/2/", null).statusCode()).isEqualTo(405);
    HttpResponse<String> empty = send("POST", "/create_task/1/2/", null);
    assertThat(empty.statusCode()).isEqualTo(500);
    assertThat(empty.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    HttpResponse<String> noAuth = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/get_task_status/1/2/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noAuth.statusCode()).isEqualTo(401);
    fake.bypassGateway(true);
    HttpResponse<String> direct = send("GET", "/get_task_status/1/2/", null);
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(direct.body()).isEqualTo("This API can only be accessed through API gateway");
  }

  @Test
  void traceIdsEchoTraceparentInBodyAndHeader() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/get_task_status/999/2/"))
        .header("X-Bkapi-Authorization", AUTH).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JsonValues.MAPPER.readTree(r.body()).get("trace_id").asText()).isEqualTo(traceId);
    assertThat(r.headers().firstValue("Sops-Trace-Id")).contains(traceId);
  }

  @Test
  void nodeReadsOfANodeTheTaskLacks() throws Exception {
    String id = started("1");
    refused(json("GET", "/get_task_node_data/2/" + id + "/?node_id=ghost", null), 3599999, "中未找到节点[ID: ghost]");
    refused(json("GET", "/get_task_node_detail/" + id + "/2/?node_id=ghost", null), 3540000, "中未找到节点[ID: ghost]");
  }

  @Test
  void anotherBusinessIsNotServed() throws Exception {
    refused(json("GET", "/get_task_status/1/77/", null), 3540400, "bk_biz_id=77");
  }
}
