package io.flowport.core.model;

/** The state of one node, in bamboo_engine's vocabulary, which the other engines map onto. */
public enum NodeState {
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
  ROLL_BACK_FAILED,
  /** The engine reported a state this client does not know; see the raw state. */
  UNKNOWN
}
