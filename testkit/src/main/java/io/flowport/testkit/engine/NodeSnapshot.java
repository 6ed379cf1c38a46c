package io.flowport.testkit.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One node of an instance's state tree (bamboo's {@code get_pipeline_states}). The root is the
 * instance itself (type {@link NodeType#PROCESS}, id = instance id); its children are the nodes
 * the instance has reached, in first-reached order; a subprocess node has its own children.
 *
 * @param id node id (BPMN element id; instance id for the root)
 * @param name element name (the id when it has none)
 * @param type node type
 * @param state node state
 * @param retry times retried
 * @param loop times entered (starts at 1)
 * @param skip whether it was skipped
 * @param version state version; changes on every state change (used by callbacks)
 * @param startTime engine-clock time it last started running, or null
 * @param finishTime engine-clock time it last archived (finished / failed / revoked), or null
 * @param children child nodes (root and subprocesses only)
 */
public record NodeSnapshot(
    String id,
    String name,
    NodeType type,
    NodeStatus state,
    int retry,
    int loop,
    boolean skip,
    String version,
    Instant startTime,
    Instant finishTime,
    List<NodeSnapshot> children) {

  /**
   * Finds a node by id in this subtree (this node included).
   *
   * @param nodeId the node's id in the instance
   * @return the find
   */
  public Optional<NodeSnapshot> find(String nodeId) {
    if (id.equals(nodeId)) {
      return Optional.of(this);
    }
    for (NodeSnapshot child : children) {
      Optional<NodeSnapshot> found = child.find(nodeId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
