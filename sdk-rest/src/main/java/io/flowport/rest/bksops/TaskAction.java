package io.flowport.rest.bksops;

import java.util.Locale;

/** The {@code action} of bk-sops' {@code operate_task}, each one bamboo_engine call. */
public enum TaskAction {
  /** {@code run_pipeline}; like {@code start_task}. */
  START,
  /** {@code pause_pipeline}. */
  PAUSE,
  /** {@code resume_pipeline} (only a SUSPENDED task). */
  RESUME,
  /** {@code revoke_pipeline}: the task can never run again. */
  REVOKE;

  /** {@return the word on the wire} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
