package io.flowport.rest.flowable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.rest.RestBody;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestRequest;
import io.flowport.rest.RestResponse;
import io.flowport.rest.RestTransport;
import io.flowport.rest.flowable.FlowableInstanceQuery;
import io.flowport.rest.flowable.FlowableVariable;
import io.flowport.rest.flowable.IdentityLink;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The wire side of the Flowable adapter: one method per operation, one attempt each, over
 * {@link RestTransport}. Paths are relative to the configured base URL ({@code .../process-api} or
 * {@code .../flowable-rest/service}).
 *
 * <p>Choices where Flowable differs from the unified model:
 * <ul>
 *   <li>Definitions: unified id = Flowable process definition <em>key</em>; unified key = Flowable
 *       process definition <em>id</em> ({@code key:version:n}).
 *   <li>Deploy makes one request per resource (Flowable deploys only the first file of a multipart
 *       request) and reports the ids of the deployments joined by commas. A failure of a later
 *       resource leaves the earlier ones deployed.
 *   <li>get falls back to history when the runtime has no such instance, so ended instances are
 *       found (COMPLETED, or CANCELLED when they carry a delete reason).
 *   <li>getVariables/getVariable fall back to the history of an ended instance.
 *   <li>list lists the runtime: RUNNING and SUSPENDED (or no state); other states are not supported.
 *   <li>publish: Flowable has no correlation key. The correlation key is matched against the
 *       <em>business key</em> of running instances (in id order, the first 100); when no running
 *       instance has that business key, it is taken as an instance id. The first execution of
 *       those instances waiting for the message gets it (one only, like Zeebe). A null correlation
 *       key delivers to any one waiting execution. When none waits, a process with that message
 *       start event is started (with the correlation key as business key); when there is none
 *       either, ResourceNotFoundException. TTL and message id are not supported by Flowable and
 *       are ignored (a message is never buffered).
 * </ul>
 */
public final class FlowableBackend implements EngineBackend {
  private static final BackendTraits TRAITS = new BackendTraits(true, false);

  public static final String ENGINE = "flowable";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int DEFINITIONS_PAGE = 1000;
  private static final int VARIABLES_PAGE = 10000;
  private static final String[] RESOURCE_SUFFIXES = {".bpmn20.xml", ".bpmn", ".bar", ".zip"};
  private static final String RUNTIME = "runtime";
  private static final String INSTANCES = "process-instances";
  /** How many instances with the correlation key (business key) are tried for a waiting execution. */
  private static final int CORRELATION_CANDIDATES = 100;

