package io.flowport.testkit.engine;

import java.util.Map;

/** A job handed to a {@link JobHandler}; may be completed later from any thread. */
public interface Job {
  /** Job key. */
  String key();

  /** Job type. */
  String type();

  /** Instance id. */
  String instanceId();

  /** BPMN element id of the task. */
  String nodeId();

  /** Variables at job creation (unmodifiable). */
  Map<String, Object> variables();

  /** Retries left. */
  int retries();

  /** Completes the job; the variables are merged into the instance and the flow continues. */
  void complete(Map<String, Object> variables);

  /** Completes the job without variables. */
  default void complete() {
    complete(Map.of());
  }

  /** Fails the job with no retries left: node FAILED, incident, instance FAILED. */
  default void fail(String errorMessage) {
    fail(0, errorMessage);
  }

  /** Fails the job; with retries &gt; 0 it becomes available again (not re-handled automatically). */
  void fail(int retries, String errorMessage);
}
