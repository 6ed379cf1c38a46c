package io.flowport.rest.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestRequest;
import io.flowport.rest.RestCalls;
import io.flowport.rest.ResponseReader;
import io.flowport.rest.bksops.BkSopsErrors;
import io.flowport.rest.bksops.BkSopsStates;
import io.flowport.rest.bksops.CreatedTask;
import io.flowport.rest.bksops.NodeDetail;
import io.flowport.rest.bksops.NodeExecution;
import io.flowport.rest.bksops.NodeRun;
import io.flowport.rest.bksops.TaskAction;
import io.flowport.rest.bksops.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The wire side of the bk-sops adapter: one method per gateway call, one attempt each, over
 * {@link RestCalls}. Paths are relative to the gateway stage's base URL and end with '/', as
 * bk-sops' Django routes do; {@code bk_biz_id} is in every path (operate_node and
 * get_task_node_data put it first), {@code scope} in the query of GETs and the JSON body of POSTs.
 *
 * <p>Choices where bk-sops differs from the unified model:
 * <ul>
 *   <li>Definitions are templates (numeric ids); the client resolves names to ids before this.
 *   <li>start = {@code create_task} then {@code start_task}, in one attempt. The start is
 *       asynchronous in bk-sops; the instance returned reads RUNNING (the start was accepted) while
 *       {@code get} may still read CREATED for a moment. A failing start_task leaves the created
 *       task behind (never started).
 *   <li>get = {@code get_task_status} (state, times) + {@code get_task_detail} (template, constants
 *       as variables). Variables are the task's constants as created.
 *   <li>Every status read sends a distinct {@code _flowport} query parameter: the gateway caches
 *       get_task_status for 10 s keyed by the sorted query, so polling would otherwise see an old state.
 *   <li>The node tree's root has the task id; node types are not in bk-sops' status tree (null).
 *   <li>force-fail ignores the message: bk-sops writes its own ("terminated by &lt;user&gt;").
 * </ul>
 */
public final class BkSopsBackend implements EngineBackend {
  /** The engine name every exception and listener event carries. */
  public static final String ENGINE = "bk-sops";
  private static final BackendTraits TRAITS = new BackendTraits(true, false);

