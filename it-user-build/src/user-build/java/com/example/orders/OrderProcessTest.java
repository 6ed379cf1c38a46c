package com.example.orders;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;

import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.junit.FlowportExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderProcessTest {
  @RegisterExtension
  static FlowportExtension flowport = FlowportExtension.builder()
      .deploy("bpmn/order.bpmn")
      .handler("ship", job -> job.complete(Map.of("shipped", true)))
      .build();

  @Test
  void paidOrdersShip(InMemoryEngine engine, SyncWorkflowClient client) {
    Instance order = client.instances().start(StartRequest.of("order")
        .variable("orderId", "A-1").variable("amount", 40).build());
    client.messages().publish(MessageRequest.builder("payment-received", "A-1").build());
    assertThat(engine, order).eventually().isCompleted().hasVariable("shipped", true);
  }
}
