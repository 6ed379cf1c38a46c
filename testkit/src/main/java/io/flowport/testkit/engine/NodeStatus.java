package io.flowport.testkit.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Node states of bamboo_engine ({@code bamboo_engine/states.py}) with its {@code TRANSITION}
 * table. The engine moves every node only through {@link #canTransitTo(NodeStatus)}; a move the
 * table does not allow is an {@link EngineException.Reason#ILLEGAL_STATE}.
 */
public enum NodeStatus {
  /** Created, not yet ready to run. */
  CREATED,
  /** Ready to run. */
  READY,
  /** Ready to run again, for the next round of a loop. */
  LOOP_READY,
  /** Running. */
  RUNNING,
  /** Paused: the flow waits before it until it is resumed. */
  SUSPENDED,
  /** Blocked, waiting for the engine to let it go on. */
  BLOCKED,
  /** Ended successfully. */
  FINISHED,
  /** Failed: it can be retried or skipped. */
  FAILED,
  /** Revoked: its instance was cancelled while it had not ended. */
  REVOKED,
  /** Being rolled back. */
  ROLLING_BACK,
  /** Rolled back. */
  ROLL_BACK_SUCCESS,
  /** Its roll-back failed. */
  ROLL_BACK_FAILED;

  private static final Map<NodeStatus, Set<NodeStatus>> TRANSITION = new EnumMap<>(NodeStatus.class);

  static {
    Set<NodeStatus> fromReady = EnumSet.of(RUNNING, SUSPENDED);
    TRANSITION.put(READY, fromReady);
    TRANSITION.put(LOOP_READY, fromReady);
    TRANSITION.put(RUNNING, EnumSet.of(FINISHED, FAILED, REVOKED, SUSPENDED, ROLLING_BACK));
    TRANSITION.put(SUSPENDED, EnumSet.of(READY, REVOKED, RUNNING, ROLLING_BACK));
    TRANSITION.put(BLOCKED, EnumSet.noneOf(NodeStatus.class));
    TRANSITION.put(REVOKED, EnumSet.noneOf(NodeStatus.class));
    TRANSITION.put(FINISHED, EnumSet.of(RUNNING, FAILED, ROLLING_BACK));
    TRANSITION.put(FAILED, EnumSet.of(READY, FINISHED, LOOP_READY));
    TRANSITION.put(ROLLING_BACK, EnumSet.of(ROLL_BACK_SUCCESS, ROLL_BACK_FAILED));
    TRANSITION.put(ROLL_BACK_SUCCESS, EnumSet.of(READY, FINISHED));
    TRANSITION.put(ROLL_BACK_FAILED, EnumSet.of(READY, FINISHED, ROLLING_BACK));
    // CREATED is not a key of bamboo's TRANSITION: nothing may leave it.
    TRANSITION.put(CREATED, EnumSet.noneOf(NodeStatus.class));
  }

  /**
   * {@return whether bamboo's TRANSITION table allows {@code this -> to}}
   *
   * @param to the to
   */
  public boolean canTransitTo(NodeStatus to) {
    return TRANSITION.get(this).contains(to);
  }

  /** {@return the states this one may move to (unmodifiable)} */
  public Set<NodeStatus> allowedTargets() {
    return Collections.unmodifiableSet(TRANSITION.get(this));
  }

  /** {@return whether it is one of bamboo's ARCHIVED_STATES: FINISHED, FAILED, REVOKED} */
  public boolean isArchived() {
    return this == FINISHED || this == FAILED || this == REVOKED;
  }
}
