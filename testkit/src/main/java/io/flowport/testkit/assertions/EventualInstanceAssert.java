package io.flowport.testkit.assertions;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The checks of {@link InstanceAssert}, each waiting until the engine reports a state that
 * satisfies it, for at most {@link #within(Duration) the timeout} (5 s unless told otherwise).
 * Made by {@link InstanceAssert#eventually()}.
 *
 * <pre>{@code
 * engine.registerHandler("charge", job -> pool.submit(() -> job.complete(Map.of("paid", true))));
 * InstanceSnapshot s = engine.start("order", Map.of());
 * assertThat(engine, s).eventually().within(Duration.ofSeconds(2)).hasPassed("charge").isCompleted();
 * }</pre>
 *
 * <p>Waiting follows the engine's own change notifications ({@link InMemoryEngine#when}): a check
 * returns as soon as the change that satisfies it is made, and nothing polls or sleeps. Each check
 * in a chain has its own timeout. A check fails at once when the instance has ended
 * (COMPLETED or CANCELLED) without satisfying it, since nothing will change any more, and when it
 * is FAILED, since a failed instance makes no progress on its own; {@link #throughFailures()}
 * waits through failures for a retry made by another thread. The failure shows the latest state.
 *
 * <p>The timeout is real time. The engine clock ({@link io.flowport.testkit.engine.TestClock}) does
 * not move by itself: a check that needs a timer to fire needs someone to advance it.
 */
public final class EventualInstanceAssert {
  private final InMemoryEngine engine;
  private final String instanceId;
  private final Duration timeout;
  private final String description;
  private final boolean throughFailures;

  EventualInstanceAssert(InMemoryEngine engine, String instanceId, Duration timeout, String description) {
    this(engine, instanceId, timeout, description, false);
  }

  private EventualInstanceAssert(InMemoryEngine engine, String instanceId, Duration timeout, String description,
      boolean throughFailures) {
    this.engine = engine;
    this.instanceId = instanceId;
    this.timeout = timeout;
    this.description = description;
    this.throughFailures = throughFailures;
  }

  /**
   * {@return the same assertions, still waiting while the instance is FAILED: for a test where another
   * thread retries the failed node or job}
   */
  public EventualInstanceAssert throughFailures() {
    return new EventualInstanceAssert(engine, instanceId, timeout, description, true);
  }

  /**
   * {@return the same assertions with another timeout (positive)}
   *
   * @param newTimeout the new timeout
   */
  public EventualInstanceAssert within(Duration newTimeout) {
    Objects.requireNonNull(newTimeout, "timeout == null");
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + newTimeout);
    }
    return new EventualInstanceAssert(engine, instanceId, newTimeout, description, throughFailures);
  }

  /** {@return the timeout of each check} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return this assert, once the instance is completed (waits for it)} */
  public EventualInstanceAssert isCompleted() {
    return await(Expectation.state(InstanceStatus.COMPLETED));
  }

  /** {@return this assert, once the instance is running (waits for it)} */
  public EventualInstanceAssert isRunning() {
    return await(Expectation.state(InstanceStatus.RUNNING));
  }

  /** {@return this assert, once the instance is suspended (waits for it)} */
  public EventualInstanceAssert isSuspended() {
    return await(Expectation.state(InstanceStatus.SUSPENDED));
  }

  /** {@return this assert, once the instance is cancelled (waits for it)} */
  public EventualInstanceAssert isCancelled() {
    return await(Expectation.state(InstanceStatus.CANCELLED));
  }

  /** {@return this assert, once the instance is failed (waits for it)} */
  public EventualInstanceAssert isFailed() {
    return await(Expectation.state(InstanceStatus.FAILED));
  }

  /**
   * Sets the is in state.
   *
   * @param state the state
   * @return this object
   */
  public EventualInstanceAssert isInState(InstanceStatus state) {
    return await(Expectation.state(state));
  }

  /**
   * Sets the is in state.
   *
   * @param state the state
   * @return this object
   */
  public EventualInstanceAssert isInState(io.flowport.core.model.InstanceState state) {
    return await(Expectation.unifiedState(state));
  }

  /**
   * Sets the has variable.
   *
   * @param name the name
   * @return this object
   */
  public EventualInstanceAssert hasVariable(String name) {
    return await(Expectation.variable(name));
  }

  /**
   * Waits until the instance has the variable with that value (compared with {@code equals}).
   *
   * @param name the variable's name
   * @param value the value it should have
   * @return this assertion
   */
  public EventualInstanceAssert hasVariable(String name, Object value) {
    return await(Expectation.variable(name, value));
  }

  /**
   * Sets the has variables.
   *
   * @param variables the variables, by name
   * @return this object
   */
  public EventualInstanceAssert hasVariables(Map<String, ?> variables) {
    return await(Expectation.variables(variables));
  }

  /**
   * Sets the does not have variable.
   *
   * @param name the name
   * @return this object
   */
  public EventualInstanceAssert doesNotHaveVariable(String name) {
    return await(Expectation.noVariable(name));
  }

  /**
   * Sets the has passed.
   *
   * @param nodeIds the nodes' ids
   * @return this object
   */
  public EventualInstanceAssert hasPassed(String... nodeIds) {
    return await(Expectation.passed(nodeIds));
  }

  /**
   * Sets the has not passed.
   *
   * @param nodeIds the nodes' ids
   * @return this object
   */
  public EventualInstanceAssert hasNotPassed(String... nodeIds) {
    return await(Expectation.notPassed(nodeIds));
  }

  /**
   * Sets the is waiting at.
   *
   * @param nodeIds the nodes' ids
   * @return this object
   */
  public EventualInstanceAssert isWaitingAt(String... nodeIds) {
    return await(Expectation.waitingAt(nodeIds));
  }

  /**
   * Sets the has failed at.
   *
   * @param nodeIds the nodes' ids
   * @return this object
   */
  public EventualInstanceAssert hasFailedAt(String... nodeIds) {
    return await(Expectation.failedAt(nodeIds));
  }

  /** {@return this assert, once the instance has an incident (waits for it)} */
  public EventualInstanceAssert hasIncident() {
    return await(Expectation.incident());
  }

  /**
   * Sets the has incident at.
   *
   * @param nodeId the node's id in the instance
   * @return this object
   */
  public EventualInstanceAssert hasIncidentAt(String nodeId) {
    return await(Expectation.incidentAt(nodeId));
  }

  /** {@return this assert, once the instance has no incidents (waits for it)} */
  public EventualInstanceAssert hasNoIncidents() {
    return await(Expectation.noIncidents());
  }

  /**
   * Sets the has business key.
   *
   * @param businessKey the business key
   * @return this object
   */
  public EventualInstanceAssert hasBusinessKey(String businessKey) {
    return await(Expectation.businessKey(businessKey));
  }

  /**
   * Waits until the snapshot satisfies the predicate; {@code description} says what it checks.
   *
   * @param predicate the predicate
   * @param description the description
   * @return this object
   */
  public EventualInstanceAssert matches(Predicate<? super InstanceSnapshot> predicate, String description) {
    return await(Expectation.custom(description, predicate));
  }

  /**
   * {@return the current state, for plain assertions after waiting: {@code ...eventually().isCompleted().now()}}
   */
  public InstanceAssert now() {
    return FlowportAssertions.assertThat(engine, instanceId);
  }

  private EventualInstanceAssert await(Expectation e) {
    CompletableFuture<InstanceSnapshot> future;
    try {
      future = engine.when(instanceId, s -> e.matches(s) || s.isEnded() || stopsAtFailure(s));
    } catch (EngineException ex) {
      throw fail(FailureMessages.cannotWait(instanceId, timeout, e, "the engine cannot wait for it: " + ex.getMessage()));
    }
    InstanceSnapshot seen;
    try {
      seen = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException ex) {
      future.cancel(false);
      InstanceSnapshot latest;
      try {
        latest = engine.get(instanceId);
      } catch (EngineException gone) {
        throw fail(FailureMessages.cannotWait(instanceId, timeout, e, "after " + FailureMessages.format(timeout)
            + " the instance could not be read: " + gone.getMessage()));
      }
      if (e.matches(latest)) {
        return this; // it happened just as the time ran out
      }
      throw fail(FailureMessages.timedOut(instanceId, timeout, latest, e, jobs()));
    } catch (InterruptedException ex) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw fail(FailureMessages.cannotWait(instanceId, timeout, e, "the waiting thread was interrupted"));
    } catch (ExecutionException ex) {
      throw fail(FailureMessages.cannotWait(instanceId, timeout, e, "waiting failed: " + ex.getCause()));
    }
    if (!e.matches(seen)) {
      throw fail(seen.isEnded()
          ? FailureMessages.ended(instanceId, timeout, seen, e, jobs())
          : FailureMessages.failed(instanceId, timeout, seen, e, jobs()));
    }
    return this;
  }

  private boolean stopsAtFailure(InstanceSnapshot s) {
    return !throughFailures && s.state() == InstanceStatus.FAILED;
  }

  private List<JobSnapshot> jobs() {
    try {
      return engine.activeJobs(null);
    } catch (RuntimeException closed) {
      return List.of();
    }
  }

  private AssertionError fail(String message) {
    return new AssertionError(description == null || description.isEmpty() ? message : "[" + description + "] " + message);
  }
}
