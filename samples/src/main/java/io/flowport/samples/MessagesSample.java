package io.flowport.samples;

import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Messages: correlate to a waiting instance by correlation key, buffer with a TTL, and
 * deduplicate by message id — which also makes a publish safe to retry after a timeout.
 */
public final class MessagesSample {
  private MessagesSample() {}

  public static void main(String[] args) {
    try (InMemoryEngine engine = InMemoryEngine.create();
        WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
      engine.registerHandler("ship", job -> job.complete(java.util.Map.of()));
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/order.bpmn"))).join();
      Instance order = client.instances().start(StartRequest.of("order").variable("orderId", "C-3")
          .variable("amount", 20).build()).join();

      MessageRequest paid = MessageRequest.builder("payment-received", "C-3")
          .messageId("payment-C-3")
          .timeToLive(Duration.ofMinutes(10))
          .variable("paidAmount", 20)
          .build();
      client.messages().publish(paid).join();
      System.out.println("order C-3 is now " + client.instances().get(order.id()).join().state());

      try {
        client.messages().publish(paid).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof AlreadyExistsException) {
          System.out.println("the same message id again is refused: " + e.getCause().getMessage());
        }
      }
    }
  }
}
