package io.flowport.userbuild;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.junit.FlowportExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension and the assertions on the JUnit this build chose, not on the one Flowport is built with. */
class ExtensionOnThisJUnitTest {
  @RegisterExtension
  static FlowportExtension flowport = FlowportExtension.builder()
      .deploy("bpmn/order.bpmn")
      .handler("approve", job -> job.complete(Map.of("approved", true)))
      .build();

  private final InMemoryEngine fromConstructor;
  private WorkflowClient fromBeforeEach;

  ExtensionOnThisJUnitTest(InMemoryEngine engine) {
    this.fromConstructor = engine;
  }

  @BeforeEach
  void setUp(WorkflowClient client) {
    this.fromBeforeEach = client;
  }

  /** flowport.junit: the version this build chose, or its start where a BOM of the build chooses. */
  @Test
  void runsOnTheJUnitOfThisBuild() {
    assertThat(Test.class.getPackage().getImplementationVersion()).startsWith(System.getProperty("flowport.junit"));
  }

  @Test
  void injectsOneEngineIntoTheConstructorBeforeEachAndTheTest(InMemoryEngine engine, WorkflowClient client,
      SyncWorkflowClient sync, TestClock clock) {
    assertThat(fromConstructor).isSameAs(engine);
    assertThat(fromBeforeEach).isSameAs(client);
    assertThat(sync.async()).isSameAs(client);
    assertThat(clock).isSameAs(engine.clock());
  }

  @Test
  void bigOrdersAreApprovedThenWaitForPayment(InMemoryEngine engine, SyncWorkflowClient client) {
    Instance order = client.instances().start(StartRequest.of("order")
        .variable("orderId", "B-2").variable("amount", 500).build());
    assertThat(engine, order).eventually().hasPassed("approve").isWaitingAt("waitPayment")
        .hasVariable("approved", true);
  }

  @Test
  void anInstanceThatFailedFailsTheWaitAtOnce(InMemoryEngine engine, SyncWorkflowClient client) {
    Instance order = client.instances().start(StartRequest.of("order").variable("orderId", "C-3").build());
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> assertThat(engine, order).eventually().within(Duration.ofSeconds(30)).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FAILED");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }
}
