package io.flowport.core.model;

/**
 * The state of a process instance, the same for every engine. Every {@link Instance} also keeps
 * the engine's own status string ({@link Instance#rawStatus()}); each adapter maps one to the
 * other with a table.
 */
public enum InstanceState {
  /** Known to the engine, not yet running (bk-sops CREATED, Cloudify pending). */
  CREATED,
  /** Waiting for a slot or a schedule (Cloudify queued / scheduled). */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Suspended: nothing runs until it is resumed. */
  SUSPENDED,
  /** Ended normally. */
  COMPLETED,
  /** Ended, or stopped, by a failure (where the engine reports failed instances). */
  FAILED,
  /** Being cancelled (Cloudify cancelling, force_cancelling, kill_cancelling). */
  CANCELLING,
  /** Ended by a cancel. */
  CANCELLED,
  /** The engine reported a status this client does not know; see the raw status. */
  UNKNOWN;

  /** {@return true for states an instance never leaves by itself} */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
