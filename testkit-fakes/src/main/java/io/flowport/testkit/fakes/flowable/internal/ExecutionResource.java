package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;
import static io.flowport.testkit.fakes.flowable.internal.FlowableState.flowableId;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowable's {@code runtime/executions}: the process instance execution stands for all of an
 * instance's executions; message subscriptions, {@code messageEventReceived} and {@code trigger}.
 */
final class ExecutionResource {
  private final InMemoryEngine engine;
  private final FlowableState state;
  private final FlowableBodies bodies;

  ExecutionResource(FlowableState state, FlowableBodies bodies) {
    this.engine = state.engine;
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.executionBody(state.execution(id), state.executionActivity(id)));
  }

  /** Message names the instance's RUNNING catch nodes wait for: node id → message name. */
  Map<String, String> waitingMessages(InstanceSnapshot s) {
    Map<String, String> out = new LinkedHashMap<>();
    BpmnIndex.ProcessInfo info = state.index.get(s.definitionKey());
    if (info == null) {
      return out;
    }
    collectWaiting(engine.tree(s.id()).children(), info, out);
    return out;
  }

  static void collectWaiting(List<NodeSnapshot> nodes, BpmnIndex.ProcessInfo info, Map<String, String> out) {
    for (NodeSnapshot n : nodes) {
      if ((n.type() == NodeType.RECEIVE_TASK || n.type() == NodeType.MESSAGE_CATCH_EVENT)
          && (n.state() == NodeStatus.RUNNING || n.state() == NodeStatus.SUSPENDED)
          && info.messageByNode().containsKey(n.id())) {
        out.put(n.id(), info.messageByNode().get(n.id()));
      }
      collectWaiting(n.children(), info, out);
    }
  }

  FakeResponse listExecutions(FakeRequest req) {
    String id = req.queryParam("id");
    String instanceId = req.queryParam("processInstanceId");
    String businessKey = req.queryParam("processInstanceBusinessKey");
    String definitionKey = req.queryParam("processDefinitionKey");
    String definitionId = req.queryParam("processDefinitionId");
    String tenantId = req.queryParam("tenantId");
    String activityId = req.queryParam("activityId");
    String message = req.queryParam("messageEventSubscriptionName");
    List<Map.Entry<InstanceSnapshot, String>> items = new ArrayList<>();
    for (InstanceSnapshot s : state.runtimeInstances()) {
      if ((id != null && !id.equals(s.id())) || (instanceId != null && !instanceId.equals(s.id()))
          || (businessKey != null && !businessKey.equals(s.businessKey()))
          || (definitionKey != null && !definitionKey.equals(s.processId()))
          || (definitionId != null && !definitionId.equals(flowableId(state.definitionOf(s))))
          || (tenantId != null && !tenantId.equals(s.tenantId()))) {
        continue;
      }
      String activity = null;
      if (message != null) {
        activity = waitingMessages(s).entrySet().stream().filter(e -> e.getValue().equals(message))
            .map(Map.Entry::getKey).findFirst().orElse(null);
        if (activity == null) {
          continue;
        }
      }
      if (activityId != null) {
        if (!s.activeNodeIds().contains(activityId)) {
          continue;
        }
        activity = activityId;
      }
      if (activity != null) {
        items.add(Map.entry(s, activity));
      } else if (id == null || id.equals(s.id())) { // the instance's own execution, then one per active activity
        items.add(Map.entry(s, ""));
        for (String node : id == null ? s.activeNodeIds() : List.<String>of()) {
          items.add(Map.entry(s, node));
        }
      }
    }
    Map<String, Comparator<Map.Entry<InstanceSnapshot, String>>> sorts = new LinkedHashMap<>();
    sorts.put("processInstanceId", Comparator.comparing(e -> e.getKey().id()));
    sorts.put("processDefinitionKey", Comparator.comparing(e -> e.getKey().processId()));
    sorts.put("processDefinitionId", Comparator.comparing(e -> flowableId(state.definitionOf(e.getKey()))));
    sorts.put("tenantId", Comparator.comparing(e -> e.getKey().tenantId()));
    return json(200, bodies.page(req.query(), items, sorts, "processInstanceId",
        e -> bodies.executionBody(e.getKey(), e.getValue().isEmpty() ? null : e.getValue())));
  }

  /**
   * {@code POST runtime/signals}: the in-memory engine has no signal events, so a signal reaches no
   * one, which Flowable answers 204 too (202 when {@code async}).
   */
  FakeResponse signal(FakeRequest req) {
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.SignalEventReceivedRequest");
    if (text(body, "signalName") == null) {
      throw RestError.badRequest("signalName is required");
    }
    FlowableVariables.read(body.get("variables"), false);
    JsonNode async = body.get("async");
    return FakeResponse.empty(async != null && async.asBoolean(false) ? 202 : 204);
  }

  FakeResponse executionAction(FakeRequest req, String id) {
    InstanceSnapshot s = state.execution(id);
    String instanceId = s.id();
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ExecutionActionRequest");
    String action = text(body, "action");
    Map<String, Object> vars = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false);
    switch (action == null ? "" : action) {
      case "messageEventReceived" -> {
        String messageName = text(body, "messageName");
        if (messageName == null) {
          throw RestError.badRequest("MessageName is required");
        }
        try {
          engine.messageEventReceived(instanceId, messageName, vars);
        } catch (EngineException e) {
          if (e.reason() == EngineException.Reason.ILLEGAL_STATE) {
            throw RestError.internal("Execution with id '" + id
                + "' does not have a subscription to a message event with name '" + messageName + "'");
          }
          throw e;
        }
        state.unhide(instanceId, vars.keySet());
        return FakeResponse.empty(204);
      }
      case "signal", "trigger" -> {
        NodeSnapshot waiting = engine.tree(instanceId).children().stream()
            .filter(n -> n.type() == NodeType.RECEIVE_TASK && n.state() == NodeStatus.RUNNING).findFirst()
            .orElseThrow(() -> RestError.internal("Execution '" + id + "' is not waiting in a receive task"));
        engine.callback(instanceId, waiting.id(), vars, waiting.version());
        state.unhide(instanceId, vars.keySet());
        return FakeResponse.empty(204);
      }
      case "signalEventReceived" -> throw RestError.internal(
          "FakeFlowableServer does not support signal events (action 'signalEventReceived')");
      default -> throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
  }
}
