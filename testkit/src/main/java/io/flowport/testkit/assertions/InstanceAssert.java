package io.flowport.testkit.assertions;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one instance of an {@link InMemoryEngine}, checked against the snapshot taken when
 * the assertion was created. Make one with {@link FlowportAssertions#assertThat(InMemoryEngine, String)}.
 *
 * <pre>{@code
 * assertThat(engine, instanceId).isWaitingAt("review").hasPassed("charge").hasVariable("paid", true);
 * assertThat(engine, instanceId).eventually().isCompleted();   // waits for the engine, up to 5 s
 * }</pre>
 *
 * <p>A failure says what was expected, what was found, and the instance's current state
 * (variables, passed / active / failed nodes, incidents, open jobs).
 *
 * <p>Node checks take element ids. {@code hasPassed} means FINISHED, {@code isWaitingAt} means
 * active (READY, RUNNING or SUSPENDED, see {@link InstanceSnapshot#activeNodeIds()}). A check
 * with several ids needs all of them. Variable values are compared with
 * {@link java.util.Objects#deepEquals}, so {@code 120} (Integer) is not {@code 120L} (Long); the
 * message shows the types when the values print alike.
 */
public class InstanceAssert extends AbstractAssert<InstanceAssert, InstanceSnapshot> {
  /** How long {@link #eventually()} waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final InMemoryEngine engine;

  /**
   * Assertions on a snapshot as it is; {@link #eventually()} is not available (no engine).
   *
   * @param actual the actual
   */
  public InstanceAssert(InstanceSnapshot actual) {
    this(actual, null);
  }

  /**
   * Assertions on {@code actual}, an instance of {@code engine} (may be null).
   *
   * @param actual the actual
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public InstanceAssert(InstanceSnapshot actual, InMemoryEngine engine) {
    super(actual, InstanceAssert.class);
    this.engine = engine;
  }

  // ---------------------------------------------------------------- waiting

  /**
   * {@return the same checks, but each waits (up to {@link #DEFAULT_TIMEOUT}, see
   * {@link EventualInstanceAssert#within}) until the engine reports a state that satisfies it} It
   * follows the engine's own changes ({@link InMemoryEngine#when}) and never polls or sleeps. Use
   * it when a job is completed from another thread. Needs the engine.
   *
   * @throws IllegalStateException when the assertion was made from a snapshot without an engine
   */
  public EventualInstanceAssert eventually() {
    isNotNull();
    if (engine == null) {
      throw new IllegalStateException(
          "eventually() needs the engine: use FlowportAssertions.assertThat(engine, ...) instead of assertThat(snapshot)");
    }
    return new EventualInstanceAssert(engine, actual.id(), DEFAULT_TIMEOUT, info.descriptionText());
  }

  // ---------------------------------------------------------------- state

  /** {@return the instance is COMPLETED} */
  public InstanceAssert isCompleted() {
    return check(Expectation.state(InstanceStatus.COMPLETED));
  }

  /** {@return the instance is RUNNING (not suspended, no failed node, not ended)} */
  public InstanceAssert isRunning() {
    return check(Expectation.state(InstanceStatus.RUNNING));
  }

  /** {@return the instance is SUSPENDED} */
  public InstanceAssert isSuspended() {
    return check(Expectation.state(InstanceStatus.SUSPENDED));
  }

  /** {@return the instance is CANCELLED} */
  public InstanceAssert isCancelled() {
    return check(Expectation.state(InstanceStatus.CANCELLED));
  }

  /** {@return the instance is FAILED (a node failed; it is not ended and can be retried)} */
  public InstanceAssert isFailed() {
    return check(Expectation.state(InstanceStatus.FAILED));
  }

  /**
   * {@return the instance is in this engine state}
   *
   * @param state the state
   */
  public InstanceAssert isInState(InstanceStatus state) {
    return check(Expectation.state(state));
  }

  /**
   * {@return the instance is in this unified state (the in-memory engine reports CREATED, RUNNING,
   * SUSPENDED, COMPLETED, FAILED and CANCELLED; never QUEUED, CANCELLING or UNKNOWN)}
   *
   * @param state the state
   */
  public InstanceAssert isInState(io.flowport.core.model.InstanceState state) {
    return check(Expectation.unifiedState(state));
  }

  // ---------------------------------------------------------------- variables

  /**
   * {@return the instance has a variable of this name (its value may be null)}
   *
   * @param name the name
   */
  public InstanceAssert hasVariable(String name) {
    return check(Expectation.variable(name));
  }

  /**
   * {@return the instance has this variable with a value {@link java.util.Objects#deepEquals deep-equal} to {@code value}}
   *
   * @param name the name
   * @param value the value
   */
  public InstanceAssert hasVariable(String name, Object value) {
    return check(Expectation.variable(name, value));
  }

  /**
   * {@return the instance has all these variables with these values (others may exist too)}
   *
   * @param variables the variables, by name
   */
  public InstanceAssert hasVariables(Map<String, ?> variables) {
    return check(Expectation.variables(variables));
  }

  /**
   * {@return the instance has no variable of this name}
   *
   * @param name the name
   */
  public InstanceAssert doesNotHaveVariable(String name) {
    return check(Expectation.noVariable(name));
  }

  /**
   * Checks that the variable exists, then hands over to AssertJ for its value:
   * {@code assertThat(engine, id).variable("order").asInstanceOf(MAP).containsKey("total")}.
   *
   * @param name the name
   * @return the abstract object assert
   */
  public AbstractObjectAssert<?, Object> variable(String name) {
    hasVariable(name);
    return Assertions.assertThat(actual.variables().get(name)).as("variable '%s' of instance %s", name, actual.id());
  }

  // ---------------------------------------------------------------- nodes

  /**
   * {@return every one of these nodes has FINISHED}
   *
   * @param nodeIds the nodes' ids
   */
  public InstanceAssert hasPassed(String... nodeIds) {
    return check(Expectation.passed(nodeIds));
  }

  /**
   * None of these nodes has FINISHED.
   *
   * @param nodeIds the nodes' ids
   * @return this object
   */
  public InstanceAssert hasNotPassed(String... nodeIds) {
    return check(Expectation.notPassed(nodeIds));
  }

  /**
   * {@return every one of these nodes is active (READY, RUNNING or SUSPENDED): the instance waits there}
   *
   * @param nodeIds the nodes' ids
   */
  public InstanceAssert isWaitingAt(String... nodeIds) {
    return check(Expectation.waitingAt(nodeIds));
  }

  /**
   * {@return every one of these nodes is FAILED}
   *
   * @param nodeIds the nodes' ids
   */
  public InstanceAssert hasFailedAt(String... nodeIds) {
    return check(Expectation.failedAt(nodeIds));
  }

  // ---------------------------------------------------------------- incidents and the rest

  /** {@return the instance has at least one open incident} */
  public InstanceAssert hasIncident() {
    return check(Expectation.incident());
  }

  /**
   * {@return the instance has an open incident on this node}
   *
   * @param nodeId the node's id in the instance
   */
  public InstanceAssert hasIncidentAt(String nodeId) {
    return check(Expectation.incidentAt(nodeId));
  }

  /** {@return the instance has no open incident} */
  public InstanceAssert hasNoIncidents() {
    return check(Expectation.noIncidents());
  }

  /**
   * {@return the instance has this business key (null: none)}
   *
   * @param businessKey the business key
   */
  public InstanceAssert hasBusinessKey(String businessKey) {
    return check(Expectation.businessKey(businessKey));
  }

  // ---------------------------------------------------------------- internals

  private InstanceAssert check(Expectation e) {
    isNotNull();
    if (!e.matches(actual)) {
      String message = FailureMessages.now(actual, e, jobs());
      if (e.actualValue() != null) {
        failWithActualExpectedAndMessage(e.actualValue().apply(actual), e.expectedValue(), "%s", message);
      }
      failWithMessage("%s", message);
    }
    return myself;
  }

  private List<JobSnapshot> jobs() {
    if (engine == null) {
      return List.of();
    }
    try {
      return engine.activeJobs(null);
    } catch (RuntimeException closed) {
      return List.of();
    }
  }
}
