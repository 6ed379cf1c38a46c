package io.flowport.testkit.engine;

/** State of a process instance. */
public enum InstanceStatus {
  /** Never reported by this engine (start runs synchronously); kept for the unified model. */
  CREATED,
  /**
   * A member of an execution group waiting for a free slot under the group's concurrency: it has
   * its variables but has not started to run.
   */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Suspended: nothing runs until it is resumed. */
  SUSPENDED,
  /** Ended normally. */
  COMPLETED,
  /** Not ended, but at least one node is FAILED (bk-sops reports such a task as FAILED). */
  FAILED,
  /** Ended by a cancel. */
  CANCELLED;

  /** {@return whether it is COMPLETED or CANCELLED: nothing will change any more} */
  public boolean isEnded() {
    return this == COMPLETED || this == CANCELLED;
  }

  /** {@return whether it is ended, or FAILED: the instance makes no progress on its own} */
  public boolean isSettled() {
    return isEnded() || this == FAILED;
  }
}
