package io.flowport.testkit.engine;

/**
 * The status of an execution group, derived from its members as Cloudify derives it
 * ({@code ExecutionGroup.status}): a member that is COMPLETED, CANCELLED or FAILED counts as ended.
 */
public enum GroupStatus {
  /** Every member is still queued. */
  QUEUED,
  /** Anything between: some member runs, or some have ended and others are queued. */
  STARTED,
  /** Every member has ended and at least one FAILED. */
  FAILED,
  /** Every member has ended and none FAILED (cancelled members included). */
  TERMINATED
}
