package io.flowport.rest.obs.internal;

import io.flowport.rest.obs.ObsResult;

/**
 * The cause of every exception made from an OBS error answer: it carries the {@link ObsResult}.
 * Its message has the status and code only; it has no stack trace (it is data, not a fault site).
 */
public final class ObsErrorAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ObsResult result;

  public ObsErrorAnswer(ObsResult result) {
    super("OBS answered " + result.status() + (result.errorCode() == null ? "" : " " + result.errorCode()), null,
        false, false);
    this.result = result;
  }

  public ObsResult result() {
    return result;
  }
}
