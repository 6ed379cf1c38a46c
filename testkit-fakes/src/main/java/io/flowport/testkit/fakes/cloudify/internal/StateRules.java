package io.flowport.testkit.fakes.cloudify.internal;

import static io.flowport.rest.cloudify.CloudifyStates.CANCELLED;
import static io.flowport.rest.cloudify.CloudifyStates.CANCELLING;
import static io.flowport.rest.cloudify.CloudifyStates.FAILED;
import static io.flowport.rest.cloudify.CloudifyStates.FORCE_CANCELLING;
import static io.flowport.rest.cloudify.CloudifyStates.KILL_CANCELLING;
import static io.flowport.rest.cloudify.CloudifyStates.PENDING;
import static io.flowport.rest.cloudify.CloudifyStates.QUEUED;
import static io.flowport.rest.cloudify.CloudifyStates.SCHEDULED;
import static io.flowport.rest.cloudify.CloudifyStates.STARTED;
import static io.flowport.rest.cloudify.CloudifyStates.TERMINATED;

import io.flowport.core.spi.StateTable;
import io.flowport.rest.cloudify.CloudifyStates;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The manager's state rules as pure functions ({@code resource_manager.py}, {@code models_states.py},
 * {@code storage/resource_models.py} as of cloudify-manager cdd961dd), so each can be tested alone.
 */
public final class StateRules {
  /** Every status, as {@code models_states.py} lists them (the client's table has one row each). */
  public static final List<String> ALL = CloudifyStates.TABLE.rows().stream().map(StateTable.Row::raw).toList();
  public static final Set<String> END = Set.copyOf(CloudifyStates.END_STATES);
  public static final Set<String> WAITING = Set.copyOf(CloudifyStates.WAITING_STATES);
  /** ACTIVE_STATES: what holds a deployment (and blocks a system workflow). */
  public static final Set<String> ACTIVE = Set.copyOf(CloudifyStates.IN_PROGRESS_STATES);

  private StateRules() {}

  /** The cancel actions and the status each stores. */
  public enum CancelAction {
    CANCEL("cancel", CANCELLING),
    FORCE_CANCEL("force-cancel", FORCE_CANCELLING),
    KILL("kill", KILL_CANCELLING);

    final String wire;
    final String newStatus;

    CancelAction(String wire, String newStatus) {
      this.wire = wire;
      this.newStatus = newStatus;
    }

    /** The status the execution gets (and the answer shows): always the requested action's. */
    public String newStatus() {
      return newStatus;
    }

    /** The action of a wire name, or null. */
    public static CancelAction of(String wire) {
      for (CancelAction a : values()) {
        if (a.wire.equals(wire)) {
          return a;
        }
      }
      return null;
    }
  }

  /**
   * Checks a cancel of an execution in {@code status}; throws 400 {@code illegal_action_error}.
   * Queued and scheduled executions are validated as a kill (any status may be killed), but keep
   * the requested action's status (notes §6 2).
   */
  public static void checkCancel(String id, String status, CancelAction action) {
    boolean kill = action == CancelAction.KILL || WAITING.contains(status);
    boolean force = action != CancelAction.CANCEL || WAITING.contains(status);
    if (kill) {
      return;
    }
    if (force && CANCELLING.equals(status)) {
      return;
    }
    if (PENDING.equals(status) || STARTED.equals(status) || SCHEDULED.equals(status)) {
      return;
    }
    throw ManagerError.illegalAction("Can't " + (force ? "force-" : "") + "cancel execution " + id
        + " because it's in status " + status);
  }

  /**
   * Checks a resume; throws 409 {@code conflict_error}. Failed and cancelled executions resume (with
   * force their failed tasks are retried); a plain resume also re-sends a started one.
   */
  public static void checkResume(String id, String status, boolean force) {
    if (CANCELLED.equals(status) || FAILED.equals(status)) {
      return;
    }
    if (force) {
      throw ManagerError.conflict("Cannot force-resume execution: `" + id + "` in state: `" + status + "`");
    }
    if (!STARTED.equals(status)) {
      throw ManagerError.conflict("Cannot resume execution: `" + id + "` in state: `" + status + "`");
    }
  }

  /**
   * Whether PATCH may move {@code from} to {@code to} ({@code _validate_execution_update}): the same
   * status always; never out of an END state (except a {@code create_snapshot}); not from
   * cancelling to an active state or terminated; not from force_cancelling to those or cancelling.
   * Everything else, kill_cancelling included, is allowed, and {@code to} is not checked against the
   * known statuses.
   */
  public static boolean patchAllowed(String workflowId, String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    if (END.contains(from) && !"create_snapshot".equals(workflowId)) {
      return false;
    }
    if (CANCELLING.equals(from) && (ACTIVE.contains(to) || TERMINATED.equals(to))) {
      return false;
    }
    return !(FORCE_CANCELLING.equals(from) && (ACTIVE.contains(to) || TERMINATED.equals(to) || CANCELLING.equals(to)));
  }

  /**
   * A group's status from its members' ({@code ExecutionGroup.status}): null when empty; all pending
   * → pending; all queued, pending or scheduled → queued; all ended → failed if any failed, else
   * terminated; otherwise started.
   */
  public static String groupStatus(Collection<String> members) {
    if (members.isEmpty()) {
      return null;
    }
    if (members.stream().allMatch(PENDING::equals)) {
      return PENDING;
    }
    if (members.stream().allMatch(s -> QUEUED.equals(s) || PENDING.equals(s) || SCHEDULED.equals(s))) {
      return QUEUED;
    }
    if (members.stream().allMatch(END::contains)) {
      return members.contains(FAILED) ? FAILED : TERMINATED;
    }
    return STARTED;
  }

  /** What the manager shows as {@code status_display}. */
  public static String display(String status) {
    return CloudifyStates.display(status);
  }
}
