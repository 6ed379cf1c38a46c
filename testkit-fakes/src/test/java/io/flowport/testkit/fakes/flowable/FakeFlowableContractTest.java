package io.flowport.testkit.fakes.flowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.WorkflowClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.WorkflowClientContract;
import java.util.Map;

/** The Flowable adapter keeps the contract end to end, over HTTP, against the Flowable fake. */
class FakeFlowableContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    FakeFlowableServer fake = FakeFlowableServer.start();
    FlowableClient client = FlowableClient.builder().baseUrl(fake.baseUrl()).build();
    FlowableHttp http = new FlowableHttp(fake.baseUrl());
    return new ContractTarget() {
      @Override
      public WorkflowClient client() {
        return client;
      }

      @Override
      public Dialect dialect() {
        return Dialect.FLOWABLE;
      }

      /** As a Flowable user would: find the task over REST, then complete it with variables. */
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) {
        JsonNode tasks = http.get("runtime/tasks?processInstanceId=" + instanceId).json().get("data");
        if (tasks.isEmpty()) {
          throw new AssertionError("no task for " + instanceId);
        }
        ObjectNode body = FlowableHttp.JSON.createObjectNode().put("action", "complete");
        ArrayNode vars = body.putArray("variables");
        variables.forEach((k, v) -> vars.addObject().put("name", k).set("value", FlowableHttp.JSON.valueToTree(v)));
        FlowableHttp.Answer a = http.post("runtime/tasks/" + tasks.get(0).get("id").asText(), body.toString());
        if (a.status() != 200) {
          throw new AssertionError("complete answered " + a.status() + " " + a.body());
        }
      }

      @Override
      public Expectations expectations() {
        return Expectations.builder()
            .redeployKeepsVersion(false)
            .messageDeduplication(false)
            .messageBuffering(false)
            .build();
      }

      @Override
      public void close() {
        client.close();
        fake.close();
      }
    };
  }
}
