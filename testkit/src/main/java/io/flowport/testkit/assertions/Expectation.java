package io.flowport.testkit.assertions;

import static io.flowport.testkit.assertions.internal.InstanceSummary.value;
import static io.flowport.testkit.assertions.internal.InstanceSummary.valueWithType;

import io.flowport.testkit.assertions.internal.InstanceSummary;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One check on an instance, shared by {@link InstanceAssert} (checked now) and
 * {@link EventualInstanceAssert} (waited for): what is expected, the test, and how to say what
 * was found instead. {@code expected}/{@code actual} feed the IDE diff where there is one value.
 */
record Expectation(
    String expected,
    Predicate<InstanceSnapshot> test,
    Function<InstanceSnapshot, String> found,
    Object expectedValue,
    Function<InstanceSnapshot, Object> actualValue) {

  boolean matches(InstanceSnapshot s) {
    return test.test(s);
  }

  static Expectation custom(String description, Predicate<? super InstanceSnapshot> predicate) {
    Objects.requireNonNull(predicate, "predicate == null");
    return new Expectation("to match: " + description, predicate::test, s -> "it did not", null, null);
  }

  static Expectation state(InstanceStatus state) {
    Objects.requireNonNull(state, "state == null");
    return new Expectation("to be " + state, s -> s.state() == state, s -> "it was " + s.state(), state, InstanceSnapshot::state);
  }

  static Expectation unifiedState(io.flowport.core.model.InstanceState state) {
    Objects.requireNonNull(state, "state == null");
    return new Expectation("to be " + state, s -> s.state().name().equals(state.name()),
        s -> "it was " + s.state(), state.name(), s -> s.state().name());
  }

  static Expectation variable(String name) {
    Objects.requireNonNull(name, "name == null");
    return new Expectation("to have variable '" + name + "'", s -> s.variables().containsKey(name),
        s -> "it has only " + InstanceSummary.names(s.variables()), null, null);
  }

  static Expectation noVariable(String name) {
    Objects.requireNonNull(name, "name == null");
    return new Expectation("not to have variable '" + name + "'", s -> !s.variables().containsKey(name),
        s -> "it has " + name + "=" + value(s.variables().get(name)), null, null);
  }

  static Expectation variable(String name, Object expected) {
    Objects.requireNonNull(name, "name == null");
    return new Expectation("to have variable " + name + "=" + value(expected),
        s -> s.variables().containsKey(name) && Objects.deepEquals(s.variables().get(name), expected),
        s -> s.variables().containsKey(name)
            ? "it has " + name + "=" + differing(s.variables().get(name), expected)
            : "it has no variable '" + name + "' (only " + InstanceSummary.names(s.variables()) + ")",
        expected, s -> s.variables().get(name));
  }

  static Expectation variables(Map<String, ?> expected) {
    Objects.requireNonNull(expected, "variables == null");
    Map<String, Object> copy = new LinkedHashMap<>(expected);
    return new Expectation("to have variables " + InstanceSummary.variables(copy),
        s -> mismatches(s, copy).isEmpty(),
        s -> "these differ: " + String.join(", ", mismatches(s, copy)), null, null);
  }

  static Expectation passed(String... nodeIds) {
    List<String> ids = ids(nodeIds);
    return new Expectation("to have passed " + ids, s -> s.passedNodeIds().containsAll(ids),
        s -> "it has not passed " + missing(ids, s.passedNodeIds()) + " (passed: " + s.passedNodeIds() + ")", null, null);
  }

  static Expectation notPassed(String... nodeIds) {
    List<String> ids = ids(nodeIds);
    return new Expectation("not to have passed " + ids, s -> s.passedNodeIds().stream().noneMatch(ids::contains),
        s -> "it has passed " + present(ids, s.passedNodeIds()), null, null);
  }

  static Expectation waitingAt(String... nodeIds) {
    List<String> ids = ids(nodeIds);
    return new Expectation("to be waiting at " + ids, s -> s.activeNodeIds().containsAll(ids),
        s -> "it is not waiting at " + missing(ids, s.activeNodeIds()) + " (active: " + s.activeNodeIds() + ")", null, null);
  }

  static Expectation failedAt(String... nodeIds) {
    List<String> ids = ids(nodeIds);
    return new Expectation("to have failed at " + ids, s -> s.failedNodeIds().containsAll(ids),
        s -> "it has not failed at " + missing(ids, s.failedNodeIds()) + " (failed: " + s.failedNodeIds() + ")", null, null);
  }

  static Expectation incident() {
    return new Expectation("to have an open incident", s -> !s.incidents().isEmpty(), s -> "it has none", null, null);
  }

  static Expectation incidentAt(String nodeId) {
    Objects.requireNonNull(nodeId, "nodeId == null");
    return new Expectation("to have an open incident at '" + nodeId + "'",
        s -> s.incidents().stream().anyMatch(i -> i.nodeId().equals(nodeId)),
        s -> "its incidents are: " + InstanceSummary.incidents(s.incidents()), null, null);
  }

  static Expectation noIncidents() {
    return new Expectation("to have no open incidents", s -> s.incidents().isEmpty(),
        s -> "it has " + InstanceSummary.incidents(s.incidents()), null, null);
  }

  static Expectation businessKey(String businessKey) {
    return new Expectation("to have business key " + value(businessKey), s -> Objects.equals(s.businessKey(), businessKey),
        s -> "it has " + value(s.businessKey()), businessKey, InstanceSnapshot::businessKey);
  }

  // ------------------------------------------------------------------ helpers

  private static List<String> ids(String... nodeIds) {
    Objects.requireNonNull(nodeIds, "nodeIds == null");
    if (nodeIds.length == 0) {
      throw new IllegalArgumentException("give at least one node id");
    }
    for (String id : nodeIds) {
      Objects.requireNonNull(id, "node id == null");
    }
    return List.of(nodeIds);
  }

  private static List<String> missing(List<String> wanted, List<String> have) {
    List<String> out = new ArrayList<>(wanted);
    out.removeAll(have);
    return out;
  }

  private static List<String> present(List<String> unwanted, List<String> have) {
    List<String> out = new ArrayList<>(unwanted);
    out.retainAll(have);
    return out;
  }

  /**
   * The found value; when it prints like the expected one, both with their types
   * ({@code 120 (Long), expected 120 (Integer)}).
   */
  private static String differing(Object found, Object expected) {
    return value(found).equals(value(expected))
        ? valueWithType(found) + ", expected " + valueWithType(expected)
        : value(found);
  }

  private static List<String> mismatches(InstanceSnapshot s, Map<String, Object> expected) {
    List<String> out = new ArrayList<>();
    expected.forEach((name, want) -> {
      if (!s.variables().containsKey(name)) {
        out.add(name + " is missing");
      } else {
        Object got = s.variables().get(name);
        if (!Objects.deepEquals(got, want)) {
          out.add(value(got).equals(value(want))
              ? name + "=" + differing(got, want)
              : name + "=" + value(got) + " (expected " + value(want) + ")");
        }
      }
    });
    return out;
  }

  @Override
  public String toString() {
    return expected;
  }
}
