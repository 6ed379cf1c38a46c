package io.flowport.rest.bksops;

import java.util.Map;

/**
 * One earlier run of a node, from the {@code histories} of {@code get_task_node_detail}
 * (bamboo_engine's {@code get_node_histories}). bamboo writes one only when a node is retried,
 * skipped or entered again; the short form ({@code get_node_short_histories}) is the same entry
 * without inputs and outputs, see {@link #summary()}.
 *
 * @param historyId the history id
 * @param state the state that run ended in (FAILED when bk-sops does not say)
 * @param loop the loop of that run
 * @param skip whether that run was skipped
 * @param version the state version of that run
 * @param startTime when it started, as bk-sops formats it, or null
 * @param finishTime when it ended, or null
 * @param inputs the run's inputs (empty in a summary)
 * @param outputs the run's outputs (empty in a summary)
 * @param exData its failure details, or null
 */
public record NodeRun(
    long historyId,
    String state,
    int loop,
    boolean skip,
    String version,
    String startTime,
    String finishTime,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    String exData) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param historyId the history id
   * @param state the state that run ended in (FAILED when bk-sops does not say)
   * @param loop the loop of that run
   * @param skip whether that run was skipped
   * @param version the state version of that run
   * @param startTime when it started, as bk-sops formats it, or null
   * @param finishTime when it ended, or null
   * @param inputs the run's inputs (empty in a summary)
   * @param outputs the run's outputs (empty in a summary)
   * @param exData its failure details, or null
   */
  public NodeRun {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }

  /** {@return this run without its data: bamboo_engine's short history entry} */
  public NodeRun summary() {
    return new NodeRun(historyId, state, loop, skip, version, startTime, finishTime, Map.of(), Map.of(), null);
  }
}
