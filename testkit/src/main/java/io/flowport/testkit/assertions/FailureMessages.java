package io.flowport.testkit.assertions;

import io.flowport.testkit.assertions.internal.InstanceSummary;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobSnapshot;
import java.time.Duration;
import java.util.List;

/** The wording of assertion failures. */
final class FailureMessages {
  private FailureMessages() {}

  /** A check that did not hold now. */
  static String now(InstanceSnapshot s, Expectation e, List<JobSnapshot> jobs) {
    return "\nExpecting instance " + s.id() + "\n  " + e.expected() + "\nbut " + e.found().apply(s) + "."
        + state(s, jobs);
  }

  /** A check that did not hold within the timeout; {@code s} is the latest snapshot. */
  static String timedOut(String instanceId, Duration timeout, InstanceSnapshot s, Expectation e, List<JobSnapshot> jobs) {
    return "\nExpecting instance " + instanceId + " within " + format(timeout) + "\n  " + e.expected()
        + "\nbut after " + format(timeout) + " " + e.found().apply(s) + "." + state(s, jobs);
  }

  /** The instance ended (nothing will change any more) without the check holding. */
  static String ended(String instanceId, Duration timeout, InstanceSnapshot s, Expectation e, List<JobSnapshot> jobs) {
    return "\nExpecting instance " + instanceId + " within " + format(timeout) + "\n  " + e.expected()
        + "\nbut it ended " + s.state() + " and " + e.found().apply(s) + ", so it never will." + state(s, jobs);
  }

  /** The instance FAILED without the check holding; it makes no progress unless someone retries it. */
  static String failed(String instanceId, Duration timeout, InstanceSnapshot s, Expectation e, List<JobSnapshot> jobs) {
    return "\nExpecting instance " + instanceId + " within " + format(timeout) + "\n  " + e.expected()
        + "\nbut it FAILED and " + e.found().apply(s) + "; a failed instance makes no progress on its own"
        + " (to wait for a retry made elsewhere, use eventually().throughFailures())." + state(s, jobs);
  }

  /** Waiting could not even start or went wrong (unknown instance, closed engine, interrupt). */
  static String cannotWait(String instanceId, Duration timeout, Expectation e, String why) {
    return "\nExpecting instance " + instanceId + " within " + format(timeout) + "\n  " + e.expected() + "\nbut " + why;
  }

  private static String state(InstanceSnapshot s, List<JobSnapshot> jobs) {
    return "\n\nCurrent state:\n" + InstanceSummary.of(s, jobs, "");
  }

  /** {@code 250 ms}, {@code 5 s}, {@code 1.5 s}. */
  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.valueOf(millis / 1000.0) + " s";
  }
}
