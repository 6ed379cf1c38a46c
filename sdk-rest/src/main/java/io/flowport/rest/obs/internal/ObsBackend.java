package io.flowport.rest.obs.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Node;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.RestFutures;
import io.flowport.rest.obs.ObsExecutionPage;
import io.flowport.rest.obs.ObsExecutionQuery;
import io.flowport.rest.obs.ObsNames;
import io.flowport.rest.obs.ObsStates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The unified operations on OBS workflows, over {@link ObsWire}.
 *
 * <ul>
 *   <li>Definition = graph (workflow) name; instance id = {@code <graph>/<execution>} ({@link ObsIds}).
 *       An id without {@code /} names no execution: InstanceNotFoundException without a request.
 *   <li>start = the API start on the client's default bucket and object (OBS starts a workflow on an
 *       object); the variables are the inputs. The instance is RUNNING (OBS answers no state).
 *   <li>get = the execution; its variables are its inputs ({@code input}, a string holding JSON).
 *   <li>list needs the graph ({@code definitionId}); a state filter is applied on the client across
 *       pages; business keys and tenants do not exist on OBS (ClientValidationException).
 *   <li>retry = restore of a FAILED execution; node tree = the state map.
 *   <li>There is no cancel, suspend, delete or message: capabilities say so.
 * </ul>
 */
public final class ObsBackend implements EngineBackend {
  private static final BackendTraits TRAITS = new BackendTraits(true, false);

  private static final Set<Operation> CAPABILITIES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.START_INSTANCE, Operation.GET_INSTANCE, Operation.LIST_INSTANCES, Operation.RETRY_INSTANCE,
      Operation.GET_VARIABLES, Operation.GET_NODE_TREE)));

  private final String engine;
  private final ObsWire wire;
  private final String bucket;
  private final String object;

  /** @param bucket and @param object where unified starts run, or null when only {@code startWorkflow} can start */
  public ObsBackend(String engine, ObsWire wire, String bucket, String object) {
    this.engine = engine;
    this.wire = wire;
    this.bucket = bucket;
    this.object = object;
  }

  /** The OBS calls, for the client's own operations. */
  public ObsWire wire() {
    return wire;
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Secrets secrets() {
    return wire.secrets();
  }

  /** OkHttp's call timeout is the attempt deadline; answers arrive on OkHttp's threads. */
  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  @Override
  public void close() {
    wire.close();
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    try {
      if (request.definition() == null) {
        throw Args.invalid(engine, ctx.operation(), "OBS starts workflows by graph name, not by message");
      }
      if (request.businessKey() != null || request.tenantId() != null) {
        throw Args.invalid(engine, ctx.operation(), "OBS executions have no business key or tenant");
      }
      if (bucket == null) {
        throw Args.invalid(engine, ctx.operation(), "OBS starts a workflow on an object: set the client's "
            + "defaultObject(bucket, object), or use startWorkflow(graph, bucket, object, inputs)");
      }
      String graph = ObsNames.requireGraph(ctx.operation(), request.definition().id());
      Map<String, Object> inputs = request.variables().isEmpty() ? null : request.variables();
      return RestFutures.map(wire.start(ctx, graph, bucket, object, inputs), started -> Instance.builder()
          .id(ObsIds.instanceId(graph, started.executionName()))
          .definitionId(graph)
          .state(InstanceState.RUNNING)
          .rawStatus(ObsStates.RUNNING)
          .startTime(started.startedAt())
          .variables(request.variables())
          .build());
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return withIds(ctx, instanceId, ids -> RestFutures.map(wire.execution(ctx, ids[1], ids[0]), ObsJson::instance));
  }

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return withIds(ctx, instanceId, ids -> RestFutures.map(wire.execution(ctx, ids[1], ids[0]),
        e -> ObsJson.inputs(e.input())));
  }

  @Override
  public CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return withIds(ctx, instanceId, ids -> RestFutures.map(wire.execution(ctx, ids[1], ids[0]), ObsJson::tree));
  }

  @Override
  public CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return withIds(ctx, instanceId, ids -> RestFutures.map(wire.restore(ctx, ids[1], ids[0]), r -> null));
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    try {
      Operation op = ctx.operation();
      if (query.definitionId() == null) {
        throw Args.invalid(engine, op, "OBS lists the executions of one graph: set the query's definitionId");
      }
      if (query.businessKey() != null || query.tenantId() != null) {
        throw Args.invalid(engine, op, "OBS executions have no business key or tenant");
      }
      String graph = ObsNames.requireGraph(op, query.definitionId());
      int limit = Math.min(query.pageSize(), ObsExecutionQuery.MAX_LIMIT);
      CompletableFuture<ObsExecutionPage> page;
      if (query.state() == null) {
        page = wire.page(ctx, graph, null, query.pageToken(), limit);
      } else {
        String raw = ObsStates.rawExecutionState(query.state());
        if (raw == null) { // OBS has no execution in that state (SUSPENDED, CANCELLED...)
          return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0));
        }
        page = wire.filtered(ctx, ObsExecutionQuery.of(graph).state(raw).marker(query.pageToken()).limit(limit).build());
      }
      return RestFutures.map(page, p -> {
        List<Instance> items = new ArrayList<>(p.executions().size());
        p.executions().forEach(e -> items.add(ObsJson.instance(e)));
        return new Page<>(items, p.truncated() ? p.nextMarker() : null, -1);
      });
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> withIds(CallContext ctx, String instanceId,
      java.util.function.Function<String[], CompletableFuture<T>> call) {
    String[] ids = ObsIds.parse(instanceId);
    if (ids == null || ObsNames.graphProblem(ids[0]).isPresent()) {
      return CompletableFuture.failedFuture(ErrorKind.INSTANCE_NOT_FOUND.toException(new ErrorInfo(engine,
          ctx.operation(), null, null, "not an OBS execution id ('<graph>/<execution>'): " + instanceId, null, false)));
    }
    return call.apply(ids);
  }
}
