package io.flowport.testkit.assertions;

import io.flowport.core.model.Instance;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import java.util.Objects;

/**
 * Entry point of the fluent assertions on {@link InMemoryEngine} instances, built on AssertJ
 * (an optional dependency of the test kit: add {@code org.assertj:assertj-core} to use them).
 *
 * <pre>{@code
 * import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
 *
 * InstanceSnapshot s = engine.start("order", Map.of("amount", 120));
 * assertThat(engine, s).isRunning().hasPassed("charge").isWaitingAt("review").hasNoIncidents();
 * engine.completeUserTask(s.id(), "review", Map.of("approved", true));
 * assertThat(engine, s).isCompleted().hasVariable("approved", true);
 * }</pre>
 *
 * <p>The {@code (engine, ...)} forms read the instance's <em>current</em> state from the engine
 * when called; the id, {@link Instance} or snapshot only say which instance. They also allow
 * {@link InstanceAssert#eventually()}. {@link #assertThat(InstanceSnapshot)} checks a snapshot as
 * it is. These methods can be statically imported next to AssertJ's {@code Assertions.assertThat}.
 */
public final class FlowportAssertions {
  private FlowportAssertions() {}

  /**
   * Assertions on the current state of an instance of {@code engine}.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param instanceId the engine's id of the instance
   * @return the instance assert
   * @throws AssertionError when the engine has no such instance (never started, deleted, or
   *     dropped on ending because of {@code keepEndedInstances(false)})
   */
  public static InstanceAssert assertThat(InMemoryEngine engine, String instanceId) {
    Objects.requireNonNull(engine, "engine == null");
    Objects.requireNonNull(instanceId, "instanceId == null");
    InstanceSnapshot current;
    try {
      current = engine.get(instanceId);
    } catch (EngineException e) {
      throw new AssertionError("\nExpecting the engine to have instance " + instanceId + "\nbut " + e.getMessage(), e);
    }
    return new InstanceAssert(current, engine);
  }

  /**
   * Assertions on the current state of the instance a {@code WorkflowClient} returned.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param instance the instance
   * @return the instance assert
   */
  public static InstanceAssert assertThat(InMemoryEngine engine, Instance instance) {
    Objects.requireNonNull(instance, "instance == null");
    return assertThat(engine, instance.id());
  }

  /**
   * Assertions on the current state of the instance of this (possibly older) snapshot.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param snapshot the snapshot
   * @return the instance assert
   */
  public static InstanceAssert assertThat(InMemoryEngine engine, InstanceSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot == null");
    return assertThat(engine, snapshot.id());
  }

  /**
   * Assertions on a snapshot as it is (no engine: {@link InstanceAssert#eventually()} is not available).
   *
   * @param snapshot the snapshot
   * @return the instance assert
   */
  public static InstanceAssert assertThat(InstanceSnapshot snapshot) {
    return new InstanceAssert(snapshot);
  }
}
