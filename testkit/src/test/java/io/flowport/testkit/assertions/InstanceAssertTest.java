package io.flowport.testkit.assertions;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.StartCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each assertion passes on a matching instance and fails, with a readable message, on another one. */
class InstanceAssertTest {
  private final InMemoryEngine engine = InMemoryEngine.create();

  @BeforeEach
  void deploy() {
    // start -> charge (job "charge") -> review (user task) -> end
    engine.deploy(ProcessModel.builder("order")
        .startEvent("start").serviceTask("charge", "charge").userTask("review").endEvent("end").build());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  /** An instance waiting at the "charge" job. */
  private InstanceSnapshot atCharge() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("amount", 120);
    vars.put("note", "rush");
    return engine.start(StartCommand.process("order").withVariables(vars).withBusinessKey("o-1"));
  }

  /** An instance waiting at the "review" user task. */
  private InstanceSnapshot atReview() {
    InstanceSnapshot s = atCharge();
    engine.completeJob(chargeJob(s), Map.of("paid", true));
    return engine.get(s.id());
  }

  private String chargeJob(InstanceSnapshot s) {
    return engine.activeJobs("charge").stream().filter(j -> j.instanceId().equals(s.id())).findFirst().orElseThrow().key();
  }

  private InstanceSnapshot completed() {
    InstanceSnapshot s = atReview();
    engine.completeUserTask(s.id(), "review", Map.of());
    return engine.get(s.id());
  }

  private InstanceSnapshot failedAtCharge() {
    InstanceSnapshot s = atCharge();
    engine.failJob(chargeJob(s), 0, "card declined");
    return engine.get(s.id());
  }

  // ------------------------------------------------------------------ states

