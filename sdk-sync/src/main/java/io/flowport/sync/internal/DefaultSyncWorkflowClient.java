package io.flowport.sync.internal;

import io.flowport.core.Capabilities;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
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
import io.flowport.core.spi.Unsupported;
import io.flowport.sync.SyncWorkflowClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link SyncWorkflowClient} over a {@link WorkflowClient}: each call waits for the future. */
public final class DefaultSyncWorkflowClient implements SyncWorkflowClient {
  /** Names engine-specific calls waited for through {@link #join}, in the rare errors that need one. */
  private static final Operation ENGINE_OPERATIONS = Operation.of("engine operation", false);

  private final WorkflowClient async;
  private final String engine;
  private final Definitions definitions = new DefinitionsImpl();
  private final Instances instances = new InstancesImpl();
  private final Variables variables = new VariablesImpl();
  private final Messages messages = new MessagesImpl();
  private final Nodes nodes = new NodesImpl();
  private final Groups groups = new GroupsImpl();

  public DefaultSyncWorkflowClient(WorkflowClient async) {
    this.async = async;
    this.engine = async.engine();
  }

  private <T> T await(Operation op, CompletableFuture<T> future) {
    return Blocking.await(engine, op, future);
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Capabilities capabilities() {
    return async.capabilities();
  }

  @Override
  public WorkflowClient async() {
    return async;
  }

  @Override
  public <T> T engineOperations(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    if (!type.isInstance(async)) {
      throw Unsupported.exception(engine, ENGINE_OPERATIONS).rethrownHere();
    }
    return type.cast(async);
  }

  @Override
  public <T> T join(CompletableFuture<T> future) {
    Objects.requireNonNull(future, "future == null");
    return Blocking.await(engine, ENGINE_OPERATIONS, future);
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

  @Override
  public void close() {
    async.close();
  }

  @Override
  public String toString() {
    return "SyncWorkflowClient{" + async + "}";
  }

  private final class DefinitionsImpl implements Definitions {
    @Override
    public Deployment deploy(DeployRequest request) {
      return await(Operation.DEPLOY, async.definitions().deploy(request));
    }
  }

  private final class InstancesImpl implements Instances {
    @Override
    public Instance start(StartRequest request) {
      return await(Operation.START_INSTANCE, async.instances().start(request));
    }

    @Override
    public Instance startAndAwait(StartRequest request, Duration timeout) {
      return await(Operation.START_AND_AWAIT, async.instances().startAndAwait(request, timeout));
    }

    @Override
    public Instance get(String instanceId) {
      return await(Operation.GET_INSTANCE, async.instances().get(instanceId));
    }

    @Override
    public Page<Instance> list(InstanceQuery query) {
      return await(Operation.LIST_INSTANCES, async.instances().list(query));
    }

    @Override
    public Stream<Instance> stream(InstanceQuery query) {
      if (query == null) {
        throw Args.invalid(engine, Operation.LIST_INSTANCES, "query must not be null").rethrownHere();
      }
      Spliterator<Instance> pages = new PageSpliterator(query);
      return StreamSupport.stream(pages, false);
    }

    @Override
    public void cancel(String instanceId) {
      await(Operation.CANCEL_INSTANCE, async.instances().cancel(instanceId));
    }

    @Override
    public void suspend(String instanceId) {
      await(Operation.SUSPEND_INSTANCE, async.instances().suspend(instanceId));
    }

    @Override
    public void resume(String instanceId) {
      await(Operation.RESUME_INSTANCE, async.instances().resume(instanceId));
    }

    @Override
    public void retry(String instanceId) {
      await(Operation.RETRY_INSTANCE, async.instances().retry(instanceId));
    }

    @Override
    public void delete(String instanceId, String reason) {
      await(Operation.DELETE_INSTANCE, async.instances().delete(instanceId, reason));
    }
  }

  /** Walks the pages of a query, fetching the next one only when the current one is used up. */
  private final class PageSpliterator extends Spliterators.AbstractSpliterator<Instance> {
    private InstanceQuery next;
    private Iterator<Instance> current = java.util.Collections.emptyIterator();

    PageSpliterator(InstanceQuery first) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.next = first;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Instance> action) {
      while (!current.hasNext()) {
        if (next == null) {
          return false;
        }
        Page<Instance> page = await(Operation.LIST_INSTANCES, async.instances().list(next));
        next = page.hasNext() ? next.next(page) : null;
        current = page.items().iterator();
      }
      action.accept(current.next());
      return true;
    }
  }

  private final class VariablesImpl implements Variables {
    @Override
    public Map<String, Object> getAll(String instanceId) {
      return await(Operation.GET_VARIABLES, async.variables().getAll(instanceId));
    }

    @Override
    public Object get(String instanceId, String name) {
      return await(Operation.GET_VARIABLE, async.variables().get(instanceId, name));
    }

    @Override
    public void create(String instanceId, Map<String, ?> variables) {
      await(Operation.CREATE_VARIABLES, async.variables().create(instanceId, variables));
    }

    @Override
    public void upsert(String instanceId, Map<String, ?> variables) {
      await(Operation.UPSERT_VARIABLES, async.variables().upsert(instanceId, variables));
    }
  }

  private final class MessagesImpl implements Messages {
    @Override
    public MessageReceipt publish(MessageRequest request) {
      return await(Operation.PUBLISH_MESSAGE, async.messages().publish(request));
    }
  }

  private final class NodesImpl implements Nodes {
    @Override
    public Node tree(String instanceId) {
      return await(Operation.GET_NODE_TREE, async.nodes().tree(instanceId));
    }

    @Override
    public void pause(String instanceId, String nodeId) {
      await(Operation.PAUSE_NODE, async.nodes().pause(instanceId, nodeId));
    }

    @Override
    public void resume(String instanceId, String nodeId) {
      await(Operation.RESUME_NODE, async.nodes().resume(instanceId, nodeId));
    }

    @Override
    public void retry(String instanceId, String nodeId, Map<String, ?> inputs) {
      await(Operation.RETRY_NODE, async.nodes().retry(instanceId, nodeId, inputs));
    }

    @Override
    public void skip(String instanceId, String nodeId) {
      await(Operation.SKIP_NODE, async.nodes().skip(instanceId, nodeId));
    }

    @Override
    public void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
      await(Operation.SKIP_EXCLUSIVE_GATEWAY, async.nodes().skipExclusiveGateway(instanceId, nodeId, flowId));
    }

    @Override
    public void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
      await(Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
          async.nodes().skipConditionalParallelGateway(instanceId, nodeId, flowIds));
    }

