package io.flowport.testkit.fakes.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.rest.Paging;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's OBS workflow service: templates, workflows (graphs), executions on the in-memory
 * engine, and trigger policies. Methods answer the JSON bodies OBS answers, or throw an
 * {@link ObsFakeError}. Thread-safe (one lock; the engine is thread-safe itself).
 */
public final class ObsWorkflowStore {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 1000;

  private final InMemoryEngine engine;
  private final String urnPrefix;
  private final String domain;
  private final Map<String, ObjectNode> templates = new LinkedHashMap<>();
  private final Map<String, Workflow> workflows = new LinkedHashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, JsonNode> triggerPolicies = new LinkedHashMap<>();
  private long executionCounter;

  private record Workflow(String graph, String template, List<ObsGraphs.State> states, ObjectNode view) {}

  private record Execution(String name, String graph, String instanceId, String type, String input) {}

  /** @param region, @param project and @param domain go into URNs as OBS writes them */
  public ObsWorkflowStore(InMemoryEngine engine, String region, String project, String domain) {
    this.engine = engine;
    this.urnPrefix = "urn:fgs:" + region + ":" + project + ":";
    this.domain = domain;
  }

  // ------------------------------------------------------------------ templates

  synchronized JsonNode createTemplate(String name, JsonNode body) {
    requireObject(body);
    if (templates.containsKey(name)) {
      throw ObsFakeError.json(409, "Workflow.TemplateExists", "template " + name + " already exists");
    }
    ObsGraphs.states(badRequestIfInvalid(body.get("states")));
    ObjectNode t = JSON.objectNode();
    t.put("template_name", name);
    t.set("description", body.path("description").isMissingNode() ? JSON.nullNode() : body.get("description"));
    t.set("states", body.get("states"));
    t.set("inputs", body.path("inputs").isMissingNode() ? JSON.nullNode() : body.get("inputs"));
    t.set("tags", body.path("tags").isMissingNode() ? JSON.nullNode() : body.get("tags"));
    t.put("created_at", now());
    templates.put(name, t);
    return JSON.objectNode().put("template_name", name);
  }

  /** A template named {@code graph} and a workflow {@code graph} from it (the fake's shortcut for tests). */
  public synchronized void defineWorkflow(String graph, JsonNode templateBody) {
    createTemplate(graph, templateBody);
    ObjectNode workflow = JSON.objectNode();
    workflow.put("agency", "fake_agency");
    createWorkflow(graph, graph, workflow);
  }

  synchronized JsonNode template(String name) {
    ObjectNode t = templates.get(name);
    if (t == null) {
      throw ObsFakeError.notFound("Workflow.TemplateNotFound", "template " + name + " does not exist");
    }
    return t;
  }

  synchronized JsonNode listTemplates(String prefix, String start, String limit) {
    return listing("templates", templates.values(), "template_name", prefix, start, limit);
  }

  synchronized void deleteTemplate(String name) {
    if (templates.remove(name) == null) {
      throw ObsFakeError.notFound("Workflow.TemplateNotFound", "template " + name + " does not exist");
    }
  }

  // ------------------------------------------------------------------ workflows

  synchronized JsonNode createWorkflow(String graph, String templateName, JsonNode body) {
    requireObject(body);
    ObjectNode template = templates.get(templateName);
    if (template == null) {
      throw ObsFakeError.notFound("Workflow.TemplateNotFound", "template " + templateName + " does not exist");
    }
    if (workflows.containsKey(graph)) {
      throw ObsFakeError.json(409, "Workflow.GraphExists", "workflow " + graph + " already exists");
    }
    if (!body.path("agency").isTextual() || body.path("agency").asText().isBlank()) {
      throw ObsFakeError.badRequest("agency is required");
    }
    List<ObsGraphs.State> states = ObsGraphs.states(template.get("states"));
    engine.deploy(ObsGraphs.model(graph, states));
    ObjectNode view = JSON.objectNode();
    view.put("graph_name", graph);
    view.put("graph_urn", urnPrefix + "graph:" + graph);
    view.put("template_name", templateName);
    view.set("agency", body.get("agency"));
    view.set("description", body.path("description").isMissingNode() ? JSON.nullNode() : body.get("description"));
    view.set("parameters", body.path("parameters").isMissingNode() ? JSON.nullNode() : body.get("parameters"));
    view.put("created_at", now());
    workflows.put(graph, new Workflow(graph, templateName, states, view));
    return JSON.objectNode().put("graph_name", graph).put("graph_urn", urnPrefix + "graph:" + graph);
  }

  synchronized JsonNode workflow(String graph) {
    return requireWorkflow(graph).view();
  }

  synchronized JsonNode listWorkflows(String prefix, String start, String limit) {
    List<ObjectNode> views = new ArrayList<>();
    workflows.values().forEach(w -> views.add(w.view()));
    return listing("workflows", views, "graph_name", prefix, start, limit);
  }

