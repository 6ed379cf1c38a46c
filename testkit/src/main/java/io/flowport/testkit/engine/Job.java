package io.flowport.testkit.engine;

import java.util.Map;

/** A job handed to a {@link JobHandler}; may be completed later from any thread. */
public interface Job {
  /**
   * Job key.
   *
   * @return the key
   */
  String key();

  /**
   * Job type.
   *
   * @return the type
   */
  String type();

  /**
   * Instance id.
   *
   * @return the instance id
   */
  String instanceId();

  /**
   * BPMN element id of the task.
   *
   * @return the node id
   */
  String nodeId();

  /**
   * Variables at job creation (unmodifiable).
   *
   * @return the variables
   */
  Map<String, Object> variables();

  /**
   * Retries left.
   *
   * @return the retries
   */
  int retries();

  /**
   * Completes the job; the variables are merged into the instance and the flow continues.
   *
   * @param variables the variables, by name
   */
  void complete(Map<String, Object> variables);

  /** Completes the job without variables. */
  default void complete() {
    complete(Map.of());
  }

  /**
   * Fails the job with no retries left: node FAILED, incident, instance FAILED.
   *
   * @param errorMessage the error message
   */
  default void fail(String errorMessage) {
    fail(0, errorMessage);
  }

  /**
   * Fails the job; with retries &gt; 0 it becomes available again (not re-handled automatically).
   *
   * @param retries the retries left
   * @param errorMessage the error message
   */
  void fail(int retries, String errorMessage);
}
