package com.example.orders;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import java.time.Duration;

public class QuickStartAsync {
  public static void main(String[] args) {
    System.out.println(run("localhost:26500"));
  }

  /** Deploys greeting.bpmn (start to end, needs nothing else), starts it and waits until it completes. */
  public static Instance run(String gatewayAddress) {
    try (WorkflowClient client = ZeebeClient.builder()
        .gatewayAddress(gatewayAddress).usePlaintext()
        .options(ClientOptions.builder().apiCallTimeout(Duration.ofSeconds(30)).build())
        .build()) {
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/greeting.bpmn"))).join();
      return client.instances()
          .startAndAwait(StartRequest.of("greeting").variable("name", "Ada").build(), Duration.ofSeconds(10))
          .join();
    }
  }
}
