package io.flowport.rest.bksops;

import java.util.List;
import java.util.Map;

/**
 * One node of the state tree {@code get_task_status} returns (bamboo_engine's
 * {@code get_pipeline_states}, formatted by bk-sops): the task's root pipeline, or an activity,
 * gateway or subprocess under it.
 *
 * <p>The root's state follows the public API's rule: a RUNNING pipeline with a FAILED child reads
 * FAILED, with a SUSPENDED child NODE_SUSPENDED; a SUSPENDED pipeline stays SUSPENDED whatever its
 * children. A task that was never started has no {@code id} and no {@code version} and reads CREATED.
 *
 * @param id the node id (the pipeline id for the root), or null for a task not started
 * @param name the node's name (the task's name for the root), or null
 * @param state the state as bk-sops wrote it (CREATED, READY, RUNNING, SUSPENDED, NODE_SUSPENDED,
 *     FAILED, FINISHED, REVOKED, EXPIRED, ...)
 * @param loop how many times the node was entered (1 on the first run)
 * @param retry how many times it was retried
 * @param skip whether it was skipped
 * @param errorIgnored whether its failure was ignored ({@code error_ignored}, or the older {@code error_ignorable})
 * @param version its state version (what a callback quotes), or null
 * @param startTime when it started, as bk-sops formats it ({@code 2021-03-10 11:05:22 +0800}), or null
 * @param finishTime when it finished or failed, same format, or null
 * @param elapsedTime seconds it ran
 * @param children its child nodes by id, in the order the gateway sent them
 * @param exData failure details by node id ({@code with_ex_data} on a FAILED task), empty otherwise
 */
public record TaskState(
    String id,
    String name,
    String state,
    int loop,
    int retry,
    boolean skip,
    boolean errorIgnored,
    String version,
    String startTime,
    String finishTime,
    long elapsedTime,
    Map<String, TaskState> children,
    Map<String, Object> exData) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the node id (the pipeline id for the root), or null for a task not started
   * @param name the node's name (the task's name for the root), or null
   * @param state the state as bk-sops wrote it (CREATED, READY, RUNNING, SUSPENDED, NODE_SUSPENDED,
   *     FAILED, FINISHED, REVOKED, EXPIRED, ...)
   * @param loop how many times the node was entered (1 on the first run)
   * @param retry how many times it was retried
   * @param skip whether it was skipped
   * @param errorIgnored whether its failure was ignored ({@code error_ignored}, or the older {@code error_ignorable})
   * @param version its state version (what a callback quotes), or null
   * @param startTime when it started, as bk-sops formats it ({@code 2021-03-10 11:05:22 +0800}), or null
   * @param finishTime when it finished or failed, same format, or null
   * @param elapsedTime seconds it ran
   * @param children its child nodes by id, in the order the gateway sent them
   * @param exData failure details by node id ({@code with_ex_data} on a FAILED task), empty otherwise
   */
  public TaskState {
    children = children == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(children));
    exData = exData == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exData));
  }

  /**
   * {@return this node or a descendant with {@code nodeId}, or null}
   *
   * @param nodeId the node's id in the instance
   */
  public TaskState find(String nodeId) {
    if (nodeId.equals(id)) {
      return this;
    }
    for (TaskState child : children.values()) {
      TaskState found = child.find(nodeId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** {@return the children in order} */
  public List<TaskState> childList() {
    return List.copyOf(children.values());
  }
}
