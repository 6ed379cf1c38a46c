package io.flowport.rest.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.spi.JsonValues;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.bksops.BkSopsStates;
import io.flowport.rest.bksops.NodeDetail;
import io.flowport.rest.bksops.NodeExecution;
import io.flowport.rest.bksops.NodeRun;
import io.flowport.rest.bksops.TaskState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads bk-sops' JSON into the adapter's and the unified types. */
final class BkSopsJson {
  /** bk-sops' {@code format_datetime}: {@code %Y-%m-%d %H:%M:%S %z}. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

  private BkSopsJson() {}

  /** A state tree node of get_task_status or get_task_node_detail. */
  static TaskState taskState(JsonNode n) {
    Map<String, TaskState> children = new LinkedHashMap<>();
    JsonNode c = n.get("children");
    if (c != null && c.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = c.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isObject()) {
          children.put(e.getKey(), taskState(e.getValue()));
        }
      }
    }
    JsonNode ignored = n.has("error_ignored") ? n.get("error_ignored") : n.get("error_ignorable");
    return new TaskState(
        text(n, "id"),
        text(n, "name"),
        text(n, "state"),
        n.path("loop").asInt(1),
        n.path("retry").asInt(0),
        n.path("skip").asBoolean(false), // the not-started shape sends skip: 0
        ignored != null && ignored.asBoolean(false),
        text(n, "version"),
        text(n, "start_time"),
        text(n, "finish_time"),
        n.path("elapsed_time").asLong(0),
        children,
        map(n.get("ex_data")));
  }

  /** get_task_node_detail's data: the node's state with its histories. */
  static NodeDetail nodeDetail(JsonNode data) {
    List<NodeRun> runs = new ArrayList<>();
    JsonNode h = data.get("histories");
    if (h != null && h.isArray()) {
      for (JsonNode e : h) {
        runs.add(new NodeRun(
            e.path("history_id").asLong(e.path("id").asLong(0)),
            e.hasNonNull("state") ? e.get("state").asText() : "FAILED",
            e.path("loop").asInt(1),
            e.path("skip").asBoolean(false),
            text(e, "version"),
            text(e, "start_time"),
            text(e, "finish_time"),
            map(e.get("inputs")),
            map(e.get("outputs")),
            text(e, "ex_data")));
      }
    }
    return new NodeDetail(taskState(data), runs);
  }

  /** get_task_node_data's data: inputs, the outputs table, ex_data. */
  static NodeExecution nodeExecution(JsonNode data) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    JsonNode o = data.get("outputs");
    if (o != null && o.isArray()) {
      for (JsonNode row : o) {
        if (row.hasNonNull("key")) {
          outputs.put(row.get("key").asText(), value(row.get("value")));
        }
      }
    } else if (o != null && o.isObject()) {
      outputs.putAll(map(o));
    }
    return new NodeExecution(map(data.get("inputs")), outputs, text(data, "ex_data"));
  }

  /** The unified tree: the root takes the task id, so {@code tree(id).id()} is the instance id. */
  static Node node(TaskState s, String idOverride) {
    List<Node> children = new ArrayList<>();
    for (TaskState child : s.children().values()) {
      children.add(node(child, null));
    }
    String id = idOverride != null ? idOverride : s.id();
    return new Node(id, s.name(), null, BkSopsStates.nodeState(s.state()), s.state(), s.retry(), s.loop(), s.skip(),
        s.version(), time(s.startTime()), time(s.finishTime()), children);
  }

  static NodeData nodeData(NodeExecution e) {
    return new NodeData(e.inputs(), e.outputs(), e.exData().isEmpty() ? null : e.exData());
  }

  static NodeHistory history(NodeRun r) {
    return new NodeHistory(BkSopsStates.nodeState(r.state()), r.loop(), 0, r.skip(), time(r.startTime()),
        time(r.finishTime()), r.inputs(), r.outputs());
  }

  /** The task's constants ({@code ${name}: {value: ..}} in get_task_detail) as plain variables. */
  static Map<String, Object> constants(JsonNode data) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode c = data.get("constants");
    if (c == null || !c.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = c.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(unwrapKey(e.getKey()), value(v != null && v.isObject() && v.has("value") ? v.get("value") : v));
    }
    return out;
  }

  /** A field as text; null when absent, null or empty. */
  static String text(JsonNode node, String field) {
    String s = ResponseBodies.text(node, field);
    return s == null || s.isEmpty() ? null : s;
  }

  /** {@code ${name}} → {@code name}. */
  static String unwrapKey(String key) {
    return key.startsWith("${") && key.endsWith("}") ? key.substring(2, key.length() - 1) : key;
  }

  /** bk-sops' time text as an instant; null for none or a format it does not use. */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, Object> map(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JsonValues.MAPPER.convertValue(n, LinkedHashMap.class);
    return m;
  }

  private static Object value(JsonNode n) {
    return n == null || n.isNull() ? null : JsonValues.MAPPER.convertValue(n, Object.class);
  }
}
