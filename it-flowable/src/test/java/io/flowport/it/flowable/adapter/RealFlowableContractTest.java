package io.flowport.it.flowable.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.it.flowable.RealFlowable;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.WorkflowClientContract;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Flowable adapter keeps the contract against the real Flowable 7.2.0. */
class RealFlowableContractTest extends WorkflowClientContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected ContractTarget createTarget() {
    RealFlowable flowable = RealFlowable.shared();
    FlowableClient client = FlowableClient.builder()
        .baseUrl(flowable.baseUrl())
        .credentials(Credentials.basic(flowable.user(), flowable.password()))
        .build();
    HttpClient http = HttpClient.newHttpClient();
    return new ContractTarget() {
      @Override
      public WorkflowClient client() {
        return client;
      }

      @Override
      public Dialect dialect() {
        return Dialect.FLOWABLE;
      }

      @Override
      public Expectations expectations() {
        // Flowable adds a version on every deploy and has neither message ids nor buffering.
        return Expectations.builder()
            .redeployKeepsVersion(false)
            .messageDeduplication(false)
            .messageBuffering(false)
            .build();
      }

      /** Completes the instance's user task over Flowable's task REST API. */
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        JsonNode tasks = JSON.readTree(send(HttpRequest.newBuilder(URI.create(flowable.baseUrl()
            + "/runtime/tasks?processInstanceId=" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8))).GET()));
        if (tasks.path("data").isEmpty()) {
          throw new AssertionError("no task for instance " + instanceId + ": " + tasks);
        }
        String taskId = tasks.path("data").get(0).path("id").asText();
        List<Map<String, Object>> vars = new ArrayList<>();
        variables.forEach((name, value) -> vars.add(Map.of("name", name, "value", value)));
        String body = JSON.writeValueAsString(Map.of("action", "complete", "variables", vars));
        send(HttpRequest.newBuilder(URI.create(flowable.baseUrl() + "/runtime/tasks/" + taskId))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
      }

      private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(
            request.header("Authorization", flowable.basicAuthHeader()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return response.body();
      }
    };
  }
}
