package io.flowport.rest.bksops;

import java.util.List;

/**
 * What {@code get_task_node_detail} says about one node: its state (bamboo_engine's
 * {@code get_children_states} of the node) and its earlier runs of the asked loop.
 *
 * @param state the node's state, with its children for a subprocess; READY with no version for a
 *     node the task has not reached yet
 * @param histories earlier runs (only retried, skipped or re-entered nodes have any), oldest first
 */
public record NodeDetail(TaskState state, List<NodeRun> histories) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param state the node's state, with its children for a subprocess; READY with no version for a
   *     node the task has not reached yet
   * @param histories earlier runs (only retried, skipped or re-entered nodes have any), oldest first
   */
  public NodeDetail {
    histories = histories == null ? List.of() : List.copyOf(histories);
  }
}
