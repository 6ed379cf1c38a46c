package com.example.orders;

import io.flowport.core.auth.Credentials;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.sync.SyncWorkflowClient;
import java.util.Map;

public class QuickStartBlocking {
  public static void main(String[] args) {
    System.out.println(run("http://localhost:8080/flowable-rest/service"));
  }

  /** Deploys order.bpmn20.xml, starts an order (it then waits for its payment) and sets a variable on it. */
  public static Instance run(String baseUrl) {
    try (SyncWorkflowClient client = SyncWorkflowClient.of(FlowableClient.builder()
        .baseUrl(baseUrl)
        .credentials(Credentials.basic("rest-admin", "test")).build())) {
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/order.bpmn20.xml")));
      Instance started = client.instances()
          .start(StartRequest.of("order").businessKey("A-1").variable("amount", 40).build());
      client.variables().upsert(started.id(), Map.of("priority", "high"));
      return client.instances().get(started.id());
    }
  }
}
