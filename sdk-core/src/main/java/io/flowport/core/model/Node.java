package io.flowport.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One node of an instance's state tree (bamboo's vocabulary: activity, gateway, subprocess, or
 * the root pipeline).
 *
 * @param id the node id
 * @param name the display name, or null
 * @param type the node type as the engine names it (e.g. ServiceActivity, ExclusiveGateway)
 * @param state the unified state
 * @param rawState the engine's own state string
 * @param retry how many times the node was retried
 * @param loop the loop counter
 * @param skipped whether it was skipped
 * @param version the state version a callback must quote, or null
 * @param startTime when it started, or null
 * @param finishTime when it finished, or null
 * @param children child nodes (for the root and subprocesses), never null
 */
public record Node(
    String id,
    String name,
    String type,
    NodeState state,
    String rawState,
    int retry,
    int loop,
    boolean skipped,
    String version,
    Instant startTime,
    Instant finishTime,
    List<Node> children) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the node id
   * @param name the display name, or null
   * @param type the node type as the engine names it (e.g. ServiceActivity, ExclusiveGateway)
   * @param state the unified state
   * @param rawState the engine's own state string
   * @param retry how many times the node was retried
   * @param loop the loop counter
   * @param skipped whether it was skipped
   * @param version the state version a callback must quote, or null
   * @param startTime when it started, or null
   * @param finishTime when it finished, or null
   * @param children child nodes (for the root and subprocesses), never null
   */
  public Node {
    children = children == null ? List.of() : List.copyOf(children);
  }

  /**
   * {@return this node or a descendant with {@code nodeId}, or null}
   *
   * @param nodeId the node's id in the instance
   */
  public Node find(String nodeId) {
    if (id.equals(nodeId)) {
      return this;
    }
    for (Node child : children) {
      Node found = child.find(nodeId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
