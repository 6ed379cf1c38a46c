package io.flowport.rest.flowable;

import io.flowport.core.model.InstanceState;
import io.flowport.core.spi.StateTable;
import java.util.Locale;

/**
 * Flowable's instance states as raw status strings, and their unified {@link InstanceState}.
 * Flowable itself has flags, not a status: the adapter derives the raw status from them.
 *
 * <table>
 *   <caption>raw status</caption>
 *   <tr><th>raw</th><th>derived from</th><th>state</th></tr>
 *   <tr><td>active</td><td>runtime, {@code suspended:false}; history without {@code endTime}</td><td>RUNNING</td></tr>
 *   <tr><td>suspended</td><td>runtime, {@code suspended:true}</td><td>SUSPENDED</td></tr>
 *   <tr><td>completed</td><td>runtime {@code ended:true} (start ran to the end); history with {@code endTime}
 *       and no {@code deleteReason}, or ended by a terminate end event</td><td>COMPLETED</td></tr>
 *   <tr><td>cancelled</td><td>history with {@code endTime} and a {@code deleteReason} (deleted over REST or
 *       the API)</td><td>CANCELLED</td></tr>
 * </table>
 *
 * Flowable has no failed instance state (a failing job goes to the dead-letter queue and the instance stays
 * active), so FAILED never appears. Anything else maps to UNKNOWN.
 */
public final class FlowableStates {
  /** The wire value {@code "active"}. */
  public static final String ACTIVE = "active";
  /** The wire value {@code "suspended"}. */
  public static final String SUSPENDED = "suspended";
  /** The wire value {@code "completed"}. */
  public static final String COMPLETED = "completed";
  /** The wire value {@code "cancelled"}. */
  public static final String CANCELLED = "cancelled";

  /** The mapping, in documentation order; raw statuses match without regard to case. */
  public static final StateTable TABLE = StateTable.builder("flowable")
      .row(ACTIVE, InstanceState.RUNNING)
      .row(SUSPENDED, InstanceState.SUSPENDED)
      .row(COMPLETED, InstanceState.COMPLETED)
      .row(CANCELLED, InstanceState.CANCELLED)
      .build();

  private FlowableStates() {}

  /**
   * {@return the unified state of a raw status; UNKNOWN for anything not in {@link #TABLE}}
   *
   * @param rawStatus the engine's status as it sent it
   */
  public static InstanceState state(String rawStatus) {
    return TABLE.state(rawStatus);
  }

  /**
   * {@return the raw status of a runtime process instance answer}
   *
   * @param suspended the suspended
   * @param ended the ended
   */
  public static String runtimeStatus(boolean suspended, boolean ended) {
    if (ended) {
      return COMPLETED;
    }
    return suspended ? SUSPENDED : ACTIVE;
  }

  /**
   * {@return the raw status of a historic process instance answer}
   *
   * @param hasEndTime the has end time
   * @param deleteReason the delete reason
   */
  public static String historicStatus(boolean hasEndTime, String deleteReason) {
    if (!hasEndTime) {
      return ACTIVE;
    }
    if (deleteReason == null || deleteReason.isBlank() || isTerminateEndEvent(deleteReason)) {
      return COMPLETED;
    }
    return CANCELLED;
  }

  /** Flowable records a terminate end event as a delete reason ("terminated by end event ..."); it is an end, not a cancel. */
  static boolean isTerminateEndEvent(String deleteReason) {
    String r = deleteReason.toLowerCase(Locale.ROOT);
    return r.startsWith("terminate end event") || r.startsWith("terminated by end event");
  }
}
