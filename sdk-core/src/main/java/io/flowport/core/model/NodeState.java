package io.flowport.core.model;

/** The state of one node, in bamboo_engine's vocabulary, which the other engines map onto. */
public enum NodeState {
  CREATED,
  READY,
  LOOP_READY,
  RUNNING,
  SUSPENDED,
  BLOCKED,
  FINISHED,
  FAILED,
  REVOKED,
  ROLLING_BACK,
  ROLL_BACK_SUCCESS,
  ROLL_BACK_FAILED,
  /** The engine reported a state this client does not know; see the raw state. */
  UNKNOWN
}