  synchronized JsonNode updateWorkflow(String graph, JsonNode body) {
    requireObject(body);
    ObjectNode view = requireWorkflow(graph).view();
    if (body.has("parameters")) {
      view.set("parameters", body.get("parameters"));
    }
    if (body.has("description")) {
      view.set("description", body.get("description"));
    }
    return JSON.objectNode().put("graph_name", graph);
  }

  synchronized void deleteWorkflow(String graph) {
    requireWorkflow(graph);
    workflows.remove(graph);
  }

  // ------------------------------------------------------------------ executions

  synchronized JsonNode start(String graph, JsonNode body) {
    Workflow w = requireWorkflow(graph);
    requireObject(body);
    for (String field : List.of("bucket", "object")) {
      if (!body.path(field).isTextual() || body.get(field).asText().isEmpty()) {
        throw ObsFakeError.badRequest(field + " is required");
      }
    }
    JsonNode inputs = body.get("inputs");
    if (inputs != null && !inputs.isNull() && !inputs.isObject()) {
      throw ObsFakeError.badRequest("inputs must be an object or null");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    if (inputs != null && inputs.isObject()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = JsonValues.MAPPER.convertValue(inputs, Map.class);
      variables.putAll(values);
    }
    String name = String.format("exec-%08d-%06x", ++executionCounter, System.nanoTime() & 0xffffff);
    InstanceSnapshot s = engine.start(StartCommand.process(w.graph()).withVariables(variables));
    String input = inputs == null || inputs.isNull() ? "{}" : inputs.toString();
    executions.put(name, new Execution(name, graph, s.id(), "APICALL", input));
    ObjectNode answer = JSON.objectNode();
    answer.put("execution_urn", executionUrn(graph, name));
    answer.put("execution_name", name);
    answer.put("started_at", time(s.startTime()));
    return answer;
  }

  synchronized JsonNode execution(String name, String graph) {
    Execution e = requireExecution(name, graph);
    InstanceSnapshot s = engine.get(e.instanceId());
    ObjectNode info = item(e, s);
    info.put("input", e.input());
    ObjectNode stateMap = info.putObject("state_map");
    NodeSnapshot tree = engine.tree(e.instanceId());
    Workflow w = workflows.get(graph);
    List<ObsGraphs.State> states = w != null ? w.states() : List.of();
    for (ObsGraphs.State st : states) {
      stateMap.putObject(st.name()).put("status", nodeStatus(tree.find(st.name())));
    }
    ObjectNode answer = JSON.objectNode();
    answer.set("execution_info", info);
    return answer;
  }

  synchronized JsonNode restore(String name, String graph) {
    Execution e = requireExecution(name, graph);
    if (!executionState(engine.get(e.instanceId())).equals("FAILED")) {
      throw ObsFakeError.json(409, "Workflow.ExecutionNotFailed", "execution " + name + " is not FAILED");
    }
    try {
      engine.retry(e.instanceId());
    } catch (EngineException ex) {
      throw ObsFakeError.json(409, "Workflow.ExecutionNotFailed", ex.getMessage());
    }
    ObjectNode answer = JSON.objectNode();
    answer.put("execution_urn", executionUrn(graph, name));
    answer.put("execution_name", name);
    answer.put("restored_at", now());
    return answer;
  }

  /**
   * The list answer: executions of {@code graph} after {@code marker}, in marker order (execution
   * type + name, as OBS's {@code next_marker}; names carry a zero-padded counter, so that is start
   * order within a type).
   */
  synchronized JsonNode listExecutions(String graph, String type, String marker, String limitText) {
    if (graph == null || graph.isEmpty()) {
      throw ObsFakeError.badRequest("x-workflow-graph-name is required");
    }
    requireWorkflow(graph);
    int limit = limit(limitText, MAX_LIMIT);
    if (type != null && !type.equals("APICALL") && !type.equals("TRIGGERCAL")) {
      throw ObsFakeError.badRequest("x-workflow-execution-type is APICALL or TRIGGERCAL");
    }
    List<Execution> all = new ArrayList<>();
    for (Execution e : executions.values()) {
      if (e.graph().equals(graph) && (type == null || e.type().equals(type))) {
        all.add(e);
      }
    }
    all.sort(java.util.Comparator.comparing(ObsWorkflowStore::marker));
    Paging.MarkerPage<Execution> page = Paging.afterMarker(all, ObsWorkflowStore::marker, marker, limit);
    ArrayNode items = JSON.arrayNode();
    for (Execution e : page.items()) {
      items.add(item(e, engine.get(e.instanceId())));
    }
    ObjectNode answer = JSON.objectNode();
    answer.put("count", items.size());
    answer.put("is_truncated", page.truncated());
    if (page.truncated()) {
      answer.put("next_marker", page.nextMarker());
    }
    answer.set("executions", items);
    return answer;
  }

  /** The engine instance of an execution, for tests that drive it. */
  public synchronized Optional<String> instanceId(String graph, String executionName) {
    Execution e = executions.get(executionName);
    return e == null || !e.graph().equals(graph) ? Optional.empty() : Optional.of(e.instanceId());
  }

  // ------------------------------------------------------------------ trigger policies

  synchronized void putTriggerPolicy(String bucket, JsonNode body) {
    requireObject(body);
    if (!body.path("rules").isArray()) {
      throw ObsFakeError.badRequest("rules must be a list");
    }
    triggerPolicies.put(bucket, body);
  }

  synchronized JsonNode triggerPolicy(String bucket) {
    JsonNode p = triggerPolicies.get(bucket);
    if (p == null) {
      throw ObsFakeError.notFound("Workflow.TriggerPolicyNotFound", "bucket " + bucket + " has no trigger policy");
    }
    return p;
  }

  synchronized void deleteTriggerPolicy(String bucket) {
    if (triggerPolicies.remove(bucket) == null) {
      throw ObsFakeError.notFound("Workflow.TriggerPolicyNotFound", "bucket " + bucket + " has no trigger policy");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String marker(Execution e) {
    return e.type() + e.name();
  }

  private ObjectNode item(Execution e, InstanceSnapshot s) {
    ObjectNode o = JSON.objectNode();
    o.put("execution_urn", executionUrn(e.graph(), e.name()));
    o.put("graph_urn", urnPrefix + "graph:" + e.graph());
    o.put("execution_name", e.name());
    o.put("started_at", time(s.startTime()));
    if (s.endTime() != null) {
      o.put("stopped_at", time(s.endTime()));
    }
    o.put("execution_state", executionState(s));
    o.put("execution_type", e.type());
    return o;
  }

  static String executionState(InstanceSnapshot s) {
    return switch (s.state()) {
      case COMPLETED -> "SUCCESS";
      case FAILED, CANCELLED -> "FAILED";
      default -> "RUNNING";
    };
  }

  static String nodeStatus(Optional<NodeSnapshot> node) {
    if (node.isEmpty()) {
      return "NOTRUNNING";
    }
    NodeStatus s = node.get().state();
    return switch (s) {
      case FINISHED -> "SUCCESS";
      case FAILED, REVOKED -> "FAILED";
      case READY, LOOP_READY, RUNNING, SUSPENDED, BLOCKED -> "RUNNING";
      default -> "NOTRUNNING";
    };
  }

  private JsonNode listing(String field, java.util.Collection<ObjectNode> all, String nameField, String prefix,
      String startText, String limitText) {
    int start = startText == null ? 0 : number(startText, "x-workflow-start", 0, Integer.MAX_VALUE);
    int limit = limit(limitText, MAX_LIMIT);
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode o : all) {
      if (prefix == null || o.path(nameField).asText().startsWith(prefix)) {
        matching.add(o);
      }
    }
    ArrayNode items = JSON.arrayNode();
    matching.stream().skip(start).limit(limit).forEach(items::add);
    ObjectNode answer = JSON.objectNode();
    answer.put("count", matching.size());
    answer.put("next_start", Math.min(matching.size(), start + items.size()));
    answer.put("is_truncated", start + items.size() < matching.size());
    answer.set(field, items);
    return answer;
  }

  private static int limit(String text, int max) {
    return text == null ? DEFAULT_LIMIT : number(text, "x-workflow-limit", 1, max);
  }

  private static int number(String text, String what, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ObsFakeError.badRequest(what + " must be a number from " + min + " to " + max + ": " + text);
  }

  private Workflow requireWorkflow(String graph) {
    Workflow w = workflows.get(graph);
    if (w == null) {
      throw ObsFakeError.notFound("Workflow.GraphNotFound", "workflow " + graph + " does not exist");
    }
    return w;
  }

  private Execution requireExecution(String name, String graph) {
    if (graph == null || graph.isEmpty()) {
      throw ObsFakeError.badRequest("x-workflow-graph-name is required");
    }
    Execution e = executions.get(name);
    if (e == null || !e.graph().equals(graph)) {
      throw ObsFakeError.notFound("Workflow.ExecutionNotFound", "workflow " + graph + " has no execution " + name);
    }
    return e;
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ObsFakeError.badRequest("the body must be a JSON object");
    }
  }

  private static JsonNode badRequestIfInvalid(JsonNode states) {
    try {
      ObsGraphs.states(states);
      return states;
    } catch (IllegalArgumentException e) {
      throw ObsFakeError.badRequest(e.getMessage());
    }
  }

  private String executionUrn(String graph, String name) {
    return urnPrefix + "execution:" + graph + ":" + name + ":" + domain;
  }

  private String now() {
    return time(engine.clock().instant());
  }

  private static String time(Instant t) {
    return t == null ? null : TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
  }
}
