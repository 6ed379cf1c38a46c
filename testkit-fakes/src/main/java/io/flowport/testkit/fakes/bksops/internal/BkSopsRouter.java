package io.flowport.testkit.fakes.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeExecutionData;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestRoutes;
import io.flowport.testkit.fakes.rest.StatusTable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * bk-sops' API gateway resources on an {@link InMemoryEngine}: the routes of
 * {@code gcloud/apigw/urls.py} (ids are digits, paths end with '/'), each answering the envelope
 * codes its view really returns (engine-wire-notes §3 as corrected by §6), the gateway's own
 * answers (401 JSON for bad app credentials, 403 text when reached without the gateway, Django's
 * 404 / 405), and the 10 s cache of get_task_status, as a {@link RestApi} of the shared REST fake
 * layer. Not API: use {@code FakeBkSopsServer}.
 */
public final class BkSopsRouter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final FakeResponse NOT_FOUND = FakeResponse.text(404, "text/html",
      "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>");
  private static final Set<String> OPERATE_NODE_ACTIONS = Set.of("callback", "skip_exg", "retry", "skip",
      "pause_subproc", "resume_subproc", "skip_cpg", "pause", "resume", "forced_fail", "retry_subprocess");

  private final InMemoryEngine engine;
  private final NodeRules rules;
  private final GatewayAuth auth;
  private final String bizId;
  private final String rootUrl;
  private final StatusCache cache;
  private final Map<String, FakeTask.Template> templates = new LinkedHashMap<>();
  private final Map<String, FakeTask> tasks = new LinkedHashMap<>();
  private long nextTaskId = 10001;
  private volatile boolean bypassGateway;

  /**
   * @param engine the engine the tasks run on
   * @param auth the gateway's check of {@code X-Bkapi-Authorization}
   * @param bizId the one business the fake serves
   * @param rootUrl where task URLs point (bk-sops' web UI)
   * @param statusCacheTtl how long get_task_status answers are cached (ZERO: not at all)
   */
  public BkSopsRouter(InMemoryEngine engine, GatewayAuth auth, String bizId, String rootUrl, Duration statusCacheTtl) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.rules = new NodeRules(engine);
    this.auth = auth;
    this.bizId = bizId;
    this.rootUrl = rootUrl;
    this.cache = new StatusCache(statusCacheTtl);
  }

  /** Deploys {@code model} to the engine and serves it as template {@code templateId}. */
  public synchronized DeployedModel addTemplate(String templateId, ProcessModel model) {
    DeployedModel deployed = engine.deploy(model);
    templates.put(templateId, FakeTask.Template.of(templateId, model));
    return deployed;
  }

  /** Deploys a BPMN resource (its first process) and serves it as template {@code templateId}. */
  public synchronized DeployedModel addTemplate(String templateId, String resourceName, byte[] bpmn) {
    DeployedModel deployed = engine.deploy(resourceName, bpmn);
    // The engine keeps its models to itself; the fake reads the file's first process for the node ids.
    ProcessModel model = io.flowport.testkit.engine.internal.BpmnParser.parse(resourceName, bpmn).get(0);
    templates.put(templateId, FakeTask.Template.of(templateId, model));
    return deployed;
  }

  /** When set, every request gets bk-sops' answer to a call that did not come through the gateway. */
  public void bypassGateway(boolean value) {
    this.bypassGateway = value;
  }

  /** The engine instance of a started task, or null. */
  public synchronized String instanceOf(String taskId) {
    FakeTask t = tasks.get(taskId);
    return t == null ? null : t.instanceId;
  }

  /** The schedules a stale callback expired, as {@code nodeId@version}. */
  public synchronized List<String> expiredSchedules(String taskId) {
    FakeTask t = tasks.get(taskId);
    return t == null ? List.of() : List.copyOf(t.expiredSchedules);
  }

  /**
   * The API: one route per gateway resource (Django's 404 for a path that is not
   * {@code /<name>/<digits>/<digits>/}, 405 for a wrong method), the gateway's check of the app
   * first, bk-sops' envelopes from the handlers; what escapes a handler is Django's 500.
   */
  public RestApi api() {
    RestRoutes.Builder routes = RestRoutes.builder();
    Route.METHODS.forEach((name, method) -> routes.route(method, "/" + name + "/{first}/{second}",
        (req, path) -> answer(req, Route.of(name, path.get("first"), path.get("second")))));
    return RestApi.builder()
        .routes(routes.unknownPath(req -> NOT_FOUND).wrongMethod((req, allowed) -> FakeResponse.empty(405)).build())
        .errors((status, detail, req) -> FakeResponse.text(status, "text/html", "<h1>Server Error (" + status + ")</h1>"))
        .statuses(StatusTable.builder().otherwise(500).build()) // an engine failure nothing handles is Django's 500
        .auth(req -> !bypassGateway && auth.check(req.header("x-bkapi-authorization")).refusal() == null, this::refused)
        .backPressureAnswer(req -> FakeResponse.json(429, "{\"result\":false,\"code\":\"1642902\",\"data\":null,"
            + "\"message\":\"API rate limit exceeded (injected by FakeBkSopsServer)\"}"))
        .unavailableAnswer(req -> FakeResponse.text(503, "text/html", "<html><body>503 Service Unavailable</body></html>"))
        .build();
  }

  private FakeResponse refused(FakeRequest req) {
    if (bypassGateway) {
      return FakeResponse.text(403, "text/plain", "This API can only be accessed through API gateway");
    }
    return auth.check(req.header("x-bkapi-authorization")).refusal();
  }

  /** One resource's answer, under the router's lock (templates may be added meanwhile). */
  private synchronized FakeResponse answer(FakeRequest req, Route route) {
    if (route == null || !req.path().endsWith("/")) {
      return NOT_FOUND; // re_path wants digits and the trailing slash
    }
    String traceId = traceId(req);
    Call call = new Call(req, route, auth.check(req.header("x-bkapi-authorization")).username(), traceId);
    ObjectNode answer;
    try {
      answer = dispatch(call);
    } catch (EmptyBody e) {
      return FakeResponse.text(500, "text/html", "<h1>Server Error (500)</h1>");
    }
    if (answer.has("trace_id") && answer.get("trace_id").isNull()) {
      answer.remove("trace_id"); // middleware-built answers carry none
    }
    return FakeResponse.json(200, answer.toString()).withHeader("Sops-Trace-Id", traceId);
  }

  // ------------------------------------------------------------------ dispatch

  private ObjectNode dispatch(Call c) {
    if (!bizId.equals(c.route.biz())) {
      return noTrace(fail(c, 3540400, "project[bk_biz_id=" + c.route.biz() + "] does not exist"));
    }
    return switch (c.route.name()) {
      case "create_task" -> createTask(c);
      case "start_task" -> startTask(c);
      case "operate_task" -> operateTask(c);
      case "get_task_status" -> c.cached(cache, () -> taskStatus(c));
      case "get_task_detail" -> taskDetail(c);
      case "get_task_node_detail" -> nodeDetail(c);
      case "get_task_node_data" -> nodeData(c);
      case "operate_node" -> operateNode(c);
      case "node_callback" -> nodeCallback(c);
      default -> throw new IllegalStateException("no handler for " + c.route.name());
    };
  }

  private ObjectNode createTask(Call c) {
    if (c.req.body().length == 0) {
      throw new EmptyBody(); // json.loads(b"") raises outside any handler: Django's 500
    }
    JsonNode body = c.json();
    if (body == null || !body.isObject()) {
      return fail(c, 3540000, "invalid param format");
    }
    FakeTask.Template template = templates.get(c.route.id());
    if (template == null) {
      return fail(c, 3540400, "template[id=" + c.route.id() + "] of project[" + bizId + "] does not exist");
    }
    String name = body.path("name").asText("");
    if (name.isBlank()) {
      return fail(c, 3540000, "invalid param format: name is required");
    }
    Map<String, Object> constants = new LinkedHashMap<>();
    JsonNode given = body.get("constants");
    if (given != null && given.isObject()) {
      given.fields().forEachRemaining(e -> constants.put(unwrap(e.getKey()),
          JsonValues.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    String taskId = Long.toString(nextTaskId++);
    tasks.put(taskId, new FakeTask(taskId, template, name, constants, c.username));
    ObjectNode data = NODES.objectNode();
    data.put("task_id", Long.parseLong(taskId));
    data.put("task_url", taskUrl(taskId));
    data.putObject("pipeline_tree");
    return ok(c, data);
  }

  private ObjectNode startTask(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return notExist(c);
    }
    if (task.started()) {
      return fail(c, 3545000, "task already started");
    }
    start(task);
    ObjectNode o = NODES.objectNode();
    o.put("result", true);
    o.put("code", 0);
    o.put("task_url", taskUrl(task.id));
    o.putObject("data").put("task_url", taskUrl(task.id));
    o.put("trace_id", c.traceId); // no "message" key on success
    return o;
  }

  private ObjectNode operateTask(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return notExist(c);
    }
    JsonNode body = c.json();
    String action = body == null ? "" : body.path("action").asText("");
    if (!Set.of("start", "pause", "resume", "revoke").contains(action)) {
      return fail(c, 3545000, "task command is invalid");
    }
    if (action.equals("start")) {
      if (task.started()) {
        return fail(c, 3545000, "task already started");
      }
      start(task);
      return success(c);
    }
    if (!task.started()) {
      return fail(c, 3545000, "task not started");
    }
    return engineCall(c, action + "_pipeline", () -> {
      switch (action) {
        case "pause" -> rules.pausePipeline(task);
        case "resume" -> rules.resumePipeline(task);
        default -> rules.revokePipeline(task);
      }
    });
  }

  private ObjectNode taskStatus(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return fail(c, 3599999, "task[id=" + c.route.id() + "] get status error: TaskFlowInstance matching query does not exist.");
    }
    ObjectNode tree;
    if (!task.started()) {
      tree = StatusTree.created(task.name);
    } else {
      NodeSnapshot root = engine.tree(task.instanceId);
      tree = StatusTree.of(root, rules.rootState(task), task, engine.clock().instant());
      String subprocessId = c.req.queryParam("subprocess_id");
      if (subprocessId != null && !subprocessId.isEmpty()) {
        JsonNode sub = find(tree, subprocessId);
        tree = sub != null ? (ObjectNode) sub : StatusTree.created(task.name);
      }
      String withExData = c.req.queryParam("with_ex_data");
      if (withExData != null && !withExData.isEmpty() && tree.path("state").asText().equals("FAILED")) {
        ObjectNode ex = tree.putObject("ex_data"); // a truthy string: "false" turns it on too
        for (String failed : engine.get(task.instanceId).failedNodeIds()) {
          ex.put(failed, engine.executionData(task.instanceId, failed).errorMessage());
        }
      }
    }
    tree.put("name", task.name);
    return ok(c, tree);
  }

  private ObjectNode taskDetail(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return notExist(c);
    }
    ObjectNode data = NODES.objectNode();
    data.put("id", Long.parseLong(task.id));
    data.put("name", task.name);
    data.put("template_id", task.template.id());
    data.put("creator", task.creator);
    data.put("task_url", taskUrl(task.id));
    ObjectNode constants = data.putObject("constants");
    task.constants.forEach((k, v) -> {
      ObjectNode entry = constants.putObject("${" + k + "}");
      entry.put("key", "${" + k + "}");
      entry.put("name", k);
      entry.put("source_type", "custom");
      entry.set("value", JsonValues.MAPPER.valueToTree(v));
    });
    return ok(c, data);
  }

  private ObjectNode nodeDetail(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return fail(c, 3540400, "[API] get_task_node_detail task[id=" + c.route.id() + "] does not exist");
    }
    String nodeId = c.req.queryParam("node_id");
    if (nodeId == null || !task.template.nodes().containsKey(nodeId)) {
      return fail(c, 3540000, nodeNotInTask(task, nodeId, "get_node_detail")); // the view keeps the model's code
    }
    NodeSnapshot node = task.started() ? rules.state(task, nodeId).orElse(null) : null;
    if (node == null) {
      ObjectNode data = NODES.objectNode();
      data.put("name", task.template.nodes().get(nodeId).name());
      data.put("error_ignorable", false);
      data.put("state", "READY");
      return ok(c, data);
    }
    ObjectNode data = StatusTree.node(node, task.instanceId, task.instanceId, node.state().name(), task,
        engine.clock().instant());
    Integer loop = c.intParam("loop");
    int wanted = loop == null || loop >= node.loop() ? node.loop() : loop;
    var histories = data.putArray("histories");
    for (NodeAttempt a : engine.histories(task.instanceId, nodeId)) {
      if (a.loop() == wanted) {
        histories.add(StatusTree.history(a));
      }
    }
    return ok(c, data);
  }

  private ObjectNode nodeData(Call c) {
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return notExist(c); // objects.get without a try: the DoesNotExist middleware answers
    }
    String nodeId = c.req.queryParam("node_id");
    if (nodeId == null || !task.template.nodes().containsKey(nodeId)) {
      return fail(c, 3599999, nodeNotInTask(task, nodeId, "get_node_data")); // the view maps a failure to 3599999
    }
    Map<String, Object> inputs = Map.of();
    Map<String, Object> outputs = Map.of();
    String exData = "";
    if (task.started() && rules.state(task, nodeId).isPresent()) {
      NodeExecutionData d = engine.executionData(task.instanceId, nodeId);
      inputs = d.inputs();
      outputs = d.outputs();
      exData = d.errorMessage() == null ? "" : d.errorMessage();
      Integer loop = c.intParam("loop");
      if (loop != null && loop < rules.state(task, nodeId).get().loop()) {
        for (NodeAttempt a : engine.histories(task.instanceId, nodeId)) {
          if (a.loop() == loop) {
            inputs = a.inputs();
            outputs = a.outputs();
            exData = a.errorMessage() == null ? "" : a.errorMessage();
          }
        }
      }
    }
    ObjectNode data = NODES.objectNode();
    data.set("inputs", JsonValues.MAPPER.valueToTree(inputs));
    var table = data.putArray("outputs");
    outputs.forEach((k, v) -> {
      ObjectNode row = table.addObject();
      row.put("key", k);
      row.set("value", JsonValues.MAPPER.valueToTree(v));
      row.put("preset", false);
    });
    data.put("ex_data", exData);
    return ok(c, data);
  }

  private ObjectNode operateNode(Call c) {
    JsonNode body = c.json();
    if (body == null || !body.isObject()) {
      return fail(c, 3540000, "request body is not a valid json");
    }
    if (body.has("data") && !body.get("data").isObject()) {
      return fail(c, 3540000, "data field is not a valid object");
    }
    if (body.has("inputs") && !body.get("inputs").isObject()) {
      return fail(c, 3540000, "inputs field is not a valid object");
    }
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return fail(c, 3540400, "task[id=" + c.route.id() + "] of project[id=" + bizId + "] does not exist");
    }
    String nodeId = body.path("node_id").asText("");
    String action = body.path("action").asText("");
    // The view overwrites code with 0 or 3599999, whatever the dispatcher said.
    if (!task.template.nodes().containsKey(nodeId)) {
      return fail(c, 3599999, "task[" + task.id + "] does not have node[" + nodeId + "]");
    }
    if (!OPERATE_NODE_ACTIONS.contains(action)) {
      return fail(c, 3599999, "task command is invalid");
    }
    if (!task.started()) {
      return fail(c, 3599999, BambooError.notFound("node(" + nodeId + ") does not exist").engineMessage(action));
    }
    Map<String, Object> inputs = c.map(body.get("inputs"));
    Map<String, Object> data = c.map(body.get("data"));
    String flowId = body.path("flow_id").asText("");
    return engineCall(c, action, () -> {
      switch (action) {
        case "retry" -> rules.retry(task, nodeId, inputs);
        case "skip" -> rules.skip(task, nodeId);
        case "skip_exg" -> rules.skipExclusiveGateway(task, nodeId, flowId);
        case "skip_cpg" -> throw new BambooError("KeyError", "'flow_ids'"); // the view never passes them
        case "pause" -> rules.pauseNode(task, nodeId);
        case "resume" -> rules.resumeNode(task, nodeId);
        case "pause_subproc" -> rules.pauseSubprocess(task, nodeId);
        case "resume_subproc" -> rules.resumeSubprocess(task, nodeId);
        case "forced_fail" -> rules.forcedFail(task, nodeId, c.username);
        case "retry_subprocess" -> rules.retrySubprocess(task, nodeId);
        default -> rules.callback(task, nodeId, data, null);
      }
    });
  }

  private ObjectNode nodeCallback(Call c) {
    JsonNode body = c.json();
    if (body == null || !body.isObject()) {
      return fail(c, 3540000, "invalid json format");
    }
    FakeTask task = tasks.get(c.route.id());
    if (task == null) {
      return fail(c, 3540400, "[API] node_callback task[id=" + c.route.id() + "] does not exist");
    }
    String nodeId = body.path("node_id").asText("");
    if (!task.template.nodes().containsKey(nodeId)) {
      return fail(c, 3540000, "task[" + task.id + "] does not have node[" + nodeId + "]");
    }
    if (!task.started()) {
      return fail(c, 3599999, BambooError.invalidOperation("can not find sleep process with current node id: " + nodeId)
          .engineMessage("callback"));
    }
    Map<String, Object> data = c.map(body.get("callback_data"));
    String version = body.hasNonNull("version") ? body.get("version").asText() : null;
    return engineCall(c, "callback", () -> rules.callback(task, nodeId, data, version));
  }

  // ------------------------------------------------------------------ helpers

  private void start(FakeTask task) {
    task.instanceId = engine.start(StartCommand.process(task.template.processId()).withVariables(task.constants)).id();
  }

  /** Runs a bamboo_engine call the way ensure_return_is_dict reports it. */
  private ObjectNode engineCall(Call c, String apiFunction, Runnable call) {
    try {
      call.run();
    } catch (BambooError e) {
      return fail(c, 3599999, e.engineMessage(apiFunction));
    }
    return success(c);
  }

  private ObjectNode success(Call c) {
    ObjectNode o = NODES.objectNode();
    o.put("result", true);
    o.put("message", "success");
    o.put("code", 0);
    o.put("trace_id", c.traceId);
    return o;
  }

  private static ObjectNode ok(Call c, JsonNode data) {
    ObjectNode o = NODES.objectNode();
    o.put("result", true);
    o.put("data", data);
    o.put("code", 0);
    o.put("message", "");
    o.put("trace_id", c.traceId);
    return o;
  }

  private static ObjectNode fail(Call c, int code, String message) {
    ObjectNode o = NODES.objectNode();
    o.put("result", false);
    o.put("code", code);
    o.put("message", message);
    o.putNull("data");
    o.put("trace_id", c.traceId);
    return o;
  }

  /** The ObjectDoesNotExist middleware's answer: 3540400, data null, no trace_id. */
  private static ObjectNode notExist(Call c) {
    return noTrace(fail(c, 3540400, "TaskFlowInstance matching query does not exist."));
  }

  private static ObjectNode noTrace(ObjectNode o) {
    o.putNull("trace_id");
    return o;
  }

  private String taskUrl(String taskId) {
    return rootUrl + "/taskflow/execute/" + bizId + "/?instance_id=" + taskId;
  }

  private static JsonNode find(JsonNode tree, String id) {
    for (var it = tree.path("children").elements(); it.hasNext(); ) {
      JsonNode child = it.next();
      if (id.equals(child.path("id").asText())) {
        return child;
      }
      JsonNode deeper = find(child, id);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  /** TaskFlowInstance's message for a node it does not have (get_node_data, get_node_detail). */
  private static String nodeNotInTask(FakeTask task, String nodeId, String where) {
    return "节点状态请求失败: 任务[ID: " + task.id + "]中未找到节点[ID: " + nodeId + "]. 请重试. 如持续失败可联系管理员处理 | " + where;
  }

  private static String unwrap(String key) {
    return key.startsWith("${") && key.endsWith("}") ? key.substring(2, key.length() - 1) : key;
  }

  /** The trace id of the W3C {@code traceparent} header when there is one, else a new one. */
  private static String traceId(FakeRequest req) {
    String parent = req.header("traceparent");
    if (parent != null) {
      String[] parts = parent.split("-");
      if (parts.length >= 3 && parts[1].length() == 32) {
        return parts[1];
      }
    }
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  /** create_task with an empty body: Django's 500. */
  private static final class EmptyBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmptyBody() {
      super(null, null, false, false);
    }
  }
}