  @Test
  void isCompleted() {
    assertThat(engine, completed()).isCompleted();
    InstanceSnapshot running = atCharge();
    assertThatThrownBy(() -> assertThat(engine, running).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting instance " + running.id())
        .hasMessageContaining("to be COMPLETED")
        .hasMessageContaining("but it was RUNNING.")
        .hasMessageContaining("Current state:")
        .hasMessageContaining("instance " + running.id() + " of process 'order' v1: RUNNING")
        .hasMessageContaining("active:       [charge]")
        .hasMessageContaining("passed:       [start]")
        .hasMessageContaining("variables:    {amount=120, note=\"rush\"}")
        .hasMessageContaining("business key: o-1")
        .hasMessageContaining("open jobs:    charge at charge (retries 3)");
  }

  @Test
  void stateFailureCarriesExpectedAndActualForTheIdeDiff() {
    InstanceSnapshot running = atCharge();
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> assertThat(engine, running).isSuspended());
    assertThat(t).isInstanceOf(AssertionFailedError.class);
    AssertionFailedError e = (AssertionFailedError) t;
    assertThat(e.getExpected().getValue()).isEqualTo(InstanceStatus.SUSPENDED);
    assertThat(e.getActual().getValue()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void isRunning() {
    assertThat(engine, atCharge()).isRunning();
    assertThatThrownBy(() -> assertThat(engine, completed()).isRunning())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be RUNNING")
        .hasMessageContaining("but it was COMPLETED.");
  }

  @Test
  void isSuspended() {
    InstanceSnapshot s = atCharge();
    engine.suspend(s.id());
    assertThat(engine, s).isSuspended();
    assertThatThrownBy(() -> assertThat(engine, atCharge()).isSuspended())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be SUSPENDED")
        .hasMessageContaining("but it was RUNNING.");
  }

  @Test
  void isCancelled() {
    InstanceSnapshot s = atCharge();
    engine.cancel(s.id());
    assertThat(engine, s).isCancelled();
    assertThatThrownBy(() -> assertThat(engine, completed()).isCancelled())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be CANCELLED")
        .hasMessageContaining("but it was COMPLETED.");
  }

  @Test
  void isFailed() {
    assertThat(engine, failedAtCharge()).isFailed();
    assertThatThrownBy(() -> assertThat(engine, atReview()).isFailed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be FAILED")
        .hasMessageContaining("but it was RUNNING.");
  }

  @Test
  void isInStateTakesEngineAndUnifiedStates() {
    InstanceSnapshot done = completed();
    assertThat(engine, done).isInState(InstanceStatus.COMPLETED).isInState(io.flowport.core.model.InstanceState.COMPLETED);
    assertThatThrownBy(() -> assertThat(engine, done).isInState(io.flowport.core.model.InstanceState.QUEUED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be QUEUED")
        .hasMessageContaining("but it was COMPLETED.");
    assertThatThrownBy(() -> assertThat(engine, done).isInState(InstanceStatus.FAILED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be FAILED");
  }

  // ------------------------------------------------------------------ variables

  @Test
  void hasVariable() {
    InstanceSnapshot s = atCharge();
    assertThat(engine, s).hasVariable("amount").hasVariable("note");
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("paid"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have variable 'paid'")
        .hasMessageContaining("but it has only [amount, note].");
  }

  @Test
  void hasVariableWithValue() {
    InstanceSnapshot s = atReview();
    assertThat(engine, s).hasVariable("amount", 120).hasVariable("paid", true).hasVariable("note", "rush");
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("amount", 99))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have variable amount=99")
        .hasMessageContaining("but it has amount=120.");
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("missing", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no variable 'missing' (only [amount, note, paid]).");
  }

  @Test
  void hasVariableShowsTypesWhenValuesPrintAlike() {
    InstanceSnapshot s = atCharge();
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("amount", 120L))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has amount=120 (Integer), expected 120 (Long).");
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("amount", "120"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have variable amount=\"120\"")
        .hasMessageContaining("but it has amount=120.");
  }

  @Test
  void hasVariables() {
    InstanceSnapshot s = atReview();
    assertThat(engine, s).hasVariables(Map.of("amount", 120, "paid", true));
    Map<String, Object> wanted = new LinkedHashMap<>();
    wanted.put("amount", 7);
    wanted.put("paid", true);
    wanted.put("ship", "now");
    assertThatThrownBy(() -> assertThat(engine, s).hasVariables(wanted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have variables {amount=7, paid=true, ship=\"now\"}")
        .hasMessageContaining("but these differ: amount=120 (expected 7), ship is missing.");
  }

  @Test
  void doesNotHaveVariable() {
    InstanceSnapshot s = atCharge();
    assertThat(engine, s).doesNotHaveVariable("paid");
    assertThatThrownBy(() -> assertThat(engine, s).doesNotHaveVariable("note"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to have variable 'note'")
        .hasMessageContaining("but it has note=\"rush\".");
  }

  @Test
  void variableHandsOverToAssertJ() {
    InstanceSnapshot s = atCharge();
    assertThat(engine, s).variable("amount").isEqualTo(120);
    assertThatThrownBy(() -> assertThat(engine, s).variable("amount").isEqualTo(121))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("variable 'amount' of instance " + s.id());
  }

  // ------------------------------------------------------------------ nodes

  @Test
  void hasPassed() {
    InstanceSnapshot s = atReview();
    assertThat(engine, s).hasPassed("start", "charge");
    assertThatThrownBy(() -> assertThat(engine, s).hasPassed("charge", "review", "end"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have passed [charge, review, end]")
        .hasMessageContaining("but it has not passed [review, end] (passed: [start, charge]).");
  }

  @Test
  void hasNotPassed() {
    InstanceSnapshot s = atReview();
    assertThat(engine, s).hasNotPassed("review", "end");
    assertThatThrownBy(() -> assertThat(engine, s).hasNotPassed("review", "charge"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to have passed [review, charge]")
        .hasMessageContaining("but it has passed [charge].");
  }

  @Test
  void isWaitingAt() {
    InstanceSnapshot s = atReview();
    assertThat(engine, s).isWaitingAt("review");
    assertThatThrownBy(() -> assertThat(engine, s).isWaitingAt("charge"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be waiting at [charge]")
        .hasMessageContaining("but it is not waiting at [charge] (active: [review]).")
        .hasMessageContaining("open jobs:    user:review at review");
  }

  @Test
  void hasFailedAt() {
    InstanceSnapshot failed = failedAtCharge();
    assertThat(engine, failed).hasFailedAt("charge");
    assertThatThrownBy(() -> assertThat(engine, atCharge()).hasFailedAt("charge"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have failed at [charge]")
        .hasMessageContaining("but it has not failed at [charge] (failed: []).");
  }

  @Test
  void nodeChecksNeedAtLeastOneId() {
    InstanceSnapshot s = atCharge();
    assertThatThrownBy(() -> assertThat(engine, s).hasPassed()).isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ incidents, business key

  @Test
  void hasIncident() {
    InstanceSnapshot failed = failedAtCharge();
    assertThat(engine, failed).hasIncident().hasIncidentAt("charge");
    assertThatThrownBy(() -> assertThat(engine, atCharge()).hasIncident())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have an open incident")
        .hasMessageContaining("but it has none.");
    assertThatThrownBy(() -> assertThat(engine, failed).hasIncidentAt("review"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have an open incident at 'review'")
        .hasMessageContaining("but its incidents are: charge: \"card declined\".");
  }

  @Test
  void hasNoIncidents() {
    assertThat(engine, atCharge()).hasNoIncidents();
    InstanceSnapshot failed = failedAtCharge();
    assertThatThrownBy(() -> assertThat(engine, failed).hasNoIncidents())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have no open incidents")
        .hasMessageContaining("but it has charge: \"card declined\".")
        .hasMessageContaining("incidents:    charge: \"card declined\"")
        .hasMessageContaining("failed:       [charge]");
  }

  @Test
  void hasBusinessKey() {
    InstanceSnapshot s = atCharge();
    assertThat(engine, s).hasBusinessKey("o-1");
    assertThatThrownBy(() -> assertThat(engine, s).hasBusinessKey("o-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have business key \"o-2\"")
        .hasMessageContaining("but it has \"o-1\".");
  }

  // ------------------------------------------------------------------ entry points

  @Test
  void engineFormsReadTheCurrentStateNotTheGivenSnapshot() {
    InstanceSnapshot old = atReview();
    engine.completeUserTask(old.id(), "review", Map.of());
    assertThat(engine, old).isCompleted();
    assertThat(engine, old.id()).isCompleted();
    assertThat(old).isRunning(); // the snapshot-only form checks the snapshot as it is
  }

  @Test
  void acceptsTheClientsInstance() throws Exception {
    try (WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
      Instance started = client.instances().start(StartRequest.of("order").build()).get();
      assertThat(engine, started).isWaitingAt("charge").hasPassed("start");
    }
  }

  @Test
  void unknownInstanceFails() {
    assertThatThrownBy(() -> assertThat(engine, "42"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the engine to have instance 42");
  }

  @Test
  void descriptionIsShown() {
    InstanceSnapshot s = atCharge();
    assertThatThrownBy(() -> assertThat(engine, s).as("after checkout").isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[after checkout] ");
  }

  @Test
  void snapshotFormCannotWait() {
    InstanceSnapshot s = atCharge();
    assertThatThrownBy(() -> assertThat(s).eventually())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("eventually() needs the engine");
  }

  @Test
  void percentSignsInValuesDoNotBreakTheMessage() {
    InstanceSnapshot s = engine.start("order", Map.of("rate", "50%s off %d"));
    assertThatThrownBy(() -> assertThat(engine, s).hasVariable("rate", "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has rate=\"50%s off %d\".");
  }
}
