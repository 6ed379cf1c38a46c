package io.flowport.rest.bksops;

import java.util.Map;

/**
 * A node's execution data, from {@code get_task_node_data} (bamboo_engine's
 * {@code get_execution_data}: inputs, outputs, and the failure details bk-sops splits out of the
 * outputs).
 *
 * @param inputs the node's inputs
 * @param outputs the node's outputs by key (bk-sops sends a table of {@code {key, value, preset}}; this is its key → value)
 * @param exData the failure details, or an empty string
 */
public record NodeExecution(Map<String, Object> inputs, Map<String, Object> outputs, String exData) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param inputs the node's inputs
   * @param outputs the node's outputs by key (bk-sops sends a table of {@code {key, value, preset}}; this is its key → value)
   * @param exData the failure details, or an empty string
   */
  public NodeExecution {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    exData = exData == null ? "" : exData;
  }
}
