package io.flowport.samples;

import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import java.time.Duration;

/**
 * A piece of application code that uses Flowport: the kind of class the example tests in
 * {@code samples/src/test} show how to test. It depends only on the client interface, so a test
 * hands it the in-memory client or a client on a wire fake, and production hands it a real one.
 */
public final class OrderService {
  private final SyncWorkflowClient workflows;

  public OrderService(SyncWorkflowClient workflows) {
    this.workflows = workflows;
  }

  /** Starts the order process; returns the instance id. */
  public String placeOrder(String orderId, int amount) {
    try {
      Instance order = workflows.instances().start(StartRequest.of("order")
          .variable("orderId", orderId)
          .variable("amount", amount)
          .build());
      return order.id();
    } catch (DefinitionNotFoundException e) {
      throw new IllegalStateException("the order process is not deployed", e);
    }
  }

  /**
   * Tells the order's process that it was paid. The message id makes a repeated notification
   * harmless: the engine refuses the duplicate, and the client may retry it safely.
   */
  public void paymentReceived(String orderId) {
    workflows.messages().publish(MessageRequest.builder("payment-received", orderId)
        .messageId("payment-" + orderId)
        .timeToLive(Duration.ofHours(1))
        .build());
  }
}