  /** Exactly what this backend implements (core adds start-and-await by polling). */
  private static final Set<Operation> CAPABILITIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.START_INSTANCE, Operation.GET_INSTANCE, Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE,
      Operation.RESUME_INSTANCE, Operation.GET_VARIABLES, Operation.GET_NODE_TREE, Operation.PAUSE_NODE,
      Operation.RESUME_NODE, Operation.RETRY_NODE, Operation.SKIP_NODE, Operation.SKIP_EXCLUSIVE_GATEWAY,
      Operation.FORCE_FAIL_NODE, Operation.CALLBACK_NODE, Operation.RETRY_SUBPROCESS, Operation.GET_NODE_DATA,
      Operation.GET_NODE_HISTORY)));

  /** The cache-busting query parameter of status reads. */
  public static final String NONCE = "_flowport";

  private final RestCalls http;
  private final String bizId;
  private final String scope;
  private final Map<String, String> templateIds;
  private final Map<String, String> templateNames = new LinkedHashMap<>();
  private final AtomicLong nonce = new AtomicLong(System.nanoTime());

  /**
   * @param http the calls to the gateway stage, read with {@link BkSopsErrors#READER}
   * @param bizId the business (or project) id of every path
   * @param scope {@code cmdb_biz} or {@code project}, or null for the gateway's default
   * @param templateIds names a user starts templates by → numeric template ids
   */
  public BkSopsBackend(RestCalls http, String bizId, String scope, Map<String, String> templateIds) {
    this.http = http;
    this.bizId = bizId;
    this.scope = scope;
    this.templateIds = Map.copyOf(templateIds);
    templateIds.forEach((name, id) -> templateNames.putIfAbsent(id, name));
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  /** Skipping a conditional parallel gateway is in bamboo_engine, but the gateway cannot pass its flows. */
  @Override
  public String unsupportedReason(Operation operation) {
    return Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY.equals(operation)
        ? "bk-sops' operate_node never passes flow_ids and converge_gateway_id to bamboo_engine, so skip_cpg"
            + " always fails there"
        : null;
  }

  @Override
  public Secrets secrets() {
    return http.transport().secrets();
  }

  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  @Override
  public void close() {
    http.close();
  }

  // ------------------------------------------------------------------ bk-sops' own calls

  /** {@code POST create_task/{template}/{biz}/} with the constants as {@code ${name}}. */
  public CompletableFuture<CreatedTask> createTask(CallContext ctx, String templateId, String name,
      Map<String, Object> constants) {
    Map<String, Object> wrapped = new LinkedHashMap<>();
    constants.forEach((k, v) -> wrapped.put("${" + k + "}", v));
    Map<String, Object> body = body();
    body.put("name", name);
    body.put("constants", wrapped);
    return http.call(ctx, post(ctx.operation(), "create_task", templateId, bizId).json(body).build(), data(data -> {
      String taskId = BkSopsJson.text(data, "task_id");
      if (taskId == null) {
        throw new IllegalStateException("create_task answered no task_id");
      }
      return new CreatedTask(taskId, BkSopsJson.text(data, "task_url"));
    }));
  }

  /** {@code POST start_task/{task}/{biz}/}: the task's URL. */
  public CompletableFuture<String> startTask(CallContext ctx, String taskId) {
    return http.call(ctx, post(ctx.operation(), "start_task", taskId, bizId).json(body()).build(),
        BkSopsErrors.ENVELOPE.data(data -> BkSopsJson.text(data, "task_url")));
  }

  /** {@code POST operate_task/{task}/{biz}/} with the action. */
  public CompletableFuture<Void> operateTask(CallContext ctx, String taskId, TaskAction action) {
    Map<String, Object> body = body();
    body.put("action", action.wireName());
    return http.call(ctx, post(ctx.operation(), "operate_task", taskId, bizId).json(body).build(), success());
  }

  /** {@code GET get_task_status/{task}/{biz}/}, past the gateway's cache (a new {@link #NONCE} each time). */
  public CompletableFuture<TaskState> taskStatus(CallContext ctx, String taskId, String subprocessId, boolean withExData) {
    RestRequest.Builder req = get(ctx.operation(), "get_task_status", taskId, bizId).query("subprocess_id", subprocessId);
    if (withExData) {
      req.query("with_ex_data", "true"); // a truthy string: any value, even "false", turns it on
    }
    req.query(NONCE, Long.toString(nonce.incrementAndGet(), 36));
    return http.call(ctx, req.build(), data(BkSopsJson::taskState));
  }

  /** {@code GET get_task_detail/{task}/{biz}/}: the data object (template, constants). */
  public CompletableFuture<JsonNode> taskDetail(CallContext ctx, String taskId) {
    return http.call(ctx, get(ctx.operation(), "get_task_detail", taskId, bizId).build(), data(data -> data));
  }

  /** {@code GET get_task_node_detail/{task}/{biz}/?node_id&loop}. */
  public CompletableFuture<NodeDetail> nodeDetail(CallContext ctx, String taskId, String nodeId, Integer loop) {
    RestRequest req = get(ctx.operation(), "get_task_node_detail", taskId, bizId).query("node_id", nodeId).query("loop", loop).build();
    return http.call(ctx, req, data(BkSopsJson::nodeDetail));
  }

  /** {@code GET get_task_node_data/{biz}/{task}/?node_id&loop} (the business id comes first). */
  public CompletableFuture<NodeExecution> nodeExecution(CallContext ctx, String taskId, String nodeId, Integer loop) {
    RestRequest req = get(ctx.operation(), "get_task_node_data", bizId, taskId).query("node_id", nodeId).query("loop", loop).build();
    return http.call(ctx, req, data(BkSopsJson::nodeExecution));
  }

  /** {@code POST operate_node/{biz}/{task}/} with {@code action}; {@code extra} adds inputs, data or flow_id. */
  public CompletableFuture<Void> operateNode(CallContext ctx, String taskId, String nodeId, String action,
      Map<String, Object> extra) {
    Map<String, Object> body = body();
    body.put("node_id", nodeId);
    body.put("action", action);
    body.putAll(extra);
    return http.call(ctx, post(ctx.operation(), "operate_node", bizId, taskId).json(body).build(), success());
  }

  /** {@code POST node_callback/{task}/{biz}/}; without {@code version} bk-sops uses the current one. */
  public CompletableFuture<Void> nodeCallback(CallContext ctx, String taskId, String nodeId, Map<String, Object> data,
      String version) {
    Map<String, Object> body = body();
    body.put("node_id", nodeId);
    body.put("callback_data", data);
    if (version != null) {
      body.put("version", version);
    }
    return http.call(ctx, post(ctx.operation(), "node_callback", taskId, bizId).json(body).build(), success());
  }

  // ------------------------------------------------------------------ the unified API

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    if (request.definition() == null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, ctx.operation(),
          "bk-sops starts tasks from templates, not by message"));
    }
    String named = request.definition().isByKey() ? request.definition().key() : request.definition().id();
    String templateId = templateId(named);
    if (templateId == null) {
      return CompletableFuture.failedFuture(ErrorKind.DEFINITION_NOT_FOUND.toException(ErrorInfo.answered(ENGINE,
          ctx.operation(), null, null, "no template named '" + named + "': give a numeric template id, or name it"
              + " with BkSopsClient.Builder.template(name, id)", null)));
    }
    String taskName = named + "-" + Long.toString(nonce.incrementAndGet(), 36);
    return RestFutures.compose(createTask(ctx, templateId, taskName, request.variables()),
        created -> RestFutures.map(startTask(ctx, created.taskId()), url -> Instance.builder()
            .id(created.taskId())
            .definitionId(definitionName(templateId))
            .definitionKey(templateId)
            .state(InstanceState.RUNNING)
            .rawStatus("RUNNING")
            .variables(request.variables())
            .build()));
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return RestFutures.compose(taskStatus(ctx, instanceId, null, false),
        state -> RestFutures.map(taskDetail(ctx, instanceId), detail -> {
          String templateId = BkSopsJson.text(detail, "template_id");
          return Instance.builder()
              .id(instanceId)
              .definitionId(templateId == null ? null : definitionName(templateId))
              .definitionKey(templateId)
              .state(BkSopsStates.instanceState(state.state()))
              .rawStatus(state.state())
              .startTime(BkSopsJson.time(state.startTime()))
              .endTime(BkSopsJson.time(state.finishTime()))
              .variables(BkSopsJson.constants(detail))
              .build();
        }));
  }

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return RestFutures.map(taskDetail(ctx, instanceId), BkSopsJson::constants);
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return operateTask(ctx, instanceId, TaskAction.REVOKE);
  }

  @Override
  public CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return operateTask(ctx, instanceId, TaskAction.PAUSE);
  }

  @Override
  public CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return operateTask(ctx, instanceId, TaskAction.RESUME);
  }

  @Override
  public CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return RestFutures.map(taskStatus(ctx, instanceId, null, false), s -> BkSopsJson.node(s, instanceId));
  }

  @Override
  public CompletableFuture<Void> pauseNode(CallContext ctx, String instanceId, String nodeId) {
    return operateNode(ctx, instanceId, nodeId, "pause", Map.of());
  }

  @Override
  public CompletableFuture<Void> resumeNode(CallContext ctx, String instanceId, String nodeId) {
    return operateNode(ctx, instanceId, nodeId, "resume", Map.of());
  }

  @Override
  public CompletableFuture<Void> retryNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> inputs) {
    return operateNode(ctx, instanceId, nodeId, "retry", Map.of("inputs", inputs));
  }

  @Override
  public CompletableFuture<Void> skipNode(CallContext ctx, String instanceId, String nodeId) {
    return operateNode(ctx, instanceId, nodeId, "skip", Map.of());
  }

  @Override
  public CompletableFuture<Void> skipExclusiveGateway(CallContext ctx, String instanceId, String nodeId, String flowId) {
    return operateNode(ctx, instanceId, nodeId, "skip_exg", Map.of("flow_id", flowId));
  }

  @Override
  public CompletableFuture<Void> forceFailNode(CallContext ctx, String instanceId, String nodeId, String message) {
    return operateNode(ctx, instanceId, nodeId, "forced_fail", Map.of());
  }

  @Override
  public CompletableFuture<Void> callbackNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> data,
      String version) {
    return nodeCallback(ctx, instanceId, nodeId, data, version);
  }

  @Override
  public CompletableFuture<Void> retrySubprocess(CallContext ctx, String instanceId, String nodeId) {
    return operateNode(ctx, instanceId, nodeId, "retry_subprocess", Map.of());
  }

  @Override
  public CompletableFuture<NodeData> nodeData(CallContext ctx, String instanceId, String nodeId) {
    return RestFutures.map(nodeExecution(ctx, instanceId, nodeId, null), BkSopsJson::nodeData);
  }

  @Override
  public CompletableFuture<List<NodeHistory>> nodeHistories(CallContext ctx, String instanceId, String nodeId) {
    return RestFutures.map(nodeDetail(ctx, instanceId, nodeId, null), d -> {
      List<NodeHistory> out = new ArrayList<>();
      for (NodeRun run : d.histories()) {
        out.add(BkSopsJson.history(run));
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ helpers

  private String definitionName(String templateId) {
    return templateNames.getOrDefault(templateId, templateId);
  }

  /** The numeric template id a definition names, or null. */
  String templateId(String named) {
    String id = templateIds.get(named);
    if (id != null) {
      return id;
    }
    return named.chars().allMatch(c -> c >= '0' && c <= '9') ? named : null;
  }

  /** A reader of the envelope's {@code data}, which must be an object. */
  private static <T> ResponseReader<T> data(Function<JsonNode, T> read) {
    return BkSopsErrors.ENVELOPE.data(data -> {
      if (!data.isObject()) {
        throw new IllegalStateException("the envelope's data is not an object");
      }
      return read.apply(data);
    });
  }

  private static ResponseReader<Void> success() {
    return BkSopsErrors.ENVELOPE.success();
  }

  private Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (scope != null) {
      body.put("scope", scope); // POST: bk-sops reads scope from the JSON body
    }
    return body;
  }

  private RestRequest.Builder get(Operation op, String... segments) {
    return RestRequest.get(numericIds(op, segments)).trailingSlash().query("scope", scope);
  }

  private RestRequest.Builder post(Operation op, String... segments) {
    return RestRequest.post(numericIds(op, segments)).trailingSlash();
  }

  /**
   * The segments, after checking that the ids (all but the first) are numbers: bk-sops' routes
   * take only digits and answer 404 to anything else. The executor turns the throw into a failed future.
   */
  private static String[] numericIds(Operation op, String... segments) {
    for (int i = 1; i < segments.length; i++) {
      String id = segments[i];
      if (id == null || id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw Args.invalid(ENGINE, op, "bk-sops ids are numbers; got '" + id + "' in " + segments[0]);
      }
    }
    return segments;
  }
}
