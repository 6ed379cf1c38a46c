package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Flowable's own fault answers (its 429 and 503 bodies) and basic auth, seen by the JDK HttpClient;
 * how each fault looks on the wire of any REST fake is {@code RestFakeWireFaultsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeFlowableFaultsTest {
  private static final String START = "{\"processDefinitionKey\":\"oneTask\"}";
  private FakeFlowableServer fake;
  private FlowableHttp http;

  @BeforeAll
  void start() {
    fake = FakeFlowableServer.start();
    http = new FlowableHttp(fake.baseUrl());
    assertThat(http.deploy("flowable-one-task.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml")).status())
        .isEqualTo(201);
  }

  @BeforeEach
  void clearFaults() {
    fake.faults().clear();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private int instances() {
    return fake.engine().list(InstanceFilter.all()).size();
  }

  @Test
  void backPressureIs429AndTheEngineIsNotCalled() {
    int before = instances();
    fake.faults().next(1, Fault.backPressure(), Requests.named("POST /runtime/process-instances"));
    FlowableHttp.Answer a = http.post("runtime/process-instances", START);
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.text("message")).isEqualTo("Too Many Requests");
    assertThat(a.text("exception")).isEqualTo("back pressure injected by FakeFlowableServer");
    assertThat(instances()).isEqualTo(before);
    assertThat(http.post("runtime/process-instances", START).status()).isEqualTo(201);
    assertThat(instances()).isEqualTo(before + 1);
  }

  @Test
  void unavailableIs503ForMatchingRequestsOnly() {
    fake.faults().next(2, Fault.unavailable(), Requests.startingWith("GET /runtime/"));
    assertThat(http.get("repository/process-definitions").status()).isEqualTo(200);
    FlowableHttp.Answer unavailable = http.get("runtime/process-instances");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.text("message")).isEqualTo("Service Unavailable");
    assertThat(unavailable.text("exception")).isEqualTo("unavailability injected by FakeFlowableServer");
    assertThat(http.get("runtime/tasks").status()).isEqualTo(503);
    assertThat(http.get("runtime/tasks").status()).isEqualTo(200);
    assertThat(fake.faults().pending()).isZero();
  }

  @Test
  void basicAuthAnswersSpringsUnauthorized() {
    try (FakeFlowableServer secured = FakeFlowableServer.builder().basicAuth("rest-admin", "test").start()) {
      for (FlowableHttp client : new FlowableHttp[] {
          new FlowableHttp(secured.baseUrl()),
          new FlowableHttp(secured.baseUrl()).basicAuth("rest-admin", "wrong"),
          new FlowableHttp(secured.baseUrl()).basicAuth("nobody", "test")}) {
        FlowableHttp.Answer a = client.get("runtime/process-instances");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Realm\"");
        JsonNode body = a.json();
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("error").asText()).isEqualTo("Unauthorized");
        assertThat(body.get("path").asText()).isEqualTo("/process-api/runtime/process-instances");
        assertThat(body.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
      }
      FlowableHttp ok = new FlowableHttp(secured.baseUrl()).basicAuth("rest-admin", "test");
      assertThat(ok.deploy("flowable-one-task.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml")).status())
          .isEqualTo(201);
      FlowableHttp.Answer started = ok.post("runtime/process-instances", START);
      assertThat(started.status()).isEqualTo(201);
      assertThat(started.text("startUserId")).isEqualTo("rest-admin");
      JsonNode links = ok.get("runtime/process-instances/" + started.text("id") + "/identitylinks").json();
      assertThat(links.get(0).get("type").asText()).isEqualTo("starter");
    }
  }
}
