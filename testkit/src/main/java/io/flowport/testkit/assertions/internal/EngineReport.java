package io.flowport.testkit.assertions.internal;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The engine-state report: the deployed definitions and every instance's {@link InstanceSummary}
 * with its open jobs. The JUnit extension shows it when a test fails; the standalone fakes' admin
 * API answers it for {@code /__admin/state}.
 */
public final class EngineReport {
  /** At most this many instances are described; the rest are counted. */
  public static final int MAX_INSTANCES = 20;

  private EngineReport() {}

  /**
   * Describes the instances named in {@code touched} (null or empty: every instance of the engine),
   * in start order, with their open jobs, plus the deployed definitions; the first line is
   * {@code "<headline> (engine clock <now>)"}.
   */
  public static String of(InMemoryEngine engine, Collection<String> touched, String headline) {
    List<InstanceSnapshot> instances = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    boolean onlyTouched = touched != null && !touched.isEmpty();
    if (onlyTouched) {
      for (String id : touched) {
        try {
          instances.add(engine.get(id));
        } catch (EngineException e) {
          gone.add(id);
        }
      }
    } else {
      instances.addAll(engine.list(InstanceFilter.all()));
    }
    List<JobSnapshot> jobs = engine.activeJobs(null);

    StringBuilder b = new StringBuilder(headline).append(" (engine clock ")
        .append(engine.clock().now()).append(")\n");
    b.append("deployed: ").append(definitions(engine.definitions())).append('\n');
    int total = instances.size() + gone.size();
    b.append(total == 0 ? "no instances" : count(total) + (onlyTouched ? " changed during the test" : ""));
    b.append(total == 0 ? "\n" : ":\n");
    int shown = 0;
    for (InstanceSnapshot s : instances) {
      if (shown++ == MAX_INSTANCES) {
        b.append("... and ").append(instances.size() - MAX_INSTANCES).append(" more\n");
        break;
      }
      b.append(InstanceSummary.of(s, jobs, "  ")).append('\n');
    }
    for (String id : gone) {
      b.append("  instance ").append(id).append(": no longer in the engine (deleted, or dropped when it ended)\n");
    }
    b.setLength(b.length() - 1);
    return b.toString();
  }

  private static String count(int n) {
    return n == 1 ? "1 instance" : n + " instances";
  }

  private static String definitions(List<DeployedModel> definitions) {
    if (definitions.isEmpty()) {
      return "nothing";
    }
    StringJoiner j = new StringJoiner(", ");
    for (DeployedModel d : definitions) {
      j.add(d.processId() + " v" + d.version());
    }
    return j.toString();
  }
}
