package io.flowport.rest.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeState;
import io.flowport.core.spi.JsonValues;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.obs.ObsExecution;
import io.flowport.rest.obs.ObsExecutionPage;
import io.flowport.rest.obs.ObsRestoreResult;
import io.flowport.rest.obs.ObsStartResult;
import io.flowport.rest.obs.ObsStates;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OBS's JSON answers as Flowport types; readers throw on a shape that is not OBS's (the transport reports it). */
public final class ObsJson {
  private ObsJson() {}

  public static ObsStartResult startResult(JsonNode body, String requestId) {
    requireObject(body);
    return new ObsStartResult(required(body, "execution_urn"), required(body, "execution_name"),
        time(ResponseBodies.text(body, "started_at")), requestId);
  }

  public static ObsRestoreResult restoreResult(JsonNode body, String requestId) {
    requireObject(body);
    return new ObsRestoreResult(ResponseBodies.text(body, "execution_urn"), required(body, "execution_name"),
        time(ResponseBodies.text(body, "restored_at")), requestId);
  }

  /** The {@code execution_info} of a get answer. */
  public static ObsExecution execution(JsonNode body, String graphName) {
    requireObject(body);
    JsonNode info = body.get("execution_info");
    if (info == null || !info.isObject()) {
      throw new IllegalStateException("no execution_info object");
    }
    Map<String, String> states = new LinkedHashMap<>();
    JsonNode map = info.get("state_map");
    if (map != null && map.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        states.put(e.getKey(), ResponseBodies.text(e.getValue(), "status"));
      }
    }
    JsonNode input = info.get("input");
    String inputText = input == null || input.isNull() ? null : input.isTextual() ? input.asText() : input.toString();
    return item(info, graphName, inputText, states);
  }

  /** A list answer. */
  public static ObsExecutionPage page(JsonNode body, String graphName) {
    requireObject(body);
    List<ObsExecution> items = new ArrayList<>();
    JsonNode list = body.get("executions");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalStateException("executions is not an array");
      }
      for (JsonNode e : list) {
        requireObject(e);
        items.add(item(e, graphName, null, Map.of()));
      }
    }
    boolean truncated = body.path("is_truncated").asBoolean(false);
    String marker = ResponseBodies.text(body, "next_marker");
    return new ObsExecutionPage(items, truncated, truncated ? marker : null);
  }

  private static ObsExecution item(JsonNode e, String graphName, String input, Map<String, String> states) {
    return new ObsExecution(ResponseBodies.text(e, "execution_urn"), ResponseBodies.text(e, "graph_urn"), graphName,
        required(e, "execution_name"), ResponseBodies.text(e, "execution_state"), ResponseBodies.text(e, "execution_type"),
        time(ResponseBodies.text(e, "started_at")), time(ResponseBodies.text(e, "stopped_at")), input, states);
  }

  /** The unified instance of an execution; its variables are the inputs when they are a JSON object. */
  public static Instance instance(ObsExecution e) {
    InstanceState state = e.state();
    return Instance.builder()
        .id(ObsIds.instanceId(e.graphName(), e.executionName()))
        .definitionId(e.graphName())
        .definitionKey(e.graphUrn())
        .state(state)
        .rawStatus(e.executionState())
        .startTime(e.startedAt())
        .endTime(state.isTerminal() ? e.stoppedAt() : null)
        .variables(inputs(e.input()))
        .build();
  }

  /** The inputs an execution was started with (its {@code input}, a string holding JSON); empty when none. */
  public static Map<String, Object> inputs(String input) {
    if (input == null || input.isBlank()) {
      return Map.of();
    }
    JsonNode node = ResponseBodies.parseJson(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = JsonValues.MAPPER.convertValue(node, Map.class);
    return values;
  }

  /** The node tree of an execution: the execution, with one child per state of its state map. */
  public static Node tree(ObsExecution e) {
    List<Node> children = new ArrayList<>();
    e.stateMap().forEach((name, status) -> children.add(
        new Node(name, name, "state", ObsStates.node(status), status, 0, 1, false, null, null, null, List.of())));
    NodeState rootState = switch (e.state()) {
      case RUNNING -> NodeState.RUNNING;
      case COMPLETED -> NodeState.FINISHED;
      case FAILED -> NodeState.FAILED;
      default -> NodeState.UNKNOWN;
    };
    return new Node(ObsIds.instanceId(e.graphName(), e.executionName()), e.executionName(), "execution", rootState,
        e.executionState(), 0, 1, false, null, e.startedAt(), e.state().isTerminal() ? e.stoppedAt() : null, children);
  }

  private static void requireObject(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalStateException("not a JSON object");
    }
  }

  private static String required(JsonNode node, String field) {
    String v = ResponseBodies.text(node, field);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("no " + field);
    }
    return v;
  }

  /** An ISO-8601 time; null for none or one that cannot be read (a time is informative, not essential). */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
