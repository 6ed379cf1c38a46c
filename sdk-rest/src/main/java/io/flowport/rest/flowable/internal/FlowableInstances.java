package io.flowport.rest.flowable.internal;

import static io.flowport.rest.flowable.internal.FlowablePaths.HISTORIC_INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.HISTORY;
import static io.flowport.rest.flowable.internal.FlowablePaths.INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.PAGING;
import static io.flowport.rest.flowable.internal.FlowablePaths.RUNTIME;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.Checks;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestCalls.Fallback;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.flowable.FlowableInstanceQuery;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Process instances: start, read (runtime, then history for ended ones), list and query, and the
 * instance actions. A start by definition id and version looks the definition up first (two
 * requests in one attempt); get asks the history when the runtime answers 404 (two).
 */
public final class FlowableInstances {
  private final RestCalls http;
  private final FlowableDeployments deployments;

  FlowableInstances(RestCalls http, FlowableDeployments deployments) {
    this.http = http;
    this.deployments = deployments;
  }

  /** Starts an instance with Flowable's extras; {@code transientVariables} may be null. */
  public CompletableFuture<Instance> start(
      CallContext ctx, StartRequest request, Map<String, ?> transientVariables, boolean returnVariables) {
    ObjectNode body = RestJson.object();
    DefinitionRef ref = request.definition();
    if (ref != null && !ref.isByKey() && ref.version() != null) {
      // A given version needs Flowable's definition id: look it up first.
      return RestFutures.compose(deployments.definitionId(ctx, ref.id(), ref.version(), request.tenantId()), id -> {
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
    RestJson.putIfNotNull(body, "businessKey", request.businessKey());
    RestJson.putIfNotNull(body, "tenantId", request.tenantId());
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

  /** The instance from the runtime; an ended one from history; the runtime's 404 when neither has it. */
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId).build(),
        r -> FlowableJson.runtimeInstance(r.json()),
        Fallback.onStatus(404, notInRuntime -> http.call(ctx,
            RestRequest.get(HISTORY, HISTORIC_INSTANCES, instanceId).build(),
            r -> FlowableJson.historicInstance(r.json()),
            Fallback.onStatus(404, notInHistory -> http.failed(ctx.operation(), notInRuntime)))));
  }

  /** A page of the runtime's instances: RUNNING and SUSPENDED (or any); other states are not supported. */
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    long offset;
    try {
      offset = PAGING.offset(Checks.of(ctx.engine(), ctx.operation()), query.pageToken());
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    Boolean suspended = null;
    if (query.state() == InstanceState.SUSPENDED) {
      suspended = true;
    } else if (query.state() == InstanceState.RUNNING) {
      suspended = false;
    } else if (query.state() != null) {
      return CompletableFuture.failedFuture(ErrorKind.UNSUPPORTED.toException(new ErrorInfo(ctx.engine(),
          ctx.operation(), null, null,
          "Flowable's runtime lists RUNNING and SUSPENDED instances only; cannot list " + query.state(), null, false)));
    }
    RestRequest.Builder request = RestRequest.get(RUNTIME, INSTANCES)
        .query("processDefinitionKey", query.definitionId())
        .query("businessKey", query.businessKey())
        .query("tenantId", query.tenantId())
        .query("suspended", suspended)
        .query("sort", "id")
        .query("order", "asc");
    return http.call(ctx, PAGING.query(request, offset, query.pageSize()).build(),
        r -> PAGING.page(r.json(), offset, FlowableJson::runtimeInstance));
  }

  /** Flowable's query with variable filters ({@code POST query/process-instances}). */
  public CompletableFuture<Page<Instance>> query(CallContext ctx, FlowableInstanceQuery query) {
    long offset;
    try {
      offset = PAGING.offset(Checks.of(ctx.engine(), ctx.operation()), query.pageToken());
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode body = RestJson.object();
    RestJson.putIfNotNull(body, "processDefinitionKey", query.processDefinitionKey());
    RestJson.putIfNotNull(body, "processDefinitionId", query.processDefinitionId());
    RestJson.putIfNotNull(body, "processBusinessKey", query.businessKey());
    RestJson.putIfNotNull(body, "tenantId", query.tenantId());
    RestJson.putIfNotNull(body, "involvedUser", query.involvedUser());
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
    RestRequest.Builder request = RestRequest.post("query", INSTANCES).query("sort", sort).query("order", order);
    return http.call(ctx, PAGING.query(request, offset, query.pageSize()).json(body).build(),
        r -> PAGING.page(r.json(), offset, FlowableJson::runtimeInstance));
  }

  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId).build());
  }

  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId).query("deleteReason", reason).build());
  }

  /** {@code action} is Flowable's: {@code suspend} or {@code activate}. */
  public CompletableFuture<Void> action(CallContext ctx, String instanceId, String action) {
    ObjectNode body = RestJson.object().put("action", action);
    return http.call(ctx, RestRequest.put(RUNTIME, INSTANCES, instanceId).json(body).build());
  }

  /** The instance's diagram as Flowable renders it (PNG bytes). */
  public CompletableFuture<byte[]> diagram(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "diagram")
        .header("Accept", "image/png, */*").build(), r -> {
          String type = r.contentType();
          if (r.body().length == 0 || type != null && !type.startsWith("image/")) {
            throw new IllegalStateException("not a diagram (" + (type == null ? "no content type" : type) + ")");
          }
          return r.body().clone();
        });
  }
}
