package io.flowport.core.model;

import java.util.Map;

/**
 * A node's execution data.
 *
 * @param inputs the inputs of its last run
 * @param outputs the outputs of its last run
 * @param errorMessage the error of its last run, or null
 */
public record NodeData(Map<String, Object> inputs, Map<String, Object> outputs, String errorMessage) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param inputs the inputs of its last run
   * @param outputs the outputs of its last run
   * @param errorMessage the error of its last run, or null
   */
  public NodeData {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }
}
