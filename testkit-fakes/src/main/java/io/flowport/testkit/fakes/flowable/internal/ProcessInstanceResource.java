package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.like;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;
import static io.flowport.testkit.fakes.flowable.internal.FlowableState.flowableId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Flowable's {@code runtime/process-instances} and {@code query/process-instances}: start by key,
 * id or message, list and query with variable filters, get, suspend / activate, delete.
 */
final class ProcessInstanceResource {
  private final InMemoryEngine engine;
  private final FlowableState state;
  private final FlowableBodies bodies;

  ProcessInstanceResource(FlowableState state, FlowableBodies bodies) {
    this.engine = state.engine;
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.instanceBody(state.runtimeInstance(id), false));
  }

  FakeResponse start(FakeRequest req) {
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceCreateRequest");
    String definitionId = text(body, "processDefinitionId");
    String key = text(body, "processDefinitionKey");
    String message = text(body, "message");
    int given = (definitionId != null ? 1 : 0) + (key != null ? 1 : 0) + (message != null ? 1 : 0);
    if (given == 0) {
      throw RestError.badRequest("Either processDefinitionId, processDefinitionKey or message is required.");
    }
    if (given > 1) {
      throw RestError.badRequest("Only one of processDefinitionId, processDefinitionKey or message should be set.");
    }
    String tenantId = text(body, "tenantId");
    Map<String, Object> variables = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false); // checked, then not kept (see FakeFlowableServer)
    StartCommand cmd;
    if (definitionId != null) {
      DeployedModel d = state.definitionById(definitionId, false);
      cmd = StartCommand.definitionKey(d.key()).withTenantId(d.tenantId());
    } else if (key != null) {
      DeployedModel d = state.latest(key, tenantId).orElseThrow(() -> RestError.badRequest(tenantId == null
          ? "No process definition found for key '" + key + "'"
          : "no processes deployed with key '" + key + "' for tenant identifier '" + tenantId + "'"));
      cmd = StartCommand.definitionKey(d.key()).withTenantId(d.tenantId());
    } else {
      cmd = StartCommand.message(message).withTenantId(tenantId);
    }
    cmd = cmd.withVariables(variables).withBusinessKey(text(body, "businessKey"));
    InstanceSnapshot s;
    try {
      s = engine.start(cmd);
    } catch (EngineException e) {
      switch (e.reason()) {
        case DEFINITION_NOT_FOUND -> throw RestError.badRequest(
            "Cannot start process instance by message: no subscription to message with name '" + message + "' found.");
        case NO_START_EVENT -> throw RestError.internal(e.getMessage());
        default -> throw e;
      }
    }
    if (state.user != null) {
      state.startUsers.put(s.id(), state.user);
      state.identityLinks.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new String[] {state.user, "starter"});
    }
    // Flowable 7.2.0 answers the instance's variables whether or not returnVariables is set.
    return json(201, bodies.instanceBody(s, true));
  }

  FakeResponse listInstances(FakeRequest req) {
    Map<String, String> filter = new LinkedHashMap<>();
    req.query().forEach((k, v) -> filter.put(k, v.get(0)));
    return json(200, instancePage(filter, req.query(), Map.of()));
  }

  FakeResponse queryInstances(FakeRequest req) {
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceQueryRequest");
    Map<String, String> filter = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        filter.put(e.getKey(), e.getValue().asText());
      }
    }
    if (filter.containsKey("processBusinessKey")) {
      filter.put("businessKey", filter.get("processBusinessKey"));
    }
    if (filter.containsKey("processInstanceId")) {
      filter.put("id", filter.get("processInstanceId"));
    }
    Map<String, List<String>> paging = new LinkedHashMap<>();
    for (String p : List.of("start", "size", "sort", "order")) {
      String v = filter.containsKey(p) ? filter.get(p) : req.queryParam(p);
      if (v != null) {
        paging.put(p, List.of(v));
      }
    }
    Map<String, JsonNode> variableFilters = new LinkedHashMap<>();
    JsonNode vars = body.get("variables");
    if (vars != null && vars.isArray()) {
      int i = 0;
      for (JsonNode v : vars) {
        variableFilters.put(Integer.toString(i++), v);
      }
    }
    return json(200, instancePage(filter, paging, variableFilters));
  }

  ObjectNode instancePage(Map<String, String> f, Map<String, List<String>> paging, Map<String, JsonNode> varFilters) {
    List<InstanceSnapshot> items = new ArrayList<>(state.runtimeInstances());
    List<Predicate<InstanceSnapshot>> tests = new ArrayList<>();
    if (f.get("id") != null) {
      tests.add(s -> s.id().equals(f.get("id")));
    }
    if (f.get("processDefinitionKey") != null) {
      tests.add(s -> s.processId().equals(f.get("processDefinitionKey")));
    }
    if (f.get("processDefinitionId") != null) {
      tests.add(s -> flowableId(state.definitionOf(s)).equals(f.get("processDefinitionId")));
    }
    if (f.get("businessKey") != null) {
      tests.add(s -> f.get("businessKey").equals(s.businessKey()));
    }
    if (f.get("businessKeyLike") != null) {
      tests.add(s -> s.businessKey() != null && like(s.businessKey(), f.get("businessKeyLike")));
    }
    if (f.get("tenantId") != null) {
      tests.add(s -> f.get("tenantId").equals(s.tenantId()));
    }
    if (f.get("tenantIdLike") != null) {
      tests.add(s -> like(s.tenantId(), f.get("tenantIdLike")));
    }
    if ("true".equalsIgnoreCase(f.get("withoutTenantId"))) {
      tests.add(s -> s.tenantId() == null || s.tenantId().isEmpty());
    }
    if (f.get("suspended") != null) {
      boolean want = Boolean.parseBoolean(f.get("suspended"));
      tests.add(s -> (s.state() == InstanceStatus.SUSPENDED) == want);
    }
    if (f.get("startedBy") != null) {
      tests.add(s -> f.get("startedBy").equals(state.startUsers.get(s.id())));
    }
    for (JsonNode vf : varFilters.values()) {
      tests.add(s -> matchesVariable(state.visibleVariables(s), vf));
    }
    items.removeIf(s -> !tests.stream().allMatch(t -> t.test(s)));
    boolean withVars = "true".equalsIgnoreCase(f.get("includeProcessVariables"));
    Map<String, Comparator<InstanceSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(InstanceSnapshot::id));
    sorts.put("processDefinitionId", Comparator.comparing(s -> flowableId(state.definitionOf(s))));
    sorts.put("processDefinitionKey", Comparator.comparing(InstanceSnapshot::processId));
    sorts.put("tenantId", Comparator.comparing(InstanceSnapshot::tenantId));
    sorts.put("startTime", Comparator.comparing(InstanceSnapshot::startTime));
    return bodies.page(paging, items, sorts, "id", s -> bodies.instanceBody(s, withVars));
  }

  static boolean matchesVariable(Map<String, Object> vars, JsonNode filter) {
    String name = text(filter, "name");
    String op = Optional.ofNullable(text(filter, "operation")).orElse("equals");
    Object want = FlowableVariables.value(name == null ? "?" : name, text(filter, "type"), filter.get("value"));
    if (name == null) {
      return vars.values().stream().anyMatch(v -> Objects.equals(v, want)); // Flowable: any variable with that value
    }
    if (!vars.containsKey(name)) {
      return false;
    }
    Object have = vars.get(name);
    Integer cmp = FlowableVariables.compare(have, want);
    return switch (op) {
      case "equals" -> cmp != null ? cmp == 0 : Objects.equals(have, want);
      case "notEquals" -> cmp != null ? cmp != 0 : !Objects.equals(have, want);
      case "equalsIgnoreCase" -> have instanceof String h && want instanceof String w && h.equalsIgnoreCase(w);
      case "notEqualsIgnoreCase" -> have instanceof String h && want instanceof String w && !h.equalsIgnoreCase(w);
      case "lessThan" -> cmp != null && cmp < 0;
      case "greaterThan" -> cmp != null && cmp > 0;
      case "lessThanOrEquals" -> cmp != null && cmp <= 0;
      case "greaterThanOrEquals" -> cmp != null && cmp >= 0;
      case "like" -> have instanceof String h && want instanceof String w && like(h, w);
      default -> throw RestError.badRequest("Unsupported variable query operation: " + op);
    };
  }

  FakeResponse instanceAction(FakeRequest req, String id) {
    InstanceSnapshot s = state.runtimeInstance(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceActionRequest");
    String action = text(body, "action");
    if ("suspend".equals(action)) {
      if (s.state() == InstanceStatus.SUSPENDED) {
        throw RestError.conflict("Process instance with id '" + id + "' is already suspended.");
      }
      engine.suspend(id);
    } else if ("activate".equals(action)) {
      if (s.state() != InstanceStatus.SUSPENDED) {
        throw RestError.conflict("Process instance with id '" + id + "' is already active.");
      }
      engine.resume(id);
    } else {
      throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
    ObjectNode answer = bodies.instanceBody(engine.get(id), false);
    // Flowable 7.2.0 answers suspend / activate without the definition's name (the entity it returns lacks it).
    answer.putNull("processDefinitionName");
    return json(200, answer);
  }

  /** The fake renders no diagrams: every instance answers as one whose BPMN has no diagram interchange. */
  FakeResponse diagram(String id) {
    state.runtimeInstance(id);
    throw RestError.badRequest("Process instance with id '" + id + "' has no graphical notation defined.");
  }

  FakeResponse deleteInstance(FakeRequest req, String id) {
    state.runtimeInstance(id);
    String reason = req.queryParam("deleteReason");
    engine.cancel(id);
    state.deleteReasons.put(id, reason == null || reason.isEmpty() ? FlowableState.DEFAULT_DELETE_REASON : reason);
    return FakeResponse.empty(204);
  }
}
