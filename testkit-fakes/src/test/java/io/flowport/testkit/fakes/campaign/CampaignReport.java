package io.flowport.testkit.fakes.campaign;

import java.util.List;
import java.util.Map;

/**
 * What one {@link FaultCampaign} run found, counted from the engine behind the fake (instances
 * per tag) and from the client's futures. Every field named for a defect must be zero.
 *
 * @param engine the adapter
 * @param seed the seed the run used
 * @param calls calls made
 * @param faults faults planned (each request of the fake may take one)
 * @param failures calls that failed, by exception class (typed errors the faults explain)
 * @param duplicateInstances tags the engine ran more than once for a start (must be 0)
 * @param duplicateMessages tags the engine ran more than once for a publish (must be 0)
 * @param failedButRan starts and publishes reported failed whose work the engine did
 * @param failedButRanNotFlagged of those, the ones not reported "may have been processed" (must be 0)
 * @param succeededButMissing starts and publishes reported done that the engine never ran (must be 0)
 * @param cancelsMisreported cancels of an instance the campaign cancelled only once that failed "not found" or
 *     with a refused transition (must be 0)
 * @param untyped failures that are not WorkflowException (must be 0)
 * @param pending futures still pending after the run (must be 0)
 * @param threadsLeft threads the client made still alive after close() (must be empty)
 * @param jvmWideThreads OkHttp's JVM-wide idle threads alive after close (reported apart)
 * @param socketsLeft client sockets to the fake still open after close() (must be 0)
 * @param millis how long the run took
 */
public record CampaignReport(
    String engine, long seed, int calls, int faults, Map<String, Integer> failures,
    int duplicateInstances, int duplicateMessages, int failedButRan, int failedButRanNotFlagged,
    int succeededButMissing, int cancelsMisreported, int untyped, int pending,
    List<String> threadsLeft, List<String> jvmWideThreads, int socketsLeft, long millis) {

  /** The defects found: empty when every zero target is met. */
  public List<String> defects() {
    List<String> d = new java.util.ArrayList<>();
    add(d, "duplicate instances", duplicateInstances);
    add(d, "duplicate messages", duplicateMessages);
    add(d, "failed starts/publishes the engine ran, not flagged 'may have been processed'", failedButRanNotFlagged);
    add(d, "successes the engine never ran", succeededButMissing);
    add(d, "cancels reported not found or refused", cancelsMisreported);
    add(d, "non-WorkflowException failures", untyped);
    add(d, "futures pending after the run", pending);
    add(d, "client sockets open after close", socketsLeft);
    if (!threadsLeft.isEmpty()) {
      d.add("threads left after close: " + threadsLeft);
    }
    return d;
  }

  private static void add(List<String> d, String what, int n) {
    if (n != 0) {
      d.add(what + ": " + n);
    }
  }

  /** One line for the test output and RELIABILITY.md. */
  @Override
  public String toString() {
    return String.format("CAMPAIGN %s seed=%d calls=%d faults=%d dupInstances=%d dupMessages=%d failedButRan=%d"
            + " (notFlagged=%d) succeededButMissing=%d cancelsMisreported=%d untyped=%d pending=%d threadsLeft=%d"
            + " jvmWideThreads=%d socketsLeft=%d ms=%d failures=%s",
        engine, seed, calls, faults, duplicateInstances, duplicateMessages, failedButRan, failedButRanNotFlagged,
        succeededButMissing, cancelsMisreported, untyped, pending, threadsLeft.size(), jvmWideThreads.size(),
        socketsLeft, millis, failures);
  }
}
