package io.flowport.samples;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.junit.FlowportExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How to test your own code with the test kit: the extension gives each test a fresh in-memory
 * engine with the processes deployed and the task handlers registered, and the assertions wait on
 * the engine's own progress.
 */
class OrderServiceTest {

  @RegisterExtension
  static final FlowportExtension flowport = FlowportExtension.builder()
      .deploy("bpmn/order.bpmn", "bpmn/invoice.bpmn")
      .handler("approve", job -> job.complete(Map.of("approved", true)))
      .handler("ship", job -> job.complete(Map.of("shipped", true)))
      .handler("send-invoice", job -> job.complete(Map.of("invoiceSent", true)))
      .handler("send-reminder", job -> job.complete(Map.of("reminded", true)))
      .build();

  @Test
  void aPaidOrderShips(InMemoryEngine engine, SyncWorkflowClient client) {
    OrderService orders = new OrderService(client);

    String id = orders.placeOrder("A-1", 40);
    assertThat(engine, id).isRunning().isWaitingAt("waitPayment").hasNotPassed("approve");

    orders.paymentReceived("A-1");
    assertThat(engine, id).eventually().isCompleted().hasVariable("shipped", true);
  }

  @Test
  void bigOrdersAreApprovedFirst(InMemoryEngine engine, SyncWorkflowClient client) {
    String id = new OrderService(client).placeOrder("B-2", 500);
    assertThat(engine, id).hasPassed("approve").hasVariable("approved", true).isWaitingAt("waitPayment");
  }

  @Test
  void aSecondPaymentNotificationIsRefused(SyncWorkflowClient client) {
    OrderService orders = new OrderService(client);
    orders.placeOrder("C-3", 10);
    orders.paymentReceived("C-3");
    assertThatThrownBy(() -> orders.paymentReceived("C-3")).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void theReminderGoesOutAfterAWeek(InMemoryEngine engine, SyncWorkflowClient client, TestClock clock) {
    String id = client.instances().start(StartRequest.of("invoice").build()).id();
    assertThat(engine, id).hasPassed("send").isWaitingAt("wait");

    clock.advance(Duration.ofDays(6));
    assertThat(engine, id).isWaitingAt("wait").doesNotHaveVariable("reminded");

    clock.advance(Duration.ofDays(1)); // no sleeping: the timer follows the test's clock
    assertThat(engine, id).isCompleted().hasVariable("reminded", true);
  }
}
