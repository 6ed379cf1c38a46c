package io.flowport.rest.cloudify;

import io.flowport.core.model.InstanceState;
import io.flowport.core.spi.StateTable;
import java.util.List;

/**
 * Cloudify's execution and execution-group statuses ({@code cloudify/models_states.py}) and their
 * unified {@link InstanceState}. Every instance keeps the raw status; {@code status_display}
 * ("completed" for {@code terminated}) stays on {@link CloudifyExecution#statusDisplay()}.
 *
 * <table>
 *   <caption>execution statuses</caption>
 *   <tr><th>raw</th><th>state</th><th>manager group</th></tr>
 *   <tr><td>pending</td><td>CREATED</td><td>in progress</td></tr>
 *   <tr><td>started</td><td>RUNNING</td><td>in progress</td></tr>
 *   <tr><td>cancelling, force_cancelling, kill_cancelling</td><td>CANCELLING</td><td>in progress</td></tr>
 *   <tr><td>queued, scheduled</td><td>QUEUED</td><td>waiting</td></tr>
 *   <tr><td>terminated</td><td>COMPLETED</td><td>end</td></tr>
 *   <tr><td>failed</td><td>FAILED</td><td>end</td></tr>
 *   <tr><td>cancelled</td><td>CANCELLED</td><td>end</td></tr>
 * </table>
 *
 * A group's status is derived by the manager from its members and takes the values pending, queued,
 * started, failed and terminated, or none for an empty group (UNKNOWN). Anything else maps to UNKNOWN.
 */
public final class CloudifyStates {
  /** The wire value {@code "pending"}. */
  public static final String PENDING = "pending";
  /** The wire value {@code "started"}. */
  public static final String STARTED = "started";
  /** The wire value {@code "cancelling"}. */
  public static final String CANCELLING = "cancelling";
  /** The wire value {@code "force_cancelling"}. */
  public static final String FORCE_CANCELLING = "force_cancelling";
  /** The wire value {@code "kill_cancelling"}. */
  public static final String KILL_CANCELLING = "kill_cancelling";
  /** The wire value {@code "cancelled"}. */
  public static final String CANCELLED = "cancelled";
  /** The wire value {@code "terminated"}. */
  public static final String TERMINATED = "terminated";
  /** The wire value {@code "failed"}. */
  public static final String FAILED = "failed";
  /** The wire value {@code "queued"}. */
  public static final String QUEUED = "queued";
  /** The wire value {@code "scheduled"}. */
  public static final String SCHEDULED = "scheduled";

  /** The statuses an execution never leaves by itself. */
  public static final List<String> END_STATES = List.of(TERMINATED, FAILED, CANCELLED);
  /** The statuses of an execution waiting for a slot or a time. */
  public static final List<String> WAITING_STATES = List.of(SCHEDULED, QUEUED);
  /** The statuses of an execution the manager works on. */
  public static final List<String> IN_PROGRESS_STATES =
      List.of(PENDING, STARTED, CANCELLING, FORCE_CANCELLING, KILL_CANCELLING);

  /** The mapping, one row per status the manager documents, in documentation order. */
  public static final StateTable TABLE = StateTable.builder("cloudify")
      .row(PENDING, InstanceState.CREATED)
      .row(STARTED, InstanceState.RUNNING)
      .row(CANCELLING, InstanceState.CANCELLING)
      .row(FORCE_CANCELLING, InstanceState.CANCELLING)
      .row(KILL_CANCELLING, InstanceState.CANCELLING)
      .row(QUEUED, InstanceState.QUEUED)
      .row(SCHEDULED, InstanceState.QUEUED)
      .row(TERMINATED, InstanceState.COMPLETED)
      .row(FAILED, InstanceState.FAILED)
      .row(CANCELLED, InstanceState.CANCELLED)
      .build();

  private CloudifyStates() {}

  /**
   * {@return the unified state of a raw execution or group status; UNKNOWN for null or anything not in {@link #TABLE}}
   *
   * @param rawStatus the engine's status as it sent it
   */
  public static InstanceState state(String rawStatus) {
    return TABLE.state(rawStatus);
  }

  /**
   * {@return the raw statuses that make up a unified state, for list filters (empty for UNKNOWN)}
   *
   * @param state the state
   */
  public static List<String> rawStatuses(InstanceState state) {
    return TABLE.rows().stream().filter(r -> r.state() == state).map(StateTable.Row::raw).toList();
  }

  /**
   * {@return what the manager shows as {@code status_display}: {@code completed} for terminated, else the status}
   *
   * @param rawStatus the engine's status as it sent it
   */
  public static String display(String rawStatus) {
    return TERMINATED.equals(rawStatus) ? "completed" : rawStatus;
  }
}
