package io.flowport.samples;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.time.Duration;
import java.util.Map;

/**
 * Deploy a process, start an instance and wait for its result, asynchronously.
 *
 * <p>Against a real engine, build its client instead of the in-memory one, e.g.
 * {@code ZeebeClient.builder().gatewayAddress("localhost:26500").usePlaintext().build()} or
 * {@code FlowableClient.builder().baseUrl("http://localhost:8080/flowable-rest/service")
 * .credentials(Credentials.basic("rest-admin", "test")).build()}; the rest stays the same.
 */
public final class StartAndAwaitSample {
  private StartAndAwaitSample() {}

  public static void main(String[] args) {
    InMemoryEngine engine = InMemoryEngine.create();
    // A test registers what the service tasks do; on a real engine a job worker does it.
    engine.registerHandler("approve", job -> job.complete(Map.of("approved", true)));
    engine.registerHandler("ship", job -> job.complete(Map.of("shipped", true)));

    try (WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/order.bpmn"))).join();

      // The order waits for a payment message; publish it with a TTL so it is buffered.
      client.messages().publish(io.flowport.core.model.MessageRequest.builder("payment-received", "A-1")
          .timeToLive(Duration.ofMinutes(1)).build()).join();

      Instance done = client.instances()
          .startAndAwait(StartRequest.of("order").variable("orderId", "A-1").variable("amount", 250).build(),
              Duration.ofSeconds(10))
          .join();
      System.out.println("order A-1 ended " + done.state() + " with " + done.variables());
    }
  }
}
