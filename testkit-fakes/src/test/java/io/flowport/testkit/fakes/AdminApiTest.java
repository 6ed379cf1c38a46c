package io.flowport.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.flowport.testkit.engine.TestClock;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the standalone fakes' admin API, over real sockets with the JDK's HTTP client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminApiTest {
  private static final String VALID = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://flowport.io/t">
        <bpmn:process id="seeded" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <bpmn:userTask id="task"/>
          <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
          <bpmn:endEvent id="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private FakeServers servers;
  private String admin;
  private String flowable;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws IOException {
    Files.writeString(dir.resolve("seeded.bpmn"), VALID);
    Files.writeString(dir.resolve("delay.bpmn"), StandaloneClockTest.TIMER);
    servers = FakeServers.start(new String[] {"--zeebe-port", "0", "--flowable-port", "0", "--admin-port", "0",
        "--clock", "frozen", "--definitions", dir.toString()}, log::add);
    admin = "http://127.0.0.1:" + servers.adminPort() + "/__admin";
    flowable = "http://127.0.0.1:" + servers.port("flowable") + "/process-api";
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void theOverviewListsTheRunningEnginesTheClockAndTheEndpoints() throws Exception {
    assertThat(servers.adminPort()).isPositive();
    assertThat(log).anyMatch(l -> l.endsWith("admin: admin API listening on 127.0.0.1:" + servers.adminPort()
        + ", base URL http://127.0.0.1:" + servers.adminPort() + "/__admin"));
    JsonNode o = ok(call("GET", "", null));
    assertThat(o.at("/clock/mode").asText()).isEqualTo("frozen");
    assertThat(o.at("/clock/now").asText()).isEqualTo(TestClock.DEFAULT_START.toString());
    assertThat(names(o.get("engines"))).containsExactly("zeebe", "flowable");
    assertThat(o.at("/engines/flowable/port").asInt()).isEqualTo(servers.port("flowable"));
    assertThat(o.get("endpoints").toString()).contains("POST /__admin/clock/advance", "/__admin/engines/{engine}/faults");
    assertThat(ok(call("GET", "/engines", null)).has("zeebe")).isTrue();
    assertThat(ok(call("GET", "/engines/zeebe", null)).get("port").asInt()).isEqualTo(servers.port("zeebe"));
    waitFor(l -> l.matches(".*\\[admin\\] GET /__admin 200 \\d+ ms"));
  }

  @Test
  void advancingAndSettingTheFrozenClockFiresTimers() throws Exception {
    JsonNode started = json.readTree(post(flowable + "/runtime/process-instances", "{\"processDefinitionKey\": \"delay\"}").body());
    String id = started.get("id").asText();
    assertThat(ok(call("GET", "/clock", null)).get("now").asText()).isEqualTo("2025-01-01T00:00:00Z");

    JsonNode advanced = ok(call("POST", "/clock/advance", "{\"duration\": \"PT1S\"}"));
    assertThat(advanced.get("now").asText()).isEqualTo("2025-01-01T00:00:01Z");
    JsonNode history = json.readTree(get(flowable + "/history/historic-process-instances/" + id).body());
    assertThat(history.get("endTime").isNull()).as("the PT1S timer fired inside the advance").isFalse();
    assertThat(servers.fake("zeebe").orElseThrow().engine().clock().now().toString()).isEqualTo("2025-01-01T00:00:01Z");

    JsonNode set = ok(call("PUT", "/clock", "{\"now\": \"2026-06-01T12:00:00Z\"}"));
    assertThat(set.get("now").asText()).isEqualTo("2026-06-01T12:00:00Z");
    assertThat(servers.fake("flowable").orElseThrow().engine().clock().now().toString()).isEqualTo("2026-06-01T12:00:00Z");

    error(call("POST", "/clock/advance", "{\"duration\": \"five seconds\"}"), 400, "bad_request", "not an ISO-8601 duration");
    error(call("POST", "/clock/advance", "{\"duration\": \"-PT1S\"}"), 400, "bad_request", "must not be negative");
    error(call("POST", "/clock/advance", ""), 400, "bad_request", "{\"duration\": \"PT5S\"}");
    error(call("POST", "/clock/advance", "{not json"), 400, "bad_request", "the body is not JSON");
    error(call("POST", "/clock/advance", "[1]"), 400, "bad_request", "must be a JSON object");
    error(call("PUT", "/clock", "{\"now\": \"noon\"}"), 400, "bad_request", "not an ISO-8601 instant");
    error(call("GET", "/clock/advance", null), 405, "method_not_allowed", "GET is not served on /__admin/clock/advance; use POST");
  }

  @Test
  void onTheWallClockSettingOrAdvancingIsAConflict() throws Exception {
    try (FakeServers wall = FakeServers.start(new String[] {"--zeebe-port", "0", "--admin-port", "0"}, l -> { })) {
      String url = "http://127.0.0.1:" + wall.adminPort() + "/__admin";
      JsonNode clock = json.readTree(send("GET", url + "/clock", null).body());
      assertThat(clock.get("mode").asText()).isEqualTo("wall");
      error(send("POST", url + "/clock/advance", "{\"duration\": \"PT5S\"}"), 409, "conflict", "--clock frozen");
      error(send("PUT", url + "/clock", "{\"now\": \"2026-06-01T12:00:00Z\"}"), 409, "conflict", "follows the wall clock");
    }
  }

  @Test
  void deploysToOneEngineOrToEveryEngineOfTheFilesDialect() throws Exception {
    String other = VALID.replace("id=\"seeded\"", "id=\"other\"");
    HttpResponse<String> one = call("POST", "/engines/zeebe/deployments?name=other.bpmn", other);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
    JsonNode d = json.readTree(one.body());
    assertThat(d.get("engine").asText()).isEqualTo("zeebe");
    assertThat(d.at("/definitions/0/processId").asText()).isEqualTo("other");
    assertThat(d.at("/definitions/0/version").asInt()).isEqualTo(1);
    assertThat(servers.fake("zeebe").orElseThrow().engine().definitions()).extracting("processId").contains("other");
    assertThat(servers.fake("flowable").orElseThrow().engine().definitions()).extracting("processId").doesNotContain("other");

    HttpResponse<String> all = call("POST", "/deployments?name=third.bpmn", VALID.replace("id=\"seeded\"", "id=\"third\""));
    assertThat(all.statusCode()).as(all.body()).isEqualTo(201);
    assertThat(json.readTree(all.body()).get("deployed")).hasSize(2);
    assertThat(json.readTree(get(flowable + "/repository/process-definitions?key=third").body()).get("total").asInt()).isEqualTo(1);

    error(call("POST", "/engines/zeebe/deployments?name=broken.bpmn", "<bpmn:definitions oops"), 400, "not_deployed",
        "zeebe did not deploy broken.bpmn: ");
    error(call("POST", "/engines/zeebe/deployments", VALID), 400, "bad_request", "?name=order.bpmn");
    error(call("POST", "/engines/zeebe/deployments?name=x.bpmn", ""), 400, "bad_request", "the body is empty");
    error(call("POST", "/engines/nope/deployments?name=x.bpmn", VALID), 404, "not_found",
        "no engine 'nope' is running; running: [zeebe, flowable]");
    error(call("POST", "/deployments?name=broken.bpmn", "<oops"), 400, "not_deployed", "no engine deployed broken.bpmn");
  }

  @Test
  void plansFaultsOverHttpForTheNextRequestsOfARoute() throws Exception {
    HttpResponse<String> planned = call("POST", "/engines/flowable/faults",
        "{\"fault\": \"BACK_PRESSURE\", \"times\": 2, \"requestStartingWith\": \"GET /repository/\"}");
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    assertThat(json.readTree(planned.body()).get("pending").asInt()).isEqualTo(2);
    assertThat(get(flowable + "/runtime/process-instances").statusCode()).as("another route: no fault").isEqualTo(200);
    assertThat(get(flowable + "/repository/process-definitions").statusCode()).isEqualTo(429);
    assertThat(get(flowable + "/repository/deployments").statusCode()).isEqualTo(429);
    assertThat(get(flowable + "/repository/process-definitions").statusCode()).isEqualTo(200);
    assertThat(ok(call("GET", "/engines/flowable/faults", null)).get("pending").asInt()).isZero();

    // gRPC: the fault shows as Zeebe's status
    ok(call("POST", "/engines/zeebe/faults", "{\"fault\": \"unavailable\", \"request\": \"Topology\"}"));
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", servers.port("zeebe")).usePlaintext().build();
    try {
      GatewayGrpc.GatewayBlockingStub stub = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> stub.topology(TopologyRequest.getDefaultInstance()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(stub.topology(TopologyRequest.getDefaultInstance()).getBrokersCount()).isEqualTo(1);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    ok(call("POST", "/engines/flowable/faults", "{\"fault\": \"LATENCY\", \"delay\": \"PT0.01S\", \"times\": 3}"));
    assertThat(ok(call("DELETE", "/engines/flowable/faults", null)).get("pending").asInt()).isZero();
    ok(call("POST", "/engines/flowable/faults", "{\"fault\": \"UNAVAILABLE\", \"always\": true}"));
    assertThat(get(flowable + "/repository/process-definitions").statusCode()).isEqualTo(503);
    assertThat(get(flowable + "/repository/process-definitions").statusCode()).isEqualTo(503);
    call("DELETE", "/engines/flowable/faults", null);
    assertThat(get(flowable + "/repository/process-definitions").statusCode()).isEqualTo(200);

    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"FIRE\"}"), 400, "bad_request",
        "fault: one of " + java.util.Arrays.toString(Fault.Type.values()) + ", not 'FIRE'");
    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"LATENCY\"}"), 400, "bad_request", "LATENCY needs a delay");
    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"RESET\", \"times\": 0}"), 400, "bad_request", "times");
    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"RESET\", \"count\": 2}"), 400, "bad_request",
        "unknown field 'count'");
    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"RESET\", \"request\": \"a\", \"requestStartingWith\": \"b\"}"),
        400, "bad_request", "not both");
    error(call("POST", "/engines/flowable/faults", "{\"fault\": \"RESET\", \"always\": true, \"times\": 2}"), 400,
        "bad_request", "without times");
  }

  @Test
  void readsAndClearsTheRequestJournals() throws Exception {
    get(flowable + "/repository/process-definitions");
    get(flowable + "/runtime/process-instances/nope");
    JsonNode all = ok(call("GET", "/requests", null));
    assertThat(all.at("/flowable/total").asInt()).isEqualTo(2);
    assertThat(all.at("/flowable/requests").toString())
        .isEqualTo("[\"GET /repository/process-definitions\",\"GET /runtime/process-instances/nope\"]");
    assertThat(all.at("/flowable/counts/GET ~1repository~1process-definitions").asInt()).isEqualTo(1);
    assertThat(all.at("/zeebe/total").asInt()).isZero();
    assertThat(ok(call("GET", "/engines/flowable/requests", null)).get("total").asInt()).isEqualTo(2);

    assertThat(ok(call("DELETE", "/engines/flowable/requests", null)).get("total").asInt()).isZero();
    get(flowable + "/repository/process-definitions");
    assertThat(ok(call("DELETE", "/requests", null)).at("/flowable/total").asInt()).isZero();
    assertThat(servers.fake("flowable").orElseThrow().requestLog().total()).isZero();
  }

  @Test
  void readsTheEnginesStateAsTheJUnitExtensionDescribesIt() throws Exception {
    post(flowable + "/runtime/process-instances", "{\"processDefinitionKey\": \"seeded\", \"businessKey\": \"o-1\","
        + " \"variables\": [{\"name\": \"amount\", \"value\": 120}]}");
    JsonNode state = ok(call("GET", "/engines/flowable/state", null));
    assertThat(state.get("clock").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(state.at("/definitions").toString()).contains("\"processId\":\"seeded\"", "\"processId\":\"delay\"");
    JsonNode instance = state.at("/instances/0");
    assertThat(instance.get("processId").asText()).isEqualTo("seeded");
    assertThat(instance.get("state").asText()).isEqualTo("RUNNING");
    assertThat(instance.get("businessKey").asText()).isEqualTo("o-1");
    assertThat(instance.at("/variables/amount").asInt()).isEqualTo(120);
    assertThat(instance.get("active").toString()).isEqualTo("[\"task\"]");
    assertThat(instance.at("/openJobs/0/nodeId").asText()).isEqualTo("task");
    assertThat(state.get("report").asText())
        .startsWith("in-memory engine state of flowable (engine clock 2025-01-01T00:00:00Z)\n")
        .contains("of process 'seeded' v1: RUNNING", "business key: o-1", "variables:    {amount=120}");
    JsonNode both = ok(call("GET", "/state", null));
    assertThat(names(both)).containsExactly("zeebe", "flowable");
    assertThat(both.at("/zeebe/instances")).isEmpty();
  }

  @Test
  void resetStartsEveryFakeAfreshOnItsPort() throws Exception {
    int flowablePort = servers.port("flowable");
    int zeebePort = servers.port("zeebe");
    post(flowable + "/runtime/process-instances", "{\"processDefinitionKey\": \"seeded\"}");
    ok(call("POST", "/clock/advance", "{\"duration\": \"PT1H\"}"));
    ok(call("POST", "/engines/flowable/faults", "{\"fault\": \"UNAVAILABLE\", \"times\": 5}"));
    ok(call("POST", "/engines/zeebe/deployments?name=other.bpmn", VALID.replace("id=\"seeded\"", "id=\"other\"")));

    JsonNode reset = ok(call("POST", "/reset", null));
    assertThat(reset.get("reset").toString()).isEqualTo("[\"zeebe\",\"flowable\"]");
    assertThat(reset.at("/clock/now").asText()).as("a frozen clock goes back to its start").isEqualTo("2025-01-01T00:00:00Z");
    assertThat(servers.port("flowable")).isEqualTo(flowablePort);
    assertThat(servers.port("zeebe")).isEqualTo(zeebePort);
    JsonNode instances = json.readTree(get(flowable + "/runtime/process-instances").body());
    assertThat(instances.get("total").asInt()).as("no instances, no faults left").isZero();
    assertThat(servers.fake("zeebe").orElseThrow().engine().definitions()).extracting("processId")
        .as("--definitions deployed again, the admin deployment gone").containsExactlyInAnyOrder("seeded", "delay");
    assertThat(servers.fake("flowable").orElseThrow().engine().clock().now()).isEqualTo(TestClock.DEFAULT_START);
    // the new engines follow the clock too
    ok(call("POST", "/clock/advance", "{\"duration\": \"PT1M\"}"));
    assertThat(servers.fake("flowable").orElseThrow().engine().clock().now().toString()).isEqualTo("2025-01-01T00:01:00Z");
    error(call("GET", "/reset", null), 405, "method_not_allowed", "use POST");
  }

  @Test
  void unknownPathsAndEnginesAreClear404s() throws Exception {
    error(call("GET", "/nope", null), 404, "not_found", "no such admin path: /__admin/nope; GET /__admin lists the endpoints");
    error(call("GET", "/engines/zeebe/nope", null), 404, "not_found", "no such admin path: /__admin/engines/zeebe/nope");
    error(call("GET", "/engines/cloudify/state", null), 404, "not_found", "no engine 'cloudify' is running");
    error(send("GET", "http://127.0.0.1:" + servers.adminPort() + "/other", null), 404, "not_found",
        "the admin API is under /__admin");
  }

  // ------------------------------------------------------------------ helpers

  private HttpResponse<String> call(String method, String path, String body) throws IOException {
    return send(method, admin + path, body);
  }

  private HttpResponse<String> get(String url) throws IOException {
    return send("GET", url, null);
  }

  private HttpResponse<String> post(String url, String body) throws IOException {
    HttpResponse<String> r = send("POST", url, body);
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return r;
  }

  private HttpResponse<String> send(String method, String url, String body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private JsonNode ok(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return json.readTree(r.body());
  }

  private void error(HttpResponse<String> r, int status, String code, String messagePart) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).contains(messagePart);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void waitFor(java.util.function.Predicate<String> line) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (log.stream().noneMatch(line) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(log).anyMatch(line);
  }
}
