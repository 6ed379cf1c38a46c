package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each injected fault, and basic auth, seen by the JDK HttpClient. */
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
    assertThat(instances()).isEqualTo(before);
    assertThat(http.post("runtime/process-instances", START).status()).isEqualTo(201);
    assertThat(instances()).isEqualTo(before + 1);
  }

  @Test
  void unavailableIs503ForMatchingRequestsOnly() {
    fake.faults().next(2, Fault.unavailable(), Requests.startingWith("GET /runtime/"));
    assertThat(http.get("repository/process-definitions").status()).isEqualTo(200);
    assertThat(http.get("runtime/process-instances").status()).isEqualTo(503);
    assertThat(http.get("runtime/tasks").status()).isEqualTo(503);
    assertThat(http.get("runtime/tasks").status()).isEqualTo(200);
    assertThat(fake.faults().pending()).isZero();
  }

  @Test
  void latencyDelaysANormalAnswer() {
    fake.faults().next(1, Fault.latency(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    FlowableHttp.Answer a = http.get("runtime/process-instances");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().has("data")).isTrue();
    assertThat(millis).isGreaterThanOrEqualTo(290);
  }

  @Test
  void resetDropsTheConnection() {
    fake.faults().next(1, Fault.reset());
    Object outcome = http.sendCatching(http.requestFor("runtime/process-instances").GET());
    assertThat(outcome).isInstanceOf(IOException.class);
    assertThat(http.get("runtime/process-instances").status()).isEqualTo(200);
    assertThat(fake.requests().get(fake.requests().size() - 2).status()).isZero();
  }

  @Test
  void malformedBodyIs200WithTruncatedJson() {
    fake.faults().next(1, Fault.malformedBody());
    FlowableHttp.Answer a = http.get("runtime/process-instances");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).startsWith("{").doesNotEndWith("}");
    boolean parsed;
    try {
      FlowableHttp.JSON.readTree(a.body());
      parsed = true;
    } catch (IOException e) {
      parsed = false;
    }
    assertThat(parsed).isFalse();
  }

  @Test
  void htmlErrorIs502WithAnHtmlPage() {
    fake.faults().next(1, Fault.htmlError());
    FlowableHttp.Answer a = http.get("runtime/process-instances");
    assertThat(a.status()).isEqualTo(502);
    assertThat(a.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(a.body()).contains("<html>").contains("502 Bad Gateway");
  }

  @Test
  void emptyBodyIs200WithNothing() {
    fake.faults().next(1, Fault.emptyBody());
    FlowableHttp.Answer a = http.get("runtime/process-instances");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEmpty();
  }

  @Test
  void alwaysUntilCleared() {
    fake.faults().always(Fault.unavailable());
    assertThat(http.get("runtime/process-instances").status()).isEqualTo(503);
    assertThat(http.get("runtime/process-instances").status()).isEqualTo(503);
    fake.faults().clear();
    assertThat(http.get("runtime/process-instances").status()).isEqualTo(200);
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
