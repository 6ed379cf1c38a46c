package io.flowport.testkit.fakes.bksops.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes bamboo_engine's state tree as the public API shows it: {@code get_pipeline_states} fields
 * ({@code "root_id:"} with its colon included), times as {@code format_datetime} writes them, and
 * the legacy formatter's rule on every pipeline: RUNNING with a FAILED child → FAILED, RUNNING with
 * a SUSPENDED / NODE_SUSPENDED child → NODE_SUSPENDED; SUSPENDED stays SUSPENDED.
 */
final class StatusTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(ZoneOffset.UTC);

  private StatusTree() {}

  /**
   * The tree of a started task.
   *
   * @param root the engine's tree (root = the instance)
   * @param rootState the root pipeline's bamboo state
   * @param task the task (names, subprocesses the fake paused)
   * @param now the engine clock, for elapsed times of nodes still running
   */
  static ObjectNode of(NodeSnapshot root, NodeStatus rootState, FakeTask task, Instant now) {
    ObjectNode tree = node(root, root.id(), root.id(), rootState.name(), task, now);
    fold(tree);
    return tree;
  }

  /** One node (and its subtree) without the root rule: get_task_node_detail's shape. */
  static ObjectNode node(NodeSnapshot n, String rootId, String parentId, String state, FakeTask task, Instant now) {
    ObjectNode o = NODES.objectNode();
    o.put("id", n.id());
    o.put("state", state);
    o.put("root_id:", rootId); // sic: bamboo writes the key with its colon
    o.put("parent_id", parentId);
    o.put("version", n.version());
    o.put("loop", n.loop());
    o.put("retry", n.retry());
    o.put("skip", n.skip());
    o.put("error_ignorable", false);
    o.put("error_ignored", false);
    ObjectNode children = o.putObject("children");
    for (NodeSnapshot c : n.children()) {
      String childState = task.pausedSubprocesses.containsKey(c.id()) ? NodeStatus.SUSPENDED.name() : c.state().name();
      children.set(c.id(), node(c, rootId, n.id(), childState, task, now));
    }
    times(o, n.startTime(), n.finishTime(), now);
    o.put("name", n.name());
    return o;
  }

  /** One history entry of get_task_node_detail. */
  static ObjectNode history(NodeAttempt a) {
    ObjectNode o = NODES.objectNode();
    o.put("id", a.id());
    o.put("history_id", a.id());
    o.put("node_id", a.nodeId());
    o.put("loop", a.loop());
    o.put("skip", a.skip());
    o.put("version", a.version());
    o.put("state", a.state().name());
    o.set("inputs", io.flowport.core.spi.JsonValues.MAPPER.valueToTree(a.inputs()));
    o.set("outputs", io.flowport.core.spi.JsonValues.MAPPER.valueToTree(a.outputs()));
    o.put("ex_data", a.errorMessage() == null ? "" : a.errorMessage());
    times(o, a.startTime(), a.finishTime(), a.finishTime());
    return o;
  }

  /** The not-started shape: no id, no version, skip as 0. */
  static ObjectNode created(String name) {
    ObjectNode o = NODES.objectNode();
    o.putNull("start_time");
    o.put("state", "CREATED");
    o.put("retry", 0);
    o.put("skip", 0);
    o.putNull("finish_time");
    o.put("elapsed_time", 0);
    o.putObject("children");
    o.put("name", name);
    return o;
  }

  static String time(Instant t) {
    return TIME.format(t);
  }

  private static void times(ObjectNode o, Instant start, Instant finish, Instant now) {
    o.put("elapsed_time", start == null ? 0 : Duration.between(start, finish != null ? finish : now).toSeconds());
    if (start == null) {
      o.putNull("start_time");
    } else {
      o.put("start_time", time(start));
    }
    if (finish == null) {
      o.putNull("finish_time");
    } else {
      o.put("finish_time", time(finish));
    }
  }

  /** format_bamboo_engine_status_legacy: children first, then this node. */
  private static void fold(ObjectNode node) {
    boolean failed = false;
    boolean suspended = false;
    var children = node.get("children");
    for (var it = children.elements(); it.hasNext(); ) {
      ObjectNode child = (ObjectNode) it.next();
      fold(child);
      String s = child.get("state").asText();
      failed |= s.equals("FAILED");
      suspended |= s.equals("SUSPENDED") || s.equals("NODE_SUSPENDED");
    }
    if (node.get("state").asText().equals("RUNNING")) {
      if (failed) {
        node.put("state", "FAILED");
      } else if (suspended) {
        node.put("state", "NODE_SUSPENDED");
      }
    }
  }
}
