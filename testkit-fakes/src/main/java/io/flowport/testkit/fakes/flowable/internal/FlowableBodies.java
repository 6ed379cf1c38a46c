package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableState.flowableId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.fakes.flowable.internal.FlowableState.DeploymentRec;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JSON bodies of Flowable 7.2.0's REST API (deployment, process definition, process instance,
 * execution, task, historic instance, identity link) and its list envelope; every link is absolute,
 * under the fake's base URL.
 */
final class FlowableBodies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** How Flowable 7.2.0's REST bodies write a timestamp: UTC, milliseconds, {@code Z}. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final FlowableState state;
  private final InMemoryEngine engine;
  private final Supplier<String> baseUrl;

  private final BinaryVariables binaries;

  FlowableBodies(FlowableState state, Supplier<String> baseUrl) {
    this.state = state;
    this.engine = state.engine;
    this.baseUrl = baseUrl;
    this.binaries = new BinaryVariables(baseUrl);
  }

  /** The binary variables, which instance bodies with variables list too. */
  BinaryVariables binaries() {
    return binaries;
  }

  static FakeResponse json(int status, JsonNode body) {
    return FakeResponse.json(status, body.toString());
  }

  static String first(Map<String, List<String>> query, String name, String fallback) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() || v.get(0).isEmpty() ? fallback : v.get(0);
  }

  static int intParam(Map<String, List<String>> query, String name, int fallback) {
    String v = first(query, name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw RestError.badRequest("Failed to convert value of type 'java.lang.String' to required type 'int';"
          + " For input string: \"" + v + "\"");
    }
  }

  /**
   * A path segment of a link as Flowable writes it: as it is. Flowable's RestUrlBuilder formats ids
   * and names into URLs without encoding them (a user {@code miss piggy} gives
   * {@code .../users/miss piggy/participant}; checked by it-flowable's differential test).
   */
  static String enc(String s) {
    return s;
  }

  ObjectNode deploymentBody(DeploymentRec d) {
    ObjectNode b = NODES.objectNode();
    b.put("id", d.id());
    b.put("name", d.name());
    b.put("deploymentTime", TIME.format(d.time()));
    b.put("category", d.category());
    b.put("parentDeploymentId", d.id());
    b.put("url", baseUrl.get() + "/repository/deployments/" + enc(d.id()));
    b.put("tenantId", d.tenantId());
    return b;
  }

  String definitionUrl(String flowableId) {
    return baseUrl.get() + "/repository/process-definitions/" + enc(flowableId);
  }

  ObjectNode definitionBody(DeployedModel d) {
    String id = flowableId(d);
    BpmnIndex.ProcessInfo info = state.index.get(d.key());
    ObjectNode b = NODES.objectNode();
    b.put("id", id);
    b.put("url", definitionUrl(id));
    b.put("key", d.processId());
    b.put("version", d.version());
    b.put("name", d.name());
    b.putNull("description");
    b.put("tenantId", d.tenantId());
    b.put("deploymentId", d.deploymentKey());
    b.put("deploymentUrl", baseUrl.get() + "/repository/deployments/" + enc(d.deploymentKey()));
    b.put("resource", baseUrl.get() + "/repository/deployments/" + enc(d.deploymentKey()) + "/resources/"
        + enc(d.resourceName()));
    b.putNull("diagramResource");
    b.put("category", info == null ? null : info.category());
    b.put("graphicalNotationDefined", false);
    b.put("suspended", false);
    b.put("startFormDefined", false);
    return b;
  }

  ObjectNode instanceBody(InstanceSnapshot s, boolean withVariables) {
    ObjectNode b = NODES.objectNode();
    putIdentity(b, s, "/runtime/process-instances/");
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.put("ended", s.isEnded());
    putDefinition(b, state.definitionOf(s));
    // The process instance's own execution never sits in an activity (Flowable 6+: child executions do).
    b.putNull("activityId");
    b.put("startUserId", state.startUsers.get(s.id()));
    b.put("startTime", TIME.format(s.startTime()));
    putScope(b, s, withVariables, "/runtime/process-instances/");
    b.put("completed", s.state() == InstanceStatus.COMPLETED);
    return b;
  }

  /**
   * An execution: the instance's own ({@code activityId} null, no parent) or, with an activity, the
   * child execution that waits there ({@link FlowableState#childExecutionId}).
   */
  ObjectNode executionBody(InstanceSnapshot s, String activityId) {
    String id = activityId == null ? s.id() : state.childExecutionId(s.id(), activityId);
    String executions = baseUrl.get() + "/runtime/executions/";
    ObjectNode b = NODES.objectNode();
    b.put("id", id);
    b.put("url", executions + enc(id));
    b.put("parentId", activityId == null ? null : s.id());
    b.put("parentUrl", activityId == null ? null : executions + enc(s.id()));
    b.putNull("superExecutionId");
    b.putNull("superExecutionUrl");
    b.put("processInstanceId", s.id());
    b.put("processInstanceUrl", baseUrl.get() + "/runtime/process-instances/" + enc(s.id()));
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.put("activityId", activityId);
    b.put("tenantId", s.tenantId());
    return b;
  }

  ObjectNode taskBody(JobSnapshot j) {
    InstanceSnapshot s = engine.get(j.instanceId());
    NodeSnapshot node = engine.tree(j.instanceId()).find(j.nodeId()).orElse(null);
    DeployedModel d = state.definitionOf(s);
    String defId = flowableId(d);
    ObjectNode b = NODES.objectNode();
    b.put("id", j.key());
    b.put("url", baseUrl.get() + "/runtime/tasks/" + enc(j.key()));
    b.putNull("owner");
    b.put("assignee", state.assignees.get(j.key()));
    b.putNull("delegationState");
    b.put("name", node == null ? j.nodeId() : node.name());
    b.putNull("description");
    Instant created = node == null || node.startTime() == null ? s.startTime() : node.startTime();
    b.put("createTime", TIME.format(created));
    b.putNull("dueDate");
    b.put("priority", 50);
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.putNull("claimTime");
    b.put("taskDefinitionKey", j.nodeId());
    b.putNull("scopeDefinitionId");
    b.putNull("scopeId");
    b.putNull("subScopeId");
    b.putNull("scopeType");
    b.putNull("propagatedStageInstanceId");
    b.put("tenantId", s.tenantId());
    b.putNull("category");
    b.putNull("formKey");
    b.putNull("parentTaskId");
    b.putNull("parentTaskUrl");
    String execution = state.childExecutionId(s.id(), j.nodeId());
    b.put("executionId", execution);
    b.put("executionUrl", baseUrl.get() + "/runtime/executions/" + enc(execution));
    b.put("processInstanceId", s.id());
    b.put("processInstanceUrl", baseUrl.get() + "/runtime/process-instances/" + enc(s.id()));
    b.put("processDefinitionId", defId);
    b.put("processDefinitionUrl", definitionUrl(defId));
    b.set("variables", NODES.arrayNode());
    return b;
  }

  /** The fields the runtime and the historic instance bodies begin alike with. */
  private void putIdentity(ObjectNode b, InstanceSnapshot s, String collection) {
    b.put("id", s.id());
    b.put("url", baseUrl.get() + collection + enc(s.id()));
    b.putNull("name");
    b.put("businessKey", s.businessKey());
    b.putNull("businessStatus");
  }

  /** The instance's process definition, as both instance bodies name it. */
  private void putDefinition(ObjectNode b, DeployedModel d) {
    String defId = flowableId(d);
    b.put("processDefinitionId", defId);
    b.put("processDefinitionUrl", definitionUrl(defId));
    b.put("processDefinitionName", d.name());
    b.putNull("processDefinitionDescription");
  }

  /** The fields the runtime and the historic instance bodies end alike with, in Flowable's order. */
  private void putScope(ObjectNode b, InstanceSnapshot s, boolean withVariables, String collection) {
    b.putNull("superProcessInstanceId");
    ArrayNode variables = withVariables ? FlowableVariables.writeAll(state.visibleVariables(s)) : NODES.arrayNode();
    if (withVariables) {
      binaries.appendTo(variables, collection, s.id());
    }
    b.set("variables", variables);
    b.putNull("callbackId");
    b.putNull("callbackType");
    b.putNull("referenceId");
    b.putNull("referenceType");
    b.putNull("propagatedStageInstanceId");
    b.put("tenantId", s.tenantId());
  }

  ObjectNode historyBody(InstanceSnapshot s, boolean withVariables) {
    ObjectNode b = NODES.objectNode();
    putIdentity(b, s, "/history/historic-process-instances/");
    putDefinition(b, state.definitionOf(s));
    b.put("startTime", TIME.format(s.startTime()));
    Instant end = s.isEnded() ? (s.endTime() == null ? s.startTime() : s.endTime()) : null;
    b.put("endTime", end == null ? null : TIME.format(end));
    if (end == null) {
      b.putNull("durationInMillis");
    } else {
      b.put("durationInMillis", Duration.between(s.startTime(), end).toMillis());
    }
    b.put("startUserId", state.startUsers.get(s.id()));
    b.put("startActivityId", s.passedNodeIds().isEmpty() ? null : s.passedNodeIds().get(0));
    b.put("endActivityId", s.state() == InstanceStatus.COMPLETED && !s.passedNodeIds().isEmpty()
        ? s.passedNodeIds().get(s.passedNodeIds().size() - 1) : null);
    b.put("deleteReason", s.state() == InstanceStatus.CANCELLED
        ? state.deleteReasons.getOrDefault(s.id(), FlowableState.DEFAULT_DELETE_REASON) : null);
    putScope(b, s, withVariables, "/history/historic-process-instances/");
    return b;
  }

  /** A historic variable instance: process-level ({@code scope} "global"), the instance as its execution. */
  ObjectNode historicVariableBody(InstanceSnapshot s, String name, Object value) {
    ObjectNode b = NODES.objectNode();
    b.put("id", s.id() + ".var." + name);
    b.put("processInstanceId", s.id());
    b.put("processInstanceUrl", baseUrl.get() + "/history/historic-process-instances/" + enc(s.id()));
    b.putNull("taskId");
    b.put("executionId", s.id());
    ObjectNode variable = FlowableVariables.write(name, value);
    variable.put("scope", "global");
    b.set("variable", variable);
    return b;
  }

  ObjectNode identityLinkBody(String instanceId, String[] link) {
    ObjectNode b = NODES.objectNode();
    b.put("url", baseUrl.get() + "/runtime/process-instances/" + enc(instanceId) + "/identitylinks/users/"
        + enc(link[0]) + "/" + enc(link[1]));
    b.put("user", link[0]);
    b.putNull("group");
    b.put("type", link[1]);
    return b;
  }

  /** Flowable's list envelope; {@code start}, {@code size}, {@code sort}, {@code order} from the query. */
  static <T> ObjectNode page(Map<String, List<String>> query, List<T> items,
      Map<String, Comparator<T>> sorts, String defaultSort, Function<T, ObjectNode> body) {
    String sort = first(query, "sort", defaultSort);
    String order = first(query, "order", "asc");
    Comparator<T> cmp = sorts.get(sort);
    if (cmp == null) {
      throw RestError.badRequest("Value for param 'sort' is not valid, '" + sort + "' is not a valid property");
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw RestError.badRequest("Value for param 'order' is not valid : '" + order + "', must be 'asc' or 'desc'");
    }
    int start = Math.max(0, intParam(query, "start", 0));
    int size = Math.max(0, intParam(query, "size", 10));
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(order.equals("desc") ? cmp.reversed() : cmp);
    ArrayNode data = NODES.arrayNode();
    for (int i = start; i < sorted.size() && i < (long) start + size; i++) {
      data.add(body.apply(sorted.get(i)));
    }
    ObjectNode envelope = NODES.objectNode();
    envelope.set("data", data);
    envelope.put("total", sorted.size());
    envelope.put("start", start);
    envelope.put("sort", sort);
    envelope.put("order", order);
    envelope.put("size", data.size());
    return envelope;
  }
}
