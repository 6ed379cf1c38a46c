package io.flowport.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * One earlier run of a node, recorded when it was retried or looped.
 *
 * @param state the state that run ended in
 * @param loop the loop counter during that run
 * @param retry the retry counter during that run
 * @param skipped whether that run was skipped
 * @param startTime when it started
 * @param finishTime when it ended
 * @param inputs its inputs
 * @param outputs its outputs
 */
public record NodeHistory(
    NodeState state,
    int loop,
    int retry,
    boolean skipped,
    Instant startTime,
    Instant finishTime,
    Map<String, Object> inputs,
    Map<String, Object> outputs) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param state the state that run ended in
   * @param loop the loop counter during that run
   * @param retry the retry counter during that run
   * @param skipped whether that run was skipped
   * @param startTime when it started
   * @param finishTime when it ended
   * @param inputs its inputs
   * @param outputs its outputs
   */
  public NodeHistory {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }
}
