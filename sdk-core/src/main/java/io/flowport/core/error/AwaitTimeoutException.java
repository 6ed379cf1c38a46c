package io.flowport.core.error;

import java.util.Optional;

/**
 * A start-and-await whose wait ran out: the instance was started (or may have been) and may still
 * be running. Unlike other timeouts it is not retryable: repeating the call would start a second
 * instance. Read the instance by {@link #instanceId()} instead, where the engine gave one.
 */
public class AwaitTimeoutException extends WorkflowTimeoutException {
  private static final long serialVersionUID = 1L;

  /** Ids longer than this are cut in the message. */
  private static final int LONGEST_QUOTED_ID = 200;

  /** The started instance's id, or null when the engine did not give one. */
  private final String instanceId;
  /** What the caller should do instead of retrying, for the message. */
  private final String advice;

  /**
   * An await that ran out.
   *
   * @param info what is known about the call; the engine's message stays as the engine sent it
   * @param instanceId the started instance's id, or null when the engine did not give one
   * @param whyNoId when {@code instanceId} is null, why it is not known; otherwise ignored
   * @param cause the error underneath (the engine's timeout), or null
   */
  public AwaitTimeoutException(ErrorInfo info, String instanceId, String whyNoId, Throwable cause) {
    super(ErrorKind.TIMEOUT, info.withRequestMayHaveBeenProcessed(true), cause);
    this.instanceId = instanceId;
    this.advice = instanceId != null
        ? adviceFor(instanceId)
        : "the instance may have been started and may still be running"
            + (whyNoId == null ? "" : " (" + whyNoId + ")") + ": find it rather than starting it again";
  }

  /** The id is the engine's: one too long to quote (garbage, or a hostile server) is cut, {@link #instanceId()} keeps it whole. */
  private static String adviceFor(String instanceId) {
    String what = "was started and may still be running: read it with";
    return instanceId.length() <= LONGEST_QUOTED_ID
        ? "instance " + instanceId + " " + what + " instances().get(\"" + instanceId + "\") rather than starting it again"
        : "instance " + instanceId.substring(0, LONGEST_QUOTED_ID) + "... (" + instanceId.length() + " characters) "
            + what + " instances().get(e.instanceId().get()) rather than starting it again";
  }

  private AwaitTimeoutException(AwaitTimeoutException original) {
    super(ErrorKind.TIMEOUT, original.info(), original);
    this.instanceId = original.instanceId;
    this.advice = original.advice;
  }

  /**
   * The await timeout for {@code timeout}, the timeout the wait ended with.
   *
   * @param timeout the timeout the engine or the client reported
   * @param instanceId the started instance's id, or null when the engine did not give one
   * @param whyNoId when {@code instanceId} is null, why it is not known (what the engine does not tell)
   * @return the exception, with {@code timeout}'s info and cause
   */
  public static AwaitTimeoutException of(WorkflowTimeoutException timeout, String instanceId, String whyNoId) {
    return new AwaitTimeoutException(timeout.info(), instanceId, whyNoId, timeout.getCause());
  }

  /** The timeout's message, then what became of the instance and what to do instead of a retry. */
  @Override
  public String getMessage() {
    return super.getMessage() + "; " + advice;
  }

  /**
   * The id of the instance that was started, or empty when the engine did not give one (Zeebe
   * answers a start-and-await only at the end).
   *
   * @return the instance id, if known
   */
  public Optional<String> instanceId() {
    return Optional.ofNullable(instanceId);
  }

  /** Always false: the instance may still be running, and a repeat would start another one. */
  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public WorkflowException rethrownHere() {
    return new AwaitTimeoutException(this).recordAttempts(attempts());
  }
}
