package io.flowport.testkit.fakes.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.StartCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CreateProcessInstanceWithResult when the instance completes (and Zeebe drops it) between the start
 * and the wait, and the engine's notification of it comes after the wait began: the contract's
 * start-and-await with a message published at once hung here under load until the request timeout.
 */
class ResultWaitsTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void waitCompletesWhenInstanceEndedBeforeItBeganAndTheNotificationCameLate() throws Exception {
    InMemoryEngine engine = InMemoryEngine.create(FakeZeebeGateway.zeebeOptions());
    engine.deploy("zeebe-msg.bpmn", resource("zeebe-msg.bpmn"));
    ResultWaits waits = new ResultWaits(engine, scheduler);
    AtomicBoolean published = new AtomicBoolean();
    engine.onChange(s -> {
      if (s.state() == InstanceStatus.COMPLETED) {
        // The notification reaches the waits late, as when the publishing thread is descheduled.
        scheduler.schedule(() -> waits.engineChanged(s), 300, TimeUnit.MILLISECONDS);
      } else if (!published.getAndSet(true)) {
        // The message arrives between the start and the wait (another gateway thread in real runs).
        engine.publishMessage(MessageCommand.of("ping", "o-1"));
      }
    });

    CompletableFuture<InstanceSnapshot> done =
        waits.startCompletion(StartCommand.process("msg").withVariables(Map.of("orderId", "o-1")));

    assertThat(published).isTrue();
    assertThat(done.get(5, TimeUnit.SECONDS).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ResultWaitsTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
