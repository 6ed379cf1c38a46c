package io.flowport.it.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API of the real Flowable, through the JDK HttpClient. */
@ExtendWith(RealFlowableExtension.class)
class RealFlowableSmokeTest {

  static final String ONE_TASK = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:flowable="http://flowable.org/bpmn"
                   targetNamespace="http://flowport.io/it">
        <process id="oneTask" name="One task" isExecutable="true">
          <startEvent id="start" />
          <sequenceFlow id="f1" sourceRef="start" targetRef="task" />
          <userTask id="task" name="Do it" flowable:assignee="kermit" />
          <sequenceFlow id="f2" sourceRef="task" targetRef="end" />
          <endEvent id="end" />
        </process>
      </definitions>
      """;

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static RealFlowable flowable;
  static HttpResponse<String> deployment;

  @BeforeAll
  static void startAndDeploy(RealFlowable shared) throws Exception {
    flowable = shared;
    String boundary = "flowport-" + UUID.randomUUID();
    deployment = send(HttpRequest.newBuilder(uri("/repository/deployments"))
        .header("Authorization", flowable.basicAuthHeader())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "oneTask.bpmn20.xml", ONE_TASK))));
  }

  @Test
  void deployByMultipartIsCreated() throws Exception {
    assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(deployment.body());
    assertThat(body.path("id").asText()).isNotBlank();
    // without a deploymentName part, Flowable names the deployment after the file, minus ".bpmn20.xml"
    assertThat(body.path("name").asText()).isEqualTo("oneTask");
  }

  @Test
  void startByKeyWithAVariableThenGetIt() throws Exception {
    String businessKey = "order-" + UUID.randomUUID();
    HttpResponse<String> started = send(authed("/runtime/process-instances")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"processDefinitionKey":"oneTask","businessKey":"%s","variables":[{"name":"amount","value":42}]}
            """.formatted(businessKey))));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode instance = JSON.readTree(started.body());
    String id = instance.path("id").asText();
    assertThat(id).isNotBlank();
    assertThat(instance.path("businessKey").asText()).isEqualTo(businessKey);
    assertThat(instance.path("processDefinitionId").asText()).startsWith("oneTask:");
    assertThat(instance.path("ended").asBoolean()).isFalse();
    assertThat(instance.path("startUserId").asText()).isEqualTo(RealFlowable.USER);
    assertThat(instance.path("variables").toString()).contains("\"name\":\"amount\"").contains("\"value\":42");

    HttpResponse<String> fetched = send(authed("/runtime/process-instances/" + id).GET());
    assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
    JsonNode got = JSON.readTree(fetched.body());
    assertThat(got.path("id").asText()).isEqualTo(id);
    assertThat(got.path("businessKey").asText()).isEqualTo(businessKey);
    assertThat(got.path("suspended").asBoolean()).isFalse();
  }

  @Test
  void withoutCredentialsIs401() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/runtime/process-instances")).GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void withAWrongPasswordIs401() throws Exception {
    String wrong = "Basic " + Base64.getEncoder().encodeToString("rest-admin:nope".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/runtime/process-instances"))
        .header("Authorization", wrong).GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
  }

  @Test
  void unknownInstanceIs404WithFlowablesErrorBody() throws Exception {
    HttpResponse<String> response = send(authed("/runtime/process-instances/does-not-exist").GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).isEqualTo("Not found");
    assertThat(body.path("exception").asText())
        .isEqualTo("Could not find a process instance with id 'does-not-exist'.");
  }

  @Test
  void startWithUnknownKeyIs400() throws Exception {
    HttpResponse<String> response = send(authed("/runtime/process-instances")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionKey\":\"does-not-exist\"}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).isEqualTo("Bad request");
    assertThat(body.path("exception").asText()).isEqualTo("No process definition found for key 'does-not-exist'");
  }

  static URI uri(String path) {
    return URI.create(flowable.baseUrl() + path);
  }

  static HttpRequest.Builder authed(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", flowable.basicAuthHeader())
        .header("Accept", "application/json");
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] multipart(String boundary, String fileName, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/xml\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
