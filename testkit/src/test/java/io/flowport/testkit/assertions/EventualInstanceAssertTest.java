package io.flowport.testkit.assertions;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.Job;
import io.flowport.testkit.engine.ProcessModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code eventually()} waits for the engine's own progress, and gives up in bounded time. */
class EventualInstanceAssertTest {
  private final InMemoryEngine engine = InMemoryEngine.create();
  private final ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
  /** The "charge" job, kept by the handler to be completed later from another thread. */
  private final CompletableFuture<Job> charge = new CompletableFuture<>();

  @BeforeEach
  void deploy() {
    engine.deploy(ProcessModel.builder("order").startEvent("start").serviceTask("charge", "charge").endEvent("end").build());
    engine.registerHandler("charge", charge::complete);
  }

  @AfterEach
  void close() throws InterruptedException {
    other.shutdownNow();
    assertThat(other.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    engine.close();
  }

  @Test
  void succeedsWhenAnotherThreadCompletesTheJobLater() {
    InstanceSnapshot s = engine.start("order", Map.of());
    assertThat(engine, s).isWaitingAt("charge");
    other.schedule(() -> charge.join().complete(Map.of("paid", true)), 150, TimeUnit.MILLISECONDS);

    long t0 = System.nanoTime();
    assertThat(engine, s).eventually().within(Duration.ofSeconds(5))
        .isCompleted()
        .hasPassed("charge", "end")
        .hasVariable("paid", true)
        .now().hasNoIncidents();
    // it returned on the engine's notification, not at the timeout
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void waitsForAVariableWrittenByAnotherThread() {
    InstanceSnapshot s = engine.start("order", Map.of());
    other.schedule(() -> engine.upsertVariables(s.id(), Map.of("status", "checked")), 100, TimeUnit.MILLISECONDS);
    assertThat(engine, s).eventually().hasVariable("status", "checked").isRunning();
  }

  @Test
  void waitsForAFailureAndForTheRetryThatClearsIt() {
    InstanceSnapshot s = engine.start("order", Map.of());
    other.schedule(() -> charge.join().fail("card declined"), 50, TimeUnit.MILLISECONDS);
    assertThat(engine, s).eventually().isFailed().hasIncidentAt("charge");
    other.schedule(() -> engine.retryNode(s.id(), "charge", null), 50, TimeUnit.MILLISECONDS);
    // the retry makes a new job, handed to the handler again; the (completed) future keeps the old one
    assertThat(engine, s).eventually().throughFailures().hasNoIncidents().isWaitingAt("charge");
  }

  @Test
  void failsAtOnceWhenTheInstanceFailedWithoutIt() {
    InstanceSnapshot s = engine.start("order", Map.of());
    charge.join().fail("card declined");
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> assertThat(engine, s).eventually().within(Duration.ofSeconds(30)).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("within 30 s")
        .hasMessageContaining("to be COMPLETED")
        .hasMessageContaining("but it FAILED and it was FAILED; a failed instance makes no progress on its own")
        .hasMessageContaining("eventually().throughFailures()")
        .hasMessageContaining("card declined");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void throughFailuresKeepsTheTimeoutAndWaitsOnlyAsLongAsIt() {
    InstanceSnapshot s = engine.start("order", Map.of());
    charge.join().fail("card declined");
    EventualInstanceAssert waiting = assertThat(engine, s).eventually().within(Duration.ofMillis(200)).throughFailures();
    assertThat(waiting.timeout()).isEqualTo(Duration.ofMillis(200));
    assertThatThrownBy(waiting::isCompleted)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but after 200 ms it was FAILED.");
  }

  @Test
  void passesAtOnceWhenTheConditionAlreadyHolds() {
    InstanceSnapshot s = engine.start("order", Map.of());
    assertThat(engine, s).eventually().within(Duration.ofMillis(1)).isRunning().isWaitingAt("charge");
  }

  @Test
  void failsInBoundedTimeWhenNothingHappens() {
    InstanceSnapshot s = engine.start("order", Map.of("amount", 5));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> assertThat(engine, s).eventually().within(Duration.ofMillis(200)).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting instance " + s.id() + " within 200 ms")
        .hasMessageContaining("to be COMPLETED")
        .hasMessageContaining("but after 200 ms it was RUNNING.")
        .hasMessageContaining("Current state:")
        .hasMessageContaining("active:       [charge]")
        .hasMessageContaining("variables:    {amount=5}")
        .hasMessageContaining("open jobs:    charge at charge");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void failsAtOnceWhenTheInstanceEndedWithoutIt() {
    InstanceSnapshot s = engine.start("order", Map.of());
    engine.cancel(s.id());
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> assertThat(engine, s).eventually().within(Duration.ofSeconds(30)).hasPassed("charge"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("within 30 s")
        .hasMessageContaining("to have passed [charge]")
        .hasMessageContaining("but it ended CANCELLED and it has not passed [charge] (passed: [start]), so it never will.");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void failsWhenTheEngineIsClosedWhileWaiting() {
    InstanceSnapshot s = engine.start("order", Map.of());
    other.schedule(engine::close, 100, TimeUnit.MILLISECONDS);
    assertThatThrownBy(() -> assertThat(engine, s).eventually().isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but waiting failed")
        .hasMessageContaining("closed");
  }

  @Test
  void showsTheDescription() {
    InstanceSnapshot s = engine.start("order", Map.of());
    assertThatThrownBy(() -> assertThat(engine, s).as("checkout").eventually().within(Duration.ofMillis(20)).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[checkout] ");
  }

  @Test
  void timeoutMustBePositive() {
    InstanceSnapshot s = engine.start("order", Map.of());
    EventualInstanceAssert eventually = assertThat(engine, s).eventually();
    assertThat(eventually.timeout()).isEqualTo(InstanceAssert.DEFAULT_TIMEOUT);
    assertThatThrownBy(() -> eventually.within(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eventually.within(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customCondition() {
    InstanceSnapshot s = engine.start("order", Map.of());
    other.schedule(() -> engine.upsertVariables(s.id(), Map.of("n", 3)), 50, TimeUnit.MILLISECONDS);
    assertThat(engine, s).eventually().matches(i -> i.variables().size() == 1, "one variable");
    assertThatThrownBy(() -> assertThat(engine, s).eventually().within(Duration.ofMillis(50))
            .matches(i -> i.variables().isEmpty(), "no variables"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to match: no variables")
        .hasMessageContaining("but after 50 ms it did not.");
  }
}