    @Override
    public void forceFail(String instanceId, String nodeId, String message) {
      await(Operation.FORCE_FAIL_NODE, async.nodes().forceFail(instanceId, nodeId, message));
    }

    @Override
    public void callback(String instanceId, String nodeId, Map<String, ?> data, String version) {
      await(Operation.CALLBACK_NODE, async.nodes().callback(instanceId, nodeId, data, version));
    }

    @Override
    public void retrySubprocess(String instanceId, String nodeId) {
      await(Operation.RETRY_SUBPROCESS, async.nodes().retrySubprocess(instanceId, nodeId));
    }

    @Override
    public NodeData data(String instanceId, String nodeId) {
      return await(Operation.GET_NODE_DATA, async.nodes().data(instanceId, nodeId));
    }

    @Override
    public List<NodeHistory> histories(String instanceId, String nodeId) {
      return await(Operation.GET_NODE_HISTORY, async.nodes().histories(instanceId, nodeId));
    }
  }

  private final class GroupsImpl implements Groups {
    @Override
    public Group start(GroupRequest request) {
      return await(Operation.START_GROUP, async.groups().start(request));
    }

    @Override
    public void cancel(String groupId) {
      await(Operation.CANCEL_GROUP, async.groups().cancel(groupId));
    }

    @Override
    public void setConcurrency(String groupId, int concurrency) {
      await(Operation.SET_GROUP_CONCURRENCY, async.groups().setConcurrency(groupId, concurrency));
    }

    @Override
    public void setTargetGroups(String groupId, String successGroupId, String failureGroupId) {
      await(Operation.SET_GROUP_TARGETS, async.groups().setTargetGroups(groupId, successGroupId, failureGroupId));
    }
  }
}
