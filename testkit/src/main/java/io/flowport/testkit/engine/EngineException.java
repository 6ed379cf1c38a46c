package io.flowport.testkit.engine;

import java.util.Objects;

/**
 * The one exception of the in-memory engine. {@link #reason()} says what went wrong; the message
 * is worded like the real engines where they have a wording (Zeebe first, then Flowable, then
 * bamboo_engine).
 */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an engine call failed. */
  public enum Reason {
    /** No deployed definition matches the id / version / key / message. */
    DEFINITION_NOT_FOUND,
    /** No instance with that id (never started, or deleted). */
    INSTANCE_NOT_FOUND,
    /** The node id is not an element of the instance's definition. */
    NODE_NOT_FOUND,
    /** The instance has no variable of that name. */
    VARIABLE_NOT_FOUND,
    /** No open job with that key. */
    JOB_NOT_FOUND,
    /** BPMN that cannot be parsed, or uses something outside the supported subset. */
    INVALID_DEFINITION,
    /** Null / blank id, negative duration, unknown flow id and the like. */
    INVALID_ARGUMENT,
    /** Started without a message, but the definition has no none start event. */
    NO_START_EVENT,
    /** A variable, or a live message with the same id, already exists. */
    ALREADY_EXISTS,
    /** The instance or node is not in a state that allows the operation. */
    ILLEGAL_STATE,
    /** A callback named a node state version that is not the current one. */
    STALE_VERSION,
    /** No open incident with that key. */
    INCIDENT_NOT_FOUND,
    /** No execution group, or group of targets, with that id. */
    GROUP_NOT_FOUND,
    /** An await did not see the expected state in time. */
    TIMEOUT
  }

  /** Why the call failed. */
  private final Reason reason;

  /**
   * A refused call.
   *
   * @param reason why the call failed
   * @param message what the engine says, for people
   */
  public EngineException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * A refused call, with the failure underneath.
   *
   * @param reason why the call failed
   * @param message what the engine says, for people
   * @param cause the failure underneath
   */
  public EngineException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return why the call failed} */
  public Reason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "EngineException[" + reason + "]: " + getMessage();
  }
}
