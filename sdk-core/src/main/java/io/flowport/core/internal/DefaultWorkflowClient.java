package io.flowport.core.internal;

import io.flowport.core.Capabilities;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.Checks;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.JsonValues;
import io.flowport.core.spi.Unsupported;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one {@link WorkflowClient} implementation: checks arguments and capabilities, then runs the
 * backend's attempt through the {@link CallExecutor}. Adapters differ only in their backend.
 */
public final class DefaultWorkflowClient implements WorkflowClient {
  private final EngineBackend backend;
  private final CallExecutor executor;
  private final boolean ownsExecutor;
  private final String engine;
  private final Capabilities capabilities;
  private final boolean nativeAwait;

  private final Definitions definitions = new DefinitionsImpl();
  private final Instances instances = new InstancesImpl();
  private final Variables variables = new VariablesImpl();
  private final Messages messages = new MessagesImpl();
  private final Nodes nodes = new NodesImpl();
  private final Groups groups = new GroupsImpl();

  public DefaultWorkflowClient(EngineBackend backend, CallExecutor executor, boolean ownsExecutor) {
    this.backend = backend;
    this.executor = executor;
    this.ownsExecutor = ownsExecutor;
    this.engine = backend.engine();
    Set<Operation> ops = new LinkedHashSet<>(backend.capabilities());
    this.nativeAwait = ops.contains(Operation.START_AND_AWAIT);
    if (!nativeAwait && ops.contains(Operation.START_INSTANCE) && ops.contains(Operation.GET_INSTANCE)) {
      ops.add(Operation.START_AND_AWAIT); // by polling
    }
    this.capabilities = Capabilities.of(engine, ops);
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Definitions definitions() {
    return definitions;
  }

  @Override
  public Instances instances() {
    return instances;
  }

  @Override
  public Variables variables() {
    return variables;
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public Nodes nodes() {
    return nodes;
  }

  @Override
  public Groups groups() {
    return groups;
  }

  /** The executor, for adapters' engine-specific operations. */
  public CallExecutor executor() {
    return executor;
  }

  @Override
  public void close() {
    // The executor first: it fails the calls still running and cancels their attempts while the
    // backend can still cancel them on the wire; then the backend releases its connections.
    try {
      if (ownsExecutor) {
        executor.close();
      }
    } finally {
      backend.close();
    }
  }

  /**
   * Checks capability, then {@code prepare} (argument checks that throw WorkflowException), then
   * runs the attempt it returns. Never throws.
   */
  private <T> CompletableFuture<T> call(
      Operation op, boolean idempotencyKey, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
    if (!capabilities.supports(op)) {
      return CompletableFuture.failedFuture(Unsupported.exception(engine, op));
    }
    Function<CallContext, CompletableFuture<T>> attempt;
    try {
      attempt = prepare.get();
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
    }
    return executor.execute(op, idempotencyKey, attempt);
  }

  private <T> CompletableFuture<T> call(Operation op, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
    return call(op, false, prepare);
  }

  private String id(Operation op, String what, String value) {
    return Args.requireId(engine, op, what, value);
  }

  private final class DefinitionsImpl implements Definitions {
    @Override
    public CompletableFuture<Deployment> deploy(DeployRequest request) {
      Operation op = Operation.DEPLOY;
      return call(op, () -> {
        Args.requireNonNull(engine, op, "request", request);
        if (request.resources().isEmpty()) {
          throw Args.invalid(engine, op, "a deploy request needs at least one resource");
        }
        request.resources().forEach(r -> id(op, "resource name", r.name()));
        return ctx -> backend.deploy(ctx, request);
      });
    }
  }

  private final class InstancesImpl implements Instances {
    @Override
    public CompletableFuture<Instance> start(StartRequest request) {
      Operation op = Operation.START_INSTANCE;
      return call(op, () -> {
        StartRequest checked = Checks.of(engine, op).start(request);
        return ctx -> backend.start(ctx, checked);
      });
    }

    @Override
    public CompletableFuture<Instance> startAndAwait(StartRequest request, Duration timeout) {
      Operation op = Operation.START_AND_AWAIT;
      if (nativeAwait) {
        if (!capabilities.supports(op)) {
          return CompletableFuture.failedFuture(Unsupported.exception(engine, op));
        }
        StartRequest checked;
        try {
          checked = Checks.of(engine, op).start(request);
          checkTimeout(op, timeout);
        } catch (WorkflowException e) {
          return CompletableFuture.failedFuture(e);
        }
        // The engine waits up to `timeout`: the attempt must be allowed that long, plus the trip.
        return executor.execute(op, false, timeout.plus(GuardedCalls.AWAIT_MARGIN),
            ctx -> backend.startAndAwait(ctx, checked, timeout));
      }
      if (!capabilities.supports(op)) {
        return CompletableFuture.failedFuture(Unsupported.exception(engine, op));
      }
      try {
        checkTimeout(op, timeout);
      } catch (WorkflowException e) {
        return CompletableFuture.failedFuture(e);
      }
      return PollingAwait.run(DefaultWorkflowClient.this, executor, request, timeout);
    }

    private void checkTimeout(Operation op, Duration timeout) {
      Args.requireNonNull(engine, op, "timeout", timeout);
      if (timeout.isNegative() || timeout.isZero()) {
        throw Args.invalid(engine, op, "timeout must be positive, was " + timeout);
      }
    }

    @Override
    public CompletableFuture<Instance> get(String instanceId) {
      Operation op = Operation.GET_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.get(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Page<Instance>> list(InstanceQuery query) {
      Operation op = Operation.LIST_INSTANCES;
      return call(op, () -> {
        Args.requireNonNull(engine, op, "query", query);
        return ctx -> backend.list(ctx, query);
      });
    }

    @Override
    public CompletableFuture<Void> forEach(InstanceQuery query, Consumer<? super Instance> action) {
      if (action == null) {
        return CompletableFuture.failedFuture(Args.invalid(engine, Operation.LIST_INSTANCES, "action must not be null"));
      }
      // Cancelling the walk cancels the page in flight; failures arrive unwrapped, as elsewhere.
      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
      done.whenComplete((v, e) -> {
        CompletableFuture<?> page = inFlight.get();
        if (e != null && page != null) {
          page.cancel(true);
        }
      });
      walk(query, action, done, inFlight);
      return done;
    }

    private void walk(InstanceQuery query, Consumer<? super Instance> action, CompletableFuture<Void> done,
        AtomicReference<CompletableFuture<?>> inFlight) {
      CompletableFuture<Page<Instance>> next = list(query);
      inFlight.set(next);
      if (done.isDone()) {
        next.cancel(true);
        return;
      }
      java.util.function.BiConsumer<Page<Instance>, Throwable> onPage = (page, e) -> {
        if (e != null) {
          done.completeExceptionally(CallExecutor.unwrap(e));
          return;
        }
        try {
          for (Instance item : page.items()) {
            if (done.isDone()) {
              return;
            }
            action.accept(item);
          }
        } catch (RuntimeException | Error actionFailed) {
          done.completeExceptionally(actionFailed);
          return;
        }
        if (page.hasNext()) {
          walk(query.next(page), action, done, inFlight);
        } else {
          done.complete(null);
        }
      };
      // The action runs on the callback executor when the user set one, even if the page
      // arrived before we got here.
      if (executor.options().hasCallbackExecutor()) {
        next.whenCompleteAsync(onPage, executor.options().callbackExecutor());
      } else {
        next.whenComplete(onPage);
      }
    }

    @Override
    public CompletableFuture<Void> cancel(String instanceId) {
      Operation op = Operation.CANCEL_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.cancel(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Void> suspend(String instanceId) {
      Operation op = Operation.SUSPEND_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.suspend(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Void> resume(String instanceId) {
      Operation op = Operation.RESUME_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.resume(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Void> retry(String instanceId) {
      Operation op = Operation.RETRY_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.retry(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Void> delete(String instanceId, String reason) {
      Operation op = Operation.DELETE_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.delete(ctx, instanceId, reason);
      });
    }
  }

  private final class VariablesImpl implements Variables {
    @Override
    public CompletableFuture<Map<String, Object>> getAll(String instanceId) {
      Operation op = Operation.GET_VARIABLES;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.getVariables(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Object> get(String instanceId, String name) {
      Operation op = Operation.GET_VARIABLE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "variable name", name);
        return ctx -> backend.getVariable(ctx, instanceId, name);
      });
    }

    @Override
    public CompletableFuture<Void> create(String instanceId, Map<String, ?> variables) {
      Operation op = Operation.CREATE_VARIABLES;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, variables);
        return ctx -> backend.createVariables(ctx, instanceId, checked);
      });
    }

    @Override
    public CompletableFuture<Void> upsert(String instanceId, Map<String, ?> variables) {
      Operation op = Operation.UPSERT_VARIABLES;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, variables);
        return ctx -> backend.upsertVariables(ctx, instanceId, checked);
      });
    }
  }

  private final class MessagesImpl implements Messages {
    @Override
    public CompletableFuture<MessageReceipt> publish(MessageRequest request) {
      Operation op = Operation.PUBLISH_MESSAGE;
      boolean hasId = request != null && request.messageId() != null && !request.messageId().isBlank();
      return call(op, hasId, () -> {
        Args.requireNonNull(engine, op, "request", request);
        id(op, "message name", request.name());
        Map<String, Object> vars = JsonValues.checkVariables(engine, op, request.variables());
        MessageRequest checked = MessageRequest.builder(request.name(), request.correlationKey())
            .timeToLive(request.timeToLive())
            .messageId(request.messageId())
            .tenantId(request.tenantId())
            .variables(vars)
            .build();
        return ctx -> hasId && ctx.attempt() > 1
            ? alreadyPublishedIsSuccess(backend.publish(ctx, checked))
            : backend.publish(ctx, checked);
      });
    }

    /**
     * On a repeated attempt, "a message with this id exists" means an earlier attempt (whose
     * answer was lost) got through: the message is published, so the call succeeded.
     */
    private CompletableFuture<MessageReceipt> alreadyPublishedIsSuccess(CompletableFuture<MessageReceipt> wire) {
      CompletableFuture<MessageReceipt> result = new CompletableFuture<>();
      wire.whenComplete((receipt, e) -> {
        Throwable error = e == null ? null : CallExecutor.unwrap(e);
        if (error == null) {
          result.complete(receipt);
        } else if (error instanceof AlreadyExistsException) {
          result.complete(new MessageReceipt(null, null));
        } else {
          result.completeExceptionally(error);
        }
      });
      result.whenComplete((v, e) -> {
        if (result.isCancelled()) {
          wire.cancel(true);
        }
      });
      return result;
    }
  }

  private final class NodesImpl implements Nodes {
    private <T> CompletableFuture<T> onNode(
        Operation op, String instanceId, String nodeId, Function<CallContext, CompletableFuture<T>> attempt) {
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "nodeId", nodeId);
        return attempt;
      });
    }

    @Override
    public CompletableFuture<Node> tree(String instanceId) {
      Operation op = Operation.GET_NODE_TREE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.nodeTree(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Void> pause(String instanceId, String nodeId) {
      return onNode(Operation.PAUSE_NODE, instanceId, nodeId, ctx -> backend.pauseNode(ctx, instanceId, nodeId));
    }

    @Override
    public CompletableFuture<Void> resume(String instanceId, String nodeId) {
      return onNode(Operation.RESUME_NODE, instanceId, nodeId, ctx -> backend.resumeNode(ctx, instanceId, nodeId));
    }

    @Override
    public CompletableFuture<Void> retry(String instanceId, String nodeId, Map<String, ?> inputs) {
      Operation op = Operation.RETRY_NODE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "nodeId", nodeId);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, inputs == null ? Map.of() : inputs);
        return ctx -> backend.retryNode(ctx, instanceId, nodeId, checked);
      });
    }

    @Override
    public CompletableFuture<Void> skip(String instanceId, String nodeId) {
      return onNode(Operation.SKIP_NODE, instanceId, nodeId, ctx -> backend.skipNode(ctx, instanceId, nodeId));
    }

    @Override
    public CompletableFuture<Void> skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
      Operation op = Operation.SKIP_EXCLUSIVE_GATEWAY;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "nodeId", nodeId);
        id(op, "flowId", flowId);
        return ctx -> backend.skipExclusiveGateway(ctx, instanceId, nodeId, flowId);
      });
    }

    @Override
    public CompletableFuture<Void> skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
      Operation op = Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "nodeId", nodeId);
        Args.requireNonNull(engine, op, "flowIds", flowIds);
        flowIds.forEach(f -> id(op, "flowId", f));
        List<String> copy = List.copyOf(flowIds);
        return ctx -> backend.skipConditionalParallelGateway(ctx, instanceId, nodeId, copy);
      });
    }

    @Override
    public CompletableFuture<Void> forceFail(String instanceId, String nodeId, String message) {
      return onNode(Operation.FORCE_FAIL_NODE, instanceId, nodeId,
          ctx -> backend.forceFailNode(ctx, instanceId, nodeId, message));
    }

    @Override
    public CompletableFuture<Void> callback(String instanceId, String nodeId, Map<String, ?> data, String version) {
      Operation op = Operation.CALLBACK_NODE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "nodeId", nodeId);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, data == null ? Map.of() : data);
        return ctx -> backend.callbackNode(ctx, instanceId, nodeId, checked, version);
      });
    }

    @Override
    public CompletableFuture<Void> retrySubprocess(String instanceId, String nodeId) {
      return onNode(Operation.RETRY_SUBPROCESS, instanceId, nodeId,
          ctx -> backend.retrySubprocess(ctx, instanceId, nodeId));
    }

    @Override
    public CompletableFuture<NodeData> data(String instanceId, String nodeId) {
      return onNode(Operation.GET_NODE_DATA, instanceId, nodeId, ctx -> backend.nodeData(ctx, instanceId, nodeId));
    }

    @Override
    public CompletableFuture<List<NodeHistory>> histories(String instanceId, String nodeId) {
      return onNode(Operation.GET_NODE_HISTORY, instanceId, nodeId,
          ctx -> backend.nodeHistories(ctx, instanceId, nodeId));
    }
  }

  private final class GroupsImpl implements Groups {
    @Override
    public CompletableFuture<Group> start(GroupRequest request) {
      Operation op = Operation.START_GROUP;
      return call(op, () -> {
        Args.requireNonNull(engine, op, "request", request);
        id(op, "groupId", request.groupId());
        id(op, "workflowId", request.workflowId());
        if (request.concurrency() < 0) {
          throw Args.invalid(engine, op, "concurrency must be at least 0, was " + request.concurrency());
        }
        Map<String, Object> params = JsonValues.checkVariables(engine, op, request.parameters());
        GroupRequest checked = new GroupRequest(
            request.groupId(), request.workflowId(), params, request.concurrency(), request.force());
        return ctx -> backend.startGroup(ctx, checked);
      });
    }

    @Override
    public CompletableFuture<Void> cancel(String groupId) {
      Operation op = Operation.CANCEL_GROUP;
      return call(op, () -> {
        id(op, "groupId", groupId);
        return ctx -> backend.cancelGroup(ctx, groupId);
      });
    }

    @Override
    public CompletableFuture<Void> setConcurrency(String groupId, int concurrency) {
      Operation op = Operation.SET_GROUP_CONCURRENCY;
      return call(op, () -> {
        id(op, "groupId", groupId);
        if (concurrency < 0) {
          throw Args.invalid(engine, op, "concurrency must be at least 0, was " + concurrency);
        }
        return ctx -> backend.setGroupConcurrency(ctx, groupId, concurrency);
      });
    }

    @Override
    public CompletableFuture<Void> setTargetGroups(String groupId, String successGroupId, String failureGroupId) {
      Operation op = Operation.SET_GROUP_TARGETS;
      return call(op, () -> {
        id(op, "groupId", groupId);
        return ctx -> backend.setGroupTargets(ctx, groupId, successGroupId, failureGroupId);
      });
    }
  }
}
