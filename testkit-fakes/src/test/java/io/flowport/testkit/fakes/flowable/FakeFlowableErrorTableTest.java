package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every row of the error table in real-engines.md B ("REST behaviour (7.2.0)", Errors): the fake
 * answers the same status and the same body as Flowable 7.2.0 did. The three invalid-BPMN rows carry
 * the in-memory engine's parser message instead of Flowable's (status and {@code message} match).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeFlowableErrorTableTest {
  private FakeFlowableServer fake;
  private FlowableHttp http;
  private String active;
  private String suspended;

  @BeforeAll
  void start() {
    fake = FakeFlowableServer.start();
    http = new FlowableHttp(fake.baseUrl());
    assertThat(http.deploy("flowable-one-task.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml")).status())
        .isEqualTo(201);
    active = http.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"oneTask\",\"variables\":[{\"name\":\"amount\",\"value\":42}]}").text("id");
    suspended = http.post("runtime/process-instances", "{\"processDefinitionKey\":\"oneTask\"}").text("id");
    assertThat(http.put("runtime/process-instances/" + suspended, "{\"action\":\"suspend\"}").status()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private record Row(String name, Supplier<FlowableHttp.Answer> call, int status, Supplier<String> exception) {}

  private static Supplier<String> is(String s) {
    return () -> s;
  }

  private List<Row> rows() {
    String bpmnTypes = "File must be of type .bpmn20.xml, .bpmn, .bar or .zip";
    return List.of(
        new Row("suspend a suspended instance", () -> http.put("runtime/process-instances/" + suspended, "{\"action\":\"suspend\"}"),
            409, () -> "Process instance with id '" + suspended + "' is already suspended."),
        new Row("activate an active instance", () -> http.put("runtime/process-instances/" + active, "{\"action\":\"activate\"}"),
            409, () -> "Process instance with id '" + active + "' is already active."),
        new Row("POST an existing variable", () -> http.post("runtime/process-instances/" + active + "/variables",
            "[{\"name\":\"amount\",\"value\":1}]"), 409, () -> "Variable 'amount' is already present on execution '" + active + "'."),
        new Row("unknown action", () -> http.put("runtime/process-instances/" + active, "{\"action\":\"frobnicate\"}"),
            400, is("Invalid action: 'frobnicate'.")),
        new Row("start with unknown processDefinitionKey", () -> http.post("runtime/process-instances",
            "{\"processDefinitionKey\":\"does-not-exist\"}"), 400, is("No process definition found for key 'does-not-exist'")),
        new Row("start with unknown processDefinitionId", () -> http.post("runtime/process-instances",
            "{\"processDefinitionId\":\"nope:1:1\"}"), 400, is("no deployed process definition found with id 'nope:1:1'")),
        new Row("start with no key or id", () -> http.post("runtime/process-instances", "{\"businessKey\":\"b\"}"),
            400, is("Either processDefinitionId, processDefinitionKey or message is required.")),
        new Row("malformed JSON", () -> http.post("runtime/process-instances", "{\"processDefinitionKey\":\"oneTask\","),
            400, is("JSON parse error: Unexpected end-of-input within/between Object entries")),
        new Row("GET unknown instance", () -> http.get("runtime/process-instances/does-not-exist"),
            404, is("Could not find a process instance with id 'does-not-exist'.")),
        new Row("PUT unknown instance", () -> http.put("runtime/process-instances/does-not-exist", "{\"action\":\"suspend\"}"),
            404, is("Could not find a process instance with id 'does-not-exist'.")),
        new Row("DELETE unknown instance", () -> http.delete("runtime/process-instances/does-not-exist"),
            404, is("Could not find a process instance with id 'does-not-exist'.")),
        new Row("variables of unknown instance", () -> http.get("runtime/process-instances/does-not-exist/variables"),
            404, is("Could not find an execution with id 'does-not-exist'.")),
        new Row("GET missing variable", () -> http.get("runtime/process-instances/" + active + "/variables/nope"),
            404, () -> "Execution '" + active + "' does not have a variable with name: 'nope'."),
        new Row("DELETE missing variable", () -> http.delete("runtime/process-instances/" + active + "/variables/extra"),
            404, () -> "Execution '" + active + "' does not have a variable 'extra' in scope local"),
        new Row("PUT variable, name in body differs from URL", () -> http.put("runtime/process-instances/" + active
            + "/variables/amount", "{\"name\":\"other\",\"value\":1}"),
            400, is("Variable name in the body should be equal to the name used in the requested URL.")),
        new Row("POST []", () -> http.post("runtime/process-instances/" + active + "/variables", "[]"),
            400, is("Request did not contain a list of variables to create.")),
        new Row("POST a variable without name", () -> http.post("runtime/process-instances/" + active + "/variables",
            "[{\"value\":1}]"), 400, is("Variable name is required")),
        new Row("POST a variable of unknown type", () -> http.post("runtime/process-instances/" + active + "/variables",
            "[{\"name\":\"t\",\"type\":\"nosuchtype\",\"value\":1}]"), 400, is("Variable 't' has unsupported type: 'nosuchtype'.")),
        new Row("identity link for a group", () -> http.post("runtime/process-instances/" + active + "/identitylinks",
            "{\"group\":\"sales\",\"type\":\"participant\"}"), 400, is("Only user identity links are supported on a process instance.")),
        new Row("identity link without type", () -> http.post("runtime/process-instances/" + active + "/identitylinks",
            "{\"user\":\"fozzie\"}"), 400, is("The identity link type is required.")),
        new Row("GET missing identity link", () -> http.get("runtime/process-instances/" + active
            + "/identitylinks/users/nobody/participant"), 404, is("Could not find the requested identity link.")),
        new Row("DELETE missing identity link", () -> http.delete("runtime/process-instances/" + active
            + "/identitylinks/users/nobody/participant"), 404, is("Could not find the requested identity link.")),
        new Row("DELETE unknown deployment", () -> http.delete("repository/deployments/does-not-exist"),
            404, is("Could not find a deployment with id 'does-not-exist'.")),
        new Row("deploy a .txt file", () -> http.deploy("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)),
            400, is(bpmnTypes)),
        new Row("JSON body sent to /repository/deployments", () -> http.post("repository/deployments", "{}"),
            500, is("Content-Type 'application/json' is not supported")),
        new Row("unknown endpoint", () -> http.get("runtime/nope"),
            500, is("No endpoint GET /process-api/runtime/nope.")));
  }

  @TestFactory
  Stream<DynamicTest> sameStatusAndBodyAsFlowable() {
    return rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
      FlowableHttp.Answer a = row.call().get();
      ObjectNode expected = FlowableHttp.JSON.createObjectNode();
      expected.put("message", switch (row.status()) {
        case 400 -> "Bad request";
        case 404 -> "Not found";
        case 409 -> "Conflict";
        default -> "Internal server error";
      });
      expected.put("exception", row.exception().get());
      assertThat(a.status()).as(a.body()).isEqualTo(row.status());
      assertThat(a.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(a.json()).isEqualTo(expected);
    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidBpmnIsAnInternalServerError() {
    return Stream.of("flowable-broken-idref.bpmn20.xml", "flowable-noimpl.bpmn20.xml", "flowable-malformed.bpmn20.xml")
        .map(file -> DynamicTest.dynamicTest(file, () -> {
          FlowableHttp.Answer a = http.deploy(file, FlowableHttp.resource(file));
          assertThat(a.status()).as(a.body()).isEqualTo(500);
          JsonNode body = a.json();
          assertThat(body.get("message").asText()).isEqualTo("Internal server error");
          assertThat(body.get("exception").asText()).isNotBlank();
          assertThat(body.size()).isEqualTo(2);
        }));
  }

  @TestFactory
  Stream<DynamicTest> nothingWasWrittenByTheFailedCalls() {
    return Stream.of(DynamicTest.dynamicTest("the conflicting POST left amount at 42", () -> {
      assertThat(http.get("runtime/process-instances/" + active + "/variables/amount").json().get("value").asInt())
          .isEqualTo(42);
    }));
  }
}