  /** Exactly what this backend implements (core adds start-and-await by polling). */
  private static final Set<Operation> CAPABILITIES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.DEPLOY, Operation.START_INSTANCE, Operation.GET_INSTANCE, Operation.LIST_INSTANCES,
      Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE, Operation.DELETE_INSTANCE,
      Operation.GET_VARIABLES, Operation.GET_VARIABLE, Operation.CREATE_VARIABLES, Operation.UPSERT_VARIABLES,
      Operation.PUBLISH_MESSAGE)));

  private final RestCalls http;

  public FlowableBackend(RestCalls http) {
    this.http = http;
  }

  public RestTransport transport() {
    return http.transport();
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  /** OkHttp's call timeout is the attempt deadline; answers arrive on OkHttp's dispatcher threads, which user callbacks must not hold. */
  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    http.close();
  }

  // ------------------------------------------------------------------------------- deploy

  @Override
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    for (Resource r : request.resources()) {
      if (!hasDeployableSuffix(r.name())) {
        return failed(Args.invalid(ENGINE, ctx.operation(), "Flowable deploys only .bpmn20.xml, .bpmn, .bar or .zip"
            + " files; '" + r.name() + "' is none of them"));
      }
    }
    return deployFrom(ctx, request, 0, new ArrayList<>(), new ArrayList<>());
  }

  static boolean hasDeployableSuffix(String name) {
    for (String suffix : RESOURCE_SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  private CompletableFuture<Deployment> deployFrom(
      CallContext ctx, DeployRequest request, int index, List<String> ids, List<DeployedDefinition> definitions) {
    if (index == request.resources().size()) {
      return CompletableFuture.completedFuture(new Deployment(String.join(",", ids), definitions));
    }
    Resource resource = request.resources().get(index);
    RestBody body = RestBody.multipart()
        .field("deploymentName", request.name())
        .field("tenantId", request.tenantId())
        .file("file", resource.name(), contentTypeOf(resource.name()), resource.content())
        .build();
    CompletableFuture<String> deployed = http.call(ctx,
        RestRequest.post("repository", "deployments").body(body).build(),
        r -> requireText(r.json(), "id"));
    return RestFutures.compose(deployed, deploymentId -> RestFutures.compose(
        http.call(ctx, RestRequest.get("repository", "process-definitions")
                .query("deploymentId", deploymentId)
                .query("size", DEFINITIONS_PAGE)
                .query("sort", "key")
                .build(),
            r -> definitionsOf(r.json(), resource.name())),
        defs -> {
          ids.add(deploymentId);
          definitions.addAll(defs);
          return deployFrom(ctx, request, index + 1, ids, definitions);
        }));
  }

  private static String contentTypeOf(String name) {
    return name.endsWith(".bar") || name.endsWith(".zip") ? "application/zip" : "application/xml";
  }

  private static List<DeployedDefinition> definitionsOf(JsonNode page, String resourceName) {
    JsonNode data = page.get("data");
    if (data == null || !data.isArray()) {
      throw new IllegalStateException("no data array");
    }
    List<DeployedDefinition> out = new ArrayList<>();
    for (JsonNode d : data) {
      String resource = resourceName;
      String url = FlowableJson.text(d, "resource");
      if (url != null && url.contains("/resources/")) {
        resource = URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
      }
      if (!d.hasNonNull("version")) {
        throw new IllegalStateException("a definition has no version");
      }
      out.add(new DeployedDefinition(requireText(d, "key"), d.get("version").asInt(), requireText(d, "id"),
          resource, emptyToNull(FlowableJson.text(d, "tenantId"))));
    }
    return out;
  }

  // ------------------------------------------------------------------------------- start

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    return start(ctx, request, null, false);
  }

  /** Start with Flowable's extras; {@code transientVariables} may be null. */
  public CompletableFuture<Instance> start(
      CallContext ctx, StartRequest request, Map<String, ?> transientVariables, boolean returnVariables) {
    ObjectNode body = NODES.objectNode();
    DefinitionRef ref = request.definition();
    if (ref != null && !ref.isByKey() && ref.version() != null) {
      // A given version needs Flowable's definition id: look it up first.
      CompletableFuture<String> definitionId = http.call(ctx, RestRequest.get("repository", "process-definitions")
              .query("key", ref.id())
              .query("version", ref.version())
              .query("tenantId", request.tenantId())
              .build(),
          r -> {
            JsonNode data = r.json().get("data");
            if (data == null || !data.isArray()) {
              throw new IllegalStateException("no data array");
            }
            if (data.isEmpty()) {
              throw ErrorKind.DEFINITION_NOT_FOUND.toException(ErrorInfo.answered(ENGINE, ctx.operation(), "200", null,
                  "no process definition with key '" + ref.id() + "' and version " + ref.version(), r.requestId()));
            }
            return requireText(data.get(0), "id");
          });
      return RestFutures.compose(definitionId, id -> {
        body.put("processDefinitionId", id);
        return postStart(ctx, body, request, transientVariables, returnVariables);
      });
    }
    if (ref != null) {
      body.put(ref.isByKey() ? "processDefinitionId" : "processDefinitionKey", ref.isByKey() ? ref.key() : ref.id());
    } else {
      body.put("message", request.messageName());
    }
    return postStart(ctx, body, request, transientVariables, returnVariables);
  }

  private CompletableFuture<Instance> postStart(CallContext ctx, ObjectNode body, StartRequest request,
      Map<String, ?> transientVariables, boolean returnVariables) {
    if (request.businessKey() != null) {
      body.put("businessKey", request.businessKey());
    }
    if (request.tenantId() != null) {
      body.put("tenantId", request.tenantId());
    }
    if (!request.variables().isEmpty()) {
      body.set("variables", FlowableJson.variables(request.variables()));
    }
    if (transientVariables != null && !transientVariables.isEmpty()) {
      body.set("transientVariables", FlowableJson.variables(transientVariables));
    }
    if (returnVariables) {
      body.put("returnVariables", true);
    }
    return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES).json(body).build(),
        r -> FlowableJson.runtimeInstance(r.json()));
  }

  // ------------------------------------------------------------------------------- get / list

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    CompletableFuture<RestResponse> runtime = http.transport().send(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId).build());
    return RestFutures.compose(runtime, r -> {
      if (r.status() != 404) {
        return CompletableFuture.completedFuture(http.read(ctx.operation(), r, x -> FlowableJson.runtimeInstance(x.json())));
      }
      // Not in the runtime: an ended instance lives on in history.
      return RestFutures.map(http.transport().send(ctx, RestRequest.get("history", "historic-process-instances", instanceId).build()),
          h -> h.status() == 404
              ? rethrow(http.error(ctx.operation(), r))
              : http.read(ctx.operation(), h, x -> FlowableJson.historicInstance(x.json())));
    });
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    long offset;
    try {
      offset = offset(ctx.operation(), query.pageToken());
    } catch (WorkflowException e) {
      return failed(e);
    }
    Boolean suspended = null;
    if (query.state() == InstanceState.SUSPENDED) {
      suspended = true;
    } else if (query.state() == InstanceState.RUNNING) {
      suspended = false;
    } else if (query.state() != null) {
      return failed(ErrorKind.UNSUPPORTED.toException(new ErrorInfo(ENGINE, ctx.operation(), null, null,
          "Flowable's runtime lists RUNNING and SUSPENDED instances only; cannot list " + query.state(), null, false)));
    }
    RestRequest request = RestRequest.get(RUNTIME, INSTANCES)
        .query("processDefinitionKey", query.definitionId())
        .query("businessKey", query.businessKey())
        .query("tenantId", query.tenantId())
        .query("suspended", suspended)
        .query("sort", "id")
        .query("order", "asc")
        .query("start", offset)
        .query("size", query.pageSize())
        .build();
    return http.call(ctx, request, r -> page(r.json(), offset, FlowableJson::runtimeInstance));
  }

  /** Flowable's query with variable filters ({@code POST query/process-instances}). */
  public CompletableFuture<Page<Instance>> query(CallContext ctx, FlowableInstanceQuery query) {
    long offset;
    try {
      offset = offset(ctx.operation(), query.pageToken());
    } catch (WorkflowException e) {
      return failed(e);
    }
    ObjectNode body = NODES.objectNode();
    putIfNotNull(body, "processDefinitionKey", query.processDefinitionKey());
    putIfNotNull(body, "processDefinitionId", query.processDefinitionId());
    putIfNotNull(body, "processBusinessKey", query.businessKey());
    putIfNotNull(body, "tenantId", query.tenantId());
    putIfNotNull(body, "involvedUser", query.involvedUser());
    if (query.suspended() != null) {
      body.put("suspended", query.suspended());
    }
    if (query.includeProcessVariables()) {
      body.put("includeProcessVariables", true);
    }
    if (!query.variables().isEmpty()) {
      ArrayNode filters = body.putArray("variables");
      for (FlowableInstanceQuery.VariableFilter f : query.variables()) {
        ObjectNode v = FlowableJson.variable(f.name(), f.value());
        v.put("operation", f.operation().wireName());
        filters.add(v);
      }
    }
    String sort = query.sort() == null ? "id" : query.sort();
    String order = query.descending() ? "desc" : "asc";
    body.put("sort", sort);
    body.put("order", order);
    body.put("start", offset);
    body.put("size", query.pageSize());
    RestRequest request = RestRequest.post("query", INSTANCES)
        .query("sort", sort)
        .query("order", order)
        .query("start", offset)
        .query("size", query.pageSize())
        .json(body)
        .build();
    return http.call(ctx, request, r -> page(r.json(), offset, FlowableJson::runtimeInstance));
  }

  private static long offset(Operation op, String pageToken) {
    if (pageToken == null) {
      return 0;
    }
    try {
      long offset = Long.parseLong(pageToken);
      if (offset < 0) {
        throw new NumberFormatException();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw Args.invalid(ENGINE, op, "not a page token of this client: '" + pageToken + "'");
    }
  }

  private static <T> Page<T> page(JsonNode body, long offset, Function<JsonNode, T> item) {
    JsonNode data = body.get("data");
    if (data == null || !data.isArray()) {
      throw new IllegalStateException("no data array");
    }
    List<T> items = new ArrayList<>(data.size());
    for (JsonNode d : data) {
      items.add(item.apply(d));
    }
    long total = body.hasNonNull("total") ? body.get("total").asLong() : -1;
    long next = offset + items.size();
    boolean more = !items.isEmpty() && (total < 0 || next < total);
    return new Page<>(items, more ? Long.toString(next) : null, total);
  }

  // ------------------------------------------------------------------------------- instance actions

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId).build());
  }

  @Override
  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId).query("deleteReason", reason).build());
  }

  @Override
  public CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return action(ctx, instanceId, "suspend");
  }

  @Override
  public CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return action(ctx, instanceId, "activate");
  }

  private CompletableFuture<Void> action(CallContext ctx, String instanceId, String action) {
    ObjectNode body = NODES.objectNode().put("action", action);
    return http.call(ctx, RestRequest.put(RUNTIME, INSTANCES, instanceId).json(body).build());
  }

  // ------------------------------------------------------------------------------- variables

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return RestFutures.map(getTypedVariables(ctx, instanceId), FlowableJson::valuesByName);
  }

  /** Every variable with its type; from history when the instance has ended. */
  public CompletableFuture<List<FlowableVariable>> getTypedVariables(CallContext ctx, String instanceId) {
    CompletableFuture<RestResponse> runtime =
        http.transport().send(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables").build());
    return RestFutures.compose(runtime, r -> {
      if (r.status() != 404 || !isMissingExecution(r)) {
        return CompletableFuture.completedFuture(
            http.read(ctx.operation(), r, x -> FlowableJson.readVariables(x.json())));
      }
      return historicVariables(ctx, instanceId, r);
    });
  }

  @Override
  public CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    CompletableFuture<RestResponse> runtime =
        http.transport().send(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables", name).build());
    return RestFutures.compose(runtime, r -> {
      if (r.status() != 404 || !isMissingExecution(r)) {
        return CompletableFuture.completedFuture(
            http.read(ctx.operation(), r, x -> FlowableJson.readVariable(x.json()).value()));
      }
      return RestFutures.map(historicVariables(ctx, instanceId, r), vars -> {
        for (FlowableVariable v : vars) {
          if (v.name().equals(name)) {
            return v.value();
          }
        }
        throw ErrorKind.VARIABLE_NOT_FOUND.toException(ErrorInfo.answered(ENGINE, ctx.operation(), null, null,
            "ended instance '" + instanceId + "' has no variable '" + name + "'", null));
      });
    });
  }

  /** The variables of an ended instance, from history; the runtime's 404 when history has no such instance either. */
  private CompletableFuture<List<FlowableVariable>> historicVariables(
      CallContext ctx, String instanceId, RestResponse runtimeNotFound) {
    RestRequest request = RestRequest.get("history", "historic-process-instances")
        .query("processInstanceId", instanceId)
        .query("includeProcessVariables", true)
        .build();
    return RestFutures.map(http.transport().send(ctx, request), h -> http.read(ctx.operation(), h, x -> {
      JsonNode data = x.json().get("data");
      if (data == null || !data.isArray()) {
        throw new IllegalStateException("no data array");
      }
      if (data.isEmpty()) {
        throw http.error(ctx.operation(), runtimeNotFound);
      }
      JsonNode vars = data.get(0).get("variables");
      return vars == null || vars.isNull() ? List.of() : FlowableJson.readVariables(vars);
    }));
  }

  private static boolean isMissingExecution(RestResponse r) {
    String text = r.text();
    return text.contains("Could not find an execution") || text.contains("Could not find a process instance");
  }

  @Override
  public CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return CompletableFuture.completedFuture(null); // Flowable rejects an empty list; nothing to do
    }
    return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES, instanceId, "variables")
        .json(FlowableJson.variables(variables)).build());
  }

  @Override
  public CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return http.call(ctx, RestRequest.put(RUNTIME, INSTANCES, instanceId, "variables")
        .json(FlowableJson.variables(variables)).build());
  }

  /** Creates ({@code create}) or creates-or-replaces a binary variable by multipart. */
  public CompletableFuture<FlowableVariable> binaryVariable(
      CallContext ctx, String instanceId, String name, byte[] content, boolean create) {
    RestBody body = RestBody.multipart()
        .field("name", name)
        .field("type", "binary")
        .file("file", name, "application/octet-stream", content)
        .build();
    // The docs put updates on the collection, but 7.2.0 treats a multipart PUT there as a create
    // (500 "already present"): updates go to the variable itself.
    RestRequest.Builder request = create
        ? RestRequest.post(RUNTIME, INSTANCES, instanceId, "variables")
        : RestRequest.put(RUNTIME, INSTANCES, instanceId, "variables", name);
    return http.call(ctx, request.body(body).build(), r -> FlowableJson.readVariable(r.json()));
  }

  /** The raw value of a binary variable. */
  public CompletableFuture<byte[]> binaryVariableData(CallContext ctx, String instanceId, String name) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables", name, "data")
        .header("Accept", "application/octet-stream, */*").build(), r -> r.body().clone());
  }

  // ------------------------------------------------------------------------------- messages

  @Override
  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    CompletableFuture<JsonNode> waiting;
    if (request.correlationKey() == null) {
      waiting = waitingExecutions(ctx, request, null);
    } else {
      // Executions below the process instance carry no business key: find the instances first.
      RestRequest instances = RestRequest.get(RUNTIME, INSTANCES)
          .query("businessKey", request.correlationKey())
          .query("tenantId", request.tenantId())
          .query("sort", "id")
          .query("size", CORRELATION_CANDIDATES)
          .build();
      CompletableFuture<List<String>> ids = http.call(ctx, instances, r -> {
        List<String> found = new ArrayList<>();
        dataArray(r.json()).forEach(n -> found.add(requireText(n, "id")));
        if (found.isEmpty()) {
          found.add(request.correlationKey()); // no such business key: try it as an instance id
        }
        return found;
      });
      waiting = RestFutures.compose(ids, list -> firstWaiting(ctx, request, list, 0));
    }
    return RestFutures.compose(waiting, data -> {
      if (!data.isEmpty()) {
        JsonNode execution = data.get(0);
        String executionId = requireText(execution, "id");
        String instanceId = FlowableJson.text(execution, "processInstanceId");
        return RestFutures.map(messageExecution(ctx, executionId, request.name(), request.variables()),
            v -> new MessageReceipt(null, instanceId == null ? executionId : instanceId));
      }
      // Nothing waits: a message start event may take it.
      ObjectNode body = NODES.objectNode().put("message", request.name());
      putIfNotNull(body, "businessKey", request.correlationKey());
      putIfNotNull(body, "tenantId", request.tenantId());
      if (!request.variables().isEmpty()) {
        body.set("variables", FlowableJson.variables(request.variables()));
      }
      return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES).json(body).build(),
          r -> new MessageReceipt(null, requireText(r.json(), "id")));
    });
  }

  /** The executions of the first candidate instance that wait for the message (an empty array when none). */
  private CompletableFuture<JsonNode> firstWaiting(
      CallContext ctx, MessageRequest request, List<String> instanceIds, int index) {
    if (index == instanceIds.size()) {
      return CompletableFuture.completedFuture(NODES.arrayNode());
    }
    return RestFutures.compose(waitingExecutions(ctx, request, instanceIds.get(index)),
        data -> data.isEmpty() ? firstWaiting(ctx, request, instanceIds, index + 1)
            : CompletableFuture.completedFuture(data));
  }

  private CompletableFuture<JsonNode> waitingExecutions(CallContext ctx, MessageRequest request, String instanceId) {
    RestRequest waiting = RestRequest.get(RUNTIME, "executions")
        .query("messageEventSubscriptionName", request.name())
        .query("processInstanceId", instanceId)
        .query("tenantId", request.tenantId())
        .query("size", 1)
        .build();
    return http.call(ctx, waiting, r -> dataArray(r.json()));
  }

  /** Delivers a message to the execution of {@code instanceId} subscribed to it. */
  public CompletableFuture<Void> messageInstance(
      CallContext ctx, String instanceId, String messageName, Map<String, ?> variables) {
    RestRequest waiting = RestRequest.get(RUNTIME, "executions")
        .query("processInstanceId", instanceId)
        .query("messageEventSubscriptionName", messageName)
        .query("size", 1)
        .build();
    CompletableFuture<JsonNode> executions = http.call(ctx, waiting, r -> dataArray(r.json()));
    return RestFutures.compose(executions, data -> {
      if (data.isEmpty()) {
        return failed(ErrorKind.INSTANCE_NOT_FOUND.toException(ErrorInfo.answered(ENGINE, ctx.operation(), null, null,
            "no execution of instance '" + instanceId + "' waits for message '" + messageName + "'", null)));
      }
      return messageExecution(ctx, requireText(data.get(0), "id"), messageName, variables);
    });
  }

  public CompletableFuture<Void> completeTask(
      CallContext ctx, String instanceId, String taskKey, Map<String, ?> variables) {
    RestRequest open = RestRequest.get(RUNTIME, "tasks")
        .query("processInstanceId", instanceId)
        .query("taskDefinitionKey", taskKey)
        .query("size", 1)
        .build();
    CompletableFuture<JsonNode> tasks = http.call(ctx, open, r -> dataArray(r.json()));
    return RestFutures.compose(tasks, data -> {
      if (data.isEmpty()) {
        return failed(ErrorKind.NOT_FOUND.toException(ErrorInfo.answered(ENGINE, ctx.operation(), null, null,
            "instance '" + instanceId + "' has no open task '" + taskKey + "'", null)));
      }
      ObjectNode body = NODES.objectNode().put("action", "complete");
      if (variables != null && !variables.isEmpty()) {
        body.set("variables", FlowableJson.variables(variables));
      }
      return http.call(ctx, RestRequest.post(RUNTIME, "tasks", requireText(data.get(0), "id")).json(body).build());
    });
  }

  private CompletableFuture<Void> messageExecution(
      CallContext ctx, String executionId, String messageName, Map<String, ?> variables) {
    ObjectNode body = NODES.objectNode()
        .put("action", "messageEventReceived")
        .put("messageName", messageName);
    if (variables != null && !variables.isEmpty()) {
      body.set("variables", FlowableJson.variables(variables));
    }
    return http.call(ctx, RestRequest.put(RUNTIME, "executions", executionId).json(body).build());
  }

  /** Throws a signal ({@code POST runtime/signals}). */
  public CompletableFuture<Void> signal(
      CallContext ctx, String signalName, String tenantId, Map<String, ?> variables, boolean async) {
    ObjectNode body = NODES.objectNode().put("signalName", signalName);
    putIfNotNull(body, "tenantId", tenantId);
    if (async) {
      body.put("async", true);
    }
    if (variables != null && !variables.isEmpty()) {
      body.set("variables", FlowableJson.variables(variables));
    }
    return http.call(ctx, RestRequest.post(RUNTIME, "signals").json(body).build());
  }

  // ------------------------------------------------------------------------------- identity links, diagram

  public CompletableFuture<List<IdentityLink>> identityLinks(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "identitylinks").build(), r -> {
      JsonNode array = r.json();
      if (!array.isArray()) {
        throw new IllegalStateException("not a JSON array");
      }
      List<IdentityLink> links = new ArrayList<>();
      array.forEach(n -> links.add(FlowableJson.identityLink(n)));
      return links;
    });
  }

  public CompletableFuture<IdentityLink> addIdentityLink(CallContext ctx, String instanceId, String user, String type) {
    // The docs say "userId"; Flowable 6/7 reads "user" (RestIdentityLink).
    ObjectNode body = NODES.objectNode().put("user", user).put("type", type);
    return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES, instanceId, "identitylinks").json(body).build(),
        r -> FlowableJson.identityLink(r.json()));
  }

  public CompletableFuture<Void> removeIdentityLink(CallContext ctx, String instanceId, String user, String type) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId, "identitylinks", "users", user, type)
        .build());
  }

  public CompletableFuture<byte[]> diagram(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "diagram")
        .header("Accept", "image/png, */*").build(), r -> r.body().clone());
  }

  // ------------------------------------------------------------------------------- helpers

  private static JsonNode dataArray(JsonNode body) {
    JsonNode data = body.get("data");
    if (data == null || !data.isArray()) {
      throw new IllegalStateException("no data array");
    }
    return data;
  }

  private static String requireText(JsonNode node, String field) {
    String v = FlowableJson.text(node, field);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException("no '" + field + "'");
    }
    return v;
  }

  private static void putIfNotNull(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static <T> T rethrow(WorkflowException e) {
    throw e;
  }

  private static <T> CompletableFuture<T> failed(Throwable e) {
    return CompletableFuture.failedFuture(e);
  }

}
