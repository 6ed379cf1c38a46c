package io.flowport.testkit.fakes.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.Registration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fake's reading of a template's {@code states}: a JSON list of states run one after the
 * other, each {@code {"name": "..", "action": "pass" | "wait" | "fail"}} (other fields are kept
 * and ignored). On the in-memory engine a graph is a process with that id: start, one element per
 * state, end.
 *
 * <ul>
 *   <li>{@code pass} (the default): a service task that completes at once;
 *   <li>{@code wait}: a user task; it waits until a test completes it
 *       ({@link io.flowport.testkit.fakes.obs.FakeObsServer#completeState});
 *   <li>{@code fail}: a service task that fails the first time it runs (the execution becomes
 *       FAILED) and succeeds when the execution is restored.
 * </ul>
 */
public final class ObsGraphs {
  static final String PASS = "obs-pass";
  static final String FAIL_ONCE = "obs-fail-once";
  private static final Pattern STATE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private ObsGraphs() {}

  /** One state of a graph. */
  record State(String name, String action) {}

  /** The states of a template's {@code states} value; IllegalArgumentException with the reason when it is not a state list. */
  static List<State> states(JsonNode states) {
    if (states == null || !states.isArray() || states.isEmpty()) {
      throw new IllegalArgumentException("states must be a non-empty list of {\"name\", \"action\"}");
    }
    List<State> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode s : states) {
      String name = s.path("name").asText("");
      if (!STATE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a state name is a letter or digit, then letters, digits, '_' or '-': " + name);
      }
      if (!names.add(name) || name.equals("start") || name.equals("end")) {
        throw new IllegalArgumentException("state names are unique and not 'start' or 'end': " + name);
      }
      String action = s.path("action").asText("pass").toLowerCase(Locale.ROOT);
      if (!List.of("pass", "wait", "fail").contains(action)) {
        throw new IllegalArgumentException("a state's action is pass, wait or fail, not " + action);
      }
      out.add(new State(name, action));
    }
    return out;
  }

  /** The process of graph {@code graph}. */
  static ProcessModel model(String graph, List<State> states) {
    ProcessModel.Builder b = ProcessModel.builder(graph).startEvent("start");
    for (State s : states) {
      switch (s.action()) {
        case "wait" -> b.userTask(s.name());
        case "fail" -> b.serviceTask(s.name(), FAIL_ONCE);
        default -> b.serviceTask(s.name(), PASS);
      }
    }
    return b.endEvent("end").build();
  }

  /** Registers the handlers of {@code pass} and {@code fail} states on {@code engine}. */
  public static List<Registration> registerHandlers(InMemoryEngine engine) {
    Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    return List.of(
        engine.registerHandler(PASS, job -> job.complete()),
        engine.registerHandler(FAIL_ONCE, job -> {
          if (failedOnce.add(job.instanceId() + "/" + job.nodeId())) {
            job.fail("state " + job.nodeId() + " failed (a 'fail' state of the OBS fake fails once)");
          } else {
            job.complete();
          }
        }));
  }
}
