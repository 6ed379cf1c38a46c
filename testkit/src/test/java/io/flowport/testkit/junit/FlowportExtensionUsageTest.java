package io.flowport.testkit.junit;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.Job;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension and the assertions used the way a user would, directly under surefire. */
class FlowportExtensionUsageTest {
  static final ProcessModel SHIPPING = ProcessModel.builder("shipping")
      .startEvent("start")
      .serviceTask("pack", "pack")
      .timer("wait", Duration.ofHours(2))
      .userTask("sign")
      .endEvent("end")
      .build();

  @RegisterExtension
  static FlowportExtension flowport = FlowportExtension.builder()
      .deploy(SHIPPING)
      .handler("pack", job -> job.complete(Map.of("parcel", "P-1")))
      .build();

  @Test
  void shipsThroughTheBlockingClient(SyncWorkflowClient client, InMemoryEngine engine, TestClock clock) {
    Instance started = client.instances().start(StartRequest.of("shipping").build());

    assertThat(engine, started).isRunning().hasPassed("pack").isWaitingAt("wait").hasVariable("parcel", "P-1");
    clock.advance(Duration.ofHours(2));
    assertThat(engine, started).hasPassed("wait").isWaitingAt("sign");
    engine.completeUserTask(started.id(), "sign", Map.of("signedBy", "Bo"));
    assertThat(engine, started).isCompleted().hasNoIncidents().hasVariable("signedBy", "Bo");
  }

  @Test
  void waitsForAWorkerOnAnotherThread(FlowportTestContext ctx) {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    ctx.register(worker::shutdownNow);
    // this test's own handler replaces the configured one: it hands the job to the worker thread
    ctx.engine().registerHandler("pack", (Job job) -> worker.submit(() -> job.complete(Map.of("parcel", "P-2"))));

    String id = ctx.engine().start("shipping", Map.of()).id();

    assertThat(ctx.engine(), id).eventually().within(Duration.ofSeconds(5)).hasPassed("pack").isWaitingAt("wait");
    assertThat(ctx.engine().variable(id, "parcel")).isEqualTo("P-2");
  }
}
