package io.flowport.testkit.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.NodeState;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.MessageIdDeduplication;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.GroupSnapshot;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.StartCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The in-memory engine as an {@link EngineBackend}. The engine runs synchronously, so every
 * attempt completes before it returns; engine errors map to the unified kinds through {@link
 * #ERRORS}, keyed on the engine's reason (carried as the engine code).
 */
public final class InMemoryBackend implements EngineBackend {
  private static final BackendTraits TRAITS = new BackendTraits(true, true);

  /** Engine reason → meaning, operation-aware where the meaning depends on the call. */
  public static final ErrorTable ERRORS = ErrorTable.builder(InMemoryWorkflowClient.ENGINE)
      // Zeebe and Flowable both answer "not found" to cancelling an instance that has ended.
      .row(Operation.CANCEL_INSTANCE, null, "ILLEGAL_STATE", ErrorKind.INSTANCE_NOT_FOUND)
      // Cloudify answers 404 to cancelling a group with no member left to cancel (notes §6 1.9).
      .row(Operation.CANCEL_GROUP, null, "ILLEGAL_STATE", ErrorKind.NOT_FOUND)
      .row(null, null, "GROUP_NOT_FOUND", ErrorKind.NOT_FOUND)
      .row(null, null, "DEFINITION_NOT_FOUND", ErrorKind.DEFINITION_NOT_FOUND)
      .row(null, null, "INSTANCE_NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
      .row(null, null, "NODE_NOT_FOUND", ErrorKind.NODE_NOT_FOUND)
      .row(null, null, "VARIABLE_NOT_FOUND", ErrorKind.VARIABLE_NOT_FOUND)
      .row(null, null, "JOB_NOT_FOUND", ErrorKind.NOT_FOUND)
      .row(null, null, "INCIDENT_NOT_FOUND", ErrorKind.NOT_FOUND)
      .row(null, null, "INVALID_DEFINITION", ErrorKind.INVALID_DEFINITION)
      .row(null, null, "INVALID_ARGUMENT", ErrorKind.INVALID_REQUEST)
      .row(null, null, "NO_START_EVENT", ErrorKind.NO_START_EVENT)
      .row(null, null, "ALREADY_EXISTS", ErrorKind.ALREADY_EXISTS)
      .row(null, null, "ILLEGAL_STATE", ErrorKind.ILLEGAL_TRANSITION)
      .row(null, null, "STALE_VERSION", ErrorKind.STALE_VERSION)
      .row(null, null, "TIMEOUT", ErrorKind.TIMEOUT)
      .build();

  private static final Set<Operation> CAPABILITIES = Set.of(
      Operation.DEPLOY, Operation.START_INSTANCE, Operation.START_AND_AWAIT, Operation.GET_INSTANCE,
      Operation.LIST_INSTANCES, Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE,
      Operation.RESUME_INSTANCE, Operation.RETRY_INSTANCE, Operation.DELETE_INSTANCE,
      Operation.GET_VARIABLES, Operation.GET_VARIABLE, Operation.CREATE_VARIABLES,
      Operation.UPSERT_VARIABLES, Operation.PUBLISH_MESSAGE, Operation.GET_NODE_TREE,
      Operation.PAUSE_NODE, Operation.RESUME_NODE, Operation.RETRY_NODE, Operation.SKIP_NODE,
      Operation.SKIP_EXCLUSIVE_GATEWAY, Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
      Operation.FORCE_FAIL_NODE, Operation.CALLBACK_NODE, Operation.RETRY_SUBPROCESS,
      Operation.GET_NODE_DATA, Operation.GET_NODE_HISTORY, Operation.START_GROUP, Operation.CANCEL_GROUP,
      Operation.SET_GROUP_CONCURRENCY, Operation.SET_GROUP_TARGETS);

  private final InMemoryEngine engine;

  public InMemoryBackend(InMemoryEngine engine) {
    this.engine = engine;
  }

  @Override
  public String engine() {
    return InMemoryWorkflowClient.ENGINE;
  }

  /** The engine answers synchronously on the caller's thread; start-and-await has its own timeout within the attempt's. */
  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  /** Like Zeebe, the in-memory engine rejects a repeated message id only while the first message is buffered. */
  @Override
  public MessageIdDeduplication messageIdDeduplication() {
    return MessageIdDeduplication.WHILE_BUFFERED;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    // The engine belongs to whoever created it.
  }

  /** Runs one engine call, turning its EngineException into the unified exception. */
  private static <T> CompletableFuture<T> run(CallContext ctx, Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (EngineException e) {
      return CompletableFuture.failedFuture(toWorkflowException(ctx.operation(), e));
    }
  }

  private static CompletableFuture<Void> runVoid(CallContext ctx, Runnable call) {
    return run(ctx, () -> {
      call.run();
      return null;
    });
  }

  /** The unified exception for an engine error in {@code operation}. */
  public static RuntimeException toWorkflowException(Operation operation, EngineException e) {
    return ERRORS.toException(operation, null, e.reason().name(), e.getMessage(), null, e);
  }

  @Override
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    return run(ctx, () -> {
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (Resource r : request.resources()) {
        resources.put(r.name(), r.content());
      }
      io.flowport.testkit.engine.EngineDeployment d = engine.deploy(request.tenantId(), resources);
      return new Deployment(d.key(), d.definitions().stream()
          .map(def -> new DeployedDefinition(def.processId(), def.version(), def.key(), def.resourceName(), def.tenantId()))
          .toList());
    });
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    return run(ctx, () -> toInstance(engine.start(toCommand(request))));
  }

  @Override
  public CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
    InstanceSnapshot started;
    try {
      started = engine.start(toCommand(request));
    } catch (EngineException e) {
      return CompletableFuture.failedFuture(toWorkflowException(ctx.operation(), e));
    }
    return engine.awaitCompletion(started.id(), timeout)
        .handle((snapshot, error) -> {
          if (error != null) {
            Throwable cause = CallExecutor.unwrap(error);
            Throwable mapped = cause instanceof EngineException ee ? toWorkflowException(ctx.operation(), ee) : cause;
            if (mapped instanceof WorkflowTimeoutException ranOut) {
              // The instance runs on: say which, so the caller reads it rather than starting another.
              mapped = AwaitTimeoutException.of(ranOut, started.id(), null);
            }
            throw new CompletionException(mapped);
          }
          return toInstance(snapshot).withOnlyVariables(request.fetchVariables());
        });
  }

  private static StartCommand toCommand(StartRequest request) {
    StartCommand command;
    if (request.messageName() != null) {
      command = StartCommand.message(request.messageName());
    } else {
      DefinitionRef def = request.definition();
      if (def.isByKey()) {
        command = StartCommand.definitionKey(def.key());
      } else if (def.version() != null) {
        command = StartCommand.process(def.id(), def.version());
      } else {
        command = StartCommand.process(def.id());
      }
    }
    return command.withVariables(request.variables())
        .withBusinessKey(request.businessKey())
        .withTenantId(request.tenantId());
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return run(ctx, () -> toInstance(engine.get(instanceId)));
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    return run(ctx, () -> {
      int offset = parseOffset(query.pageToken());
      InstanceFilter filter = InstanceFilter.all()
          .withProcessId(query.definitionId())
          .withState(query.state() == null ? null : toEngineState(query.state()))
          .withBusinessKey(query.businessKey())
          .withTenantId(query.tenantId());
      if (query.state() != null && toEngineState(query.state()) == null) {
        return new Page<>(List.of(), null, 0); // a state this engine never reports
      }
      List<InstanceSnapshot> all = engine.list(filter);
      int from = Math.min(offset, all.size());
      int to = Math.min(from + query.pageSize(), all.size());
      List<Instance> items = all.subList(from, to).stream().map(InMemoryBackend::toInstance).toList();
      String next = to < all.size() ? Integer.toString(to) : null;
      return new Page<>(items, next, all.size());
    });
  }

  private static int parseOffset(String token) {
    if (token == null) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(token);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the typed error
    }
    throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "invalid page token '" + token + "'");
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return runVoid(ctx, () -> engine.cancel(instanceId));
  }

  @Override
  public CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return runVoid(ctx, () -> engine.suspend(instanceId));
  }

  @Override
  public CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return runVoid(ctx, () -> engine.resume(instanceId));
  }

  @Override
  public CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return runVoid(ctx, () -> engine.retry(instanceId));
  }

  @Override
  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return runVoid(ctx, () -> engine.delete(instanceId));
  }

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return run(ctx, () -> engine.variables(instanceId));
  }

  @Override
  public CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    return run(ctx, () -> engine.variable(instanceId, name));
  }

  @Override
  public CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return runVoid(ctx, () -> engine.createVariables(instanceId, variables));
  }

  @Override
  public CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return runVoid(ctx, () -> engine.upsertVariables(instanceId, variables));
  }

  @Override
  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    return run(ctx, () -> new MessageReceipt(engine.publishMessage(
        MessageCommand.of(request.name(), request.correlationKey())
            .withTtl(request.timeToLive())
            .withMessageId(request.messageId())
            .withVariables(request.variables())
            .withTenantId(request.tenantId())), null));
  }

  @Override
  public CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return run(ctx, () -> toNode(engine.tree(instanceId)));
  }

  @Override
  public CompletableFuture<Void> pauseNode(CallContext ctx, String instanceId, String nodeId) {
    return runVoid(ctx, () -> engine.pauseNode(instanceId, nodeId));
  }

  @Override
  public CompletableFuture<Void> resumeNode(CallContext ctx, String instanceId, String nodeId) {
    return runVoid(ctx, () -> engine.resumeNode(instanceId, nodeId));
  }

  @Override
  public CompletableFuture<Void> retryNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> inputs) {
    return runVoid(ctx, () -> engine.retryNode(instanceId, nodeId, inputs));
  }

  @Override
  public CompletableFuture<Void> skipNode(CallContext ctx, String instanceId, String nodeId) {
    return runVoid(ctx, () -> engine.skipNode(instanceId, nodeId));
  }

  @Override
  public CompletableFuture<Void> skipExclusiveGateway(CallContext ctx, String instanceId, String nodeId, String flowId) {
    return runVoid(ctx, () -> engine.skipExclusiveGateway(instanceId, nodeId, flowId));
  }

  @Override
  public CompletableFuture<Void> skipConditionalParallelGateway(
      CallContext ctx, String instanceId, String nodeId, List<String> flowIds) {
    return runVoid(ctx, () -> engine.skipConditionalParallelGateway(instanceId, nodeId, flowIds));
  }

  @Override
  public CompletableFuture<Void> forceFailNode(CallContext ctx, String instanceId, String nodeId, String message) {
    return runVoid(ctx, () -> engine.forceFail(instanceId, nodeId, message));
  }

  @Override
  public CompletableFuture<Void> callbackNode(
      CallContext ctx, String instanceId, String nodeId, Map<String, Object> data, String version) {
    return runVoid(ctx, () -> engine.callback(instanceId, nodeId, data, version));
  }

  @Override
  public CompletableFuture<Void> retrySubprocess(CallContext ctx, String instanceId, String nodeId) {
    return runVoid(ctx, () -> engine.retrySubprocess(instanceId, nodeId));
  }

  @Override
  public CompletableFuture<NodeData> nodeData(CallContext ctx, String instanceId, String nodeId) {
    return run(ctx, () -> {
      io.flowport.testkit.engine.NodeExecutionData d = engine.executionData(instanceId, nodeId);
      return new NodeData(d.inputs(), d.outputs(), d.errorMessage());
    });
  }

  @Override
  public CompletableFuture<List<NodeHistory>> nodeHistories(CallContext ctx, String instanceId, String nodeId) {
    return run(ctx, () -> engine.histories(instanceId, nodeId).stream()
        .map(h -> new NodeHistory(toNodeState(h.state()), h.loop(), h.retry(), h.skip(),
            h.startTime(), h.finishTime(), h.inputs(), h.outputs()))
        .toList());
  }

  /**
   * Starts the definition {@code workflowId} once per target of the group of targets
   * {@code groupId}. {@code force} changes nothing: this engine has no rule against concurrent
   * executions on one target.
   */
  @Override
  public CompletableFuture<Group> startGroup(CallContext ctx, GroupRequest request) {
    return run(ctx, () -> toGroup(engine.startGroup(
        request.groupId(), request.workflowId(), request.parameters(), request.concurrency())));
  }

  @Override
  public CompletableFuture<Void> cancelGroup(CallContext ctx, String groupId) {
    return runVoid(ctx, () -> engine.cancelGroup(groupId));
  }

  @Override
  public CompletableFuture<Void> setGroupConcurrency(CallContext ctx, String groupId, int concurrency) {
    return runVoid(ctx, () -> engine.setGroupConcurrency(groupId, concurrency));
  }

  @Override
  public CompletableFuture<Void> setGroupTargets(
      CallContext ctx, String groupId, String successGroupId, String failureGroupId) {
    return runVoid(ctx, () -> engine.setGroupTargets(groupId, successGroupId, failureGroupId));
  }

  /** The unified group; the raw status is Cloudify's word for it. */
  static Group toGroup(GroupSnapshot g) {
    InstanceState state = switch (g.status()) {
      case QUEUED -> InstanceState.QUEUED;
      case STARTED -> InstanceState.RUNNING;
      case FAILED -> InstanceState.FAILED;
      case TERMINATED -> InstanceState.COMPLETED;
    };
    return new Group(g.id(), state, g.status().name().toLowerCase(java.util.Locale.ROOT), g.concurrency(), g.instanceIds());
  }

  /** The unified instance for an engine snapshot. */
  public static Instance toInstance(InstanceSnapshot s) {
    return Instance.builder()
        .id(s.id())
        .definitionId(s.processId())
        .definitionKey(s.definitionKey())
        .definitionVersion(s.version())
        .businessKey(s.businessKey())
        .tenantId(s.tenantId())
        .state(toState(s.state()))
        .rawStatus(s.state().name())
        .startTime(s.startTime())
        .endTime(s.endTime())
        .variables(s.variables())
        .build();
  }

  /** Engine state → unified state; the names are the same where both have the state. */
  static InstanceState toState(io.flowport.testkit.engine.InstanceStatus state) {
    return InstanceState.valueOf(state.name());
  }

  /** Unified state → engine state, or null for states this engine never reports. */
  static io.flowport.testkit.engine.InstanceStatus toEngineState(InstanceState state) {
    for (io.flowport.testkit.engine.InstanceStatus s : io.flowport.testkit.engine.InstanceStatus.values()) {
      if (s.name().equals(state.name())) {
        return s;
      }
    }
    return null;
  }

  static NodeState toNodeState(io.flowport.testkit.engine.NodeStatus state) {
    return NodeState.valueOf(state.name());
  }

  static Node toNode(NodeSnapshot n) {
    return new Node(n.id(), n.name(), n.type().name(), toNodeState(n.state()), n.state().name(),
        n.retry(), n.loop(), n.skip(), n.version(), n.startTime(), n.finishTime(),
        n.children().stream().map(InMemoryBackend::toNode).toList());
  }
}
