package io.flowport.sync;

import io.flowport.core.Capabilities;
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
import io.flowport.sync.internal.DefaultSyncWorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The blocking client of one workflow engine: the operations of {@link WorkflowClient}, in the
 * same groups, each waiting for its result.
 *
 * <pre>{@code
 * try (SyncWorkflowClient client = SyncWorkflowClient.of(WorkflowClients.create(config))) {
 *   Instance started = client.instances().start(StartRequest.of("order").build());
 *   client.instances().stream(InstanceQuery.all()).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <h2>Errors</h2>
 * Every method throws the {@link io.flowport.core.error.WorkflowException} subtype the async
 * future would carry, never {@code CompletionException} or {@code ExecutionException}. It is a
 * copy made on the calling thread ({@link io.flowport.core.error.WorkflowException#rethrownHere()}),
 * so its stack trace shows the caller's frames; the exception from the async side is its cause.
 * Other unchecked exceptions (a {@code CancellationException} when someone cancelled the call
 * through {@link #async()}) are thrown as they are.
 *
 * <h2>Interruption</h2>
 * When the waiting thread is interrupted, the call is cancelled (and with it the request on the
 * wire and any further retries), the thread's interrupt flag is set again, and a
 * {@link java.util.concurrent.CancellationException} is thrown whose cause is the
 * {@code InterruptedException}, as grpc-java's blocking stubs do. It is unchecked, so the
 * operations keep the signatures of plain getters; it is not a WorkflowException because the
 * engine did not fail: the caller gave up.
 *
 * <h2>Timeouts</h2>
 * A blocked call waits as long as the wrapped client's timeouts allow (attempt and api call
 * timeouts; the {@code timeout} of {@code startAndAwait}); it never waits forever.
 *
 * <h2>Closing</h2>
 * The sync client is a view with no resources of its own. {@link #close()} closes the wrapped
 * async client, as {@code java.io} wrappers close the stream they wrap, so
 * {@code try (var c = SyncWorkflowClient.of(WorkflowClients.create(config)))} releases everything.
 * To keep using the async client, do not close the view; close the async client when done.
 *
 * <p>Thread-safe, like the client it wraps.
 */
public interface SyncWorkflowClient extends AutoCloseable {

  /**
   * {@return a blocking view of {@code async}} Closing the view closes {@code async}.
   *
   * @param async the client to wrap, never null
   */
  static SyncWorkflowClient of(WorkflowClient async) {
    Objects.requireNonNull(async, "async == null");
    return new DefaultSyncWorkflowClient(async);
  }

  /** {@return the engine's name, as {@link WorkflowClient#engine()}} */
  String engine();

  /** {@return what this client can do, as {@link WorkflowClient#capabilities()}} */
  Capabilities capabilities();

  /** {@return the wrapped async client, for calls that should not block} */
  WorkflowClient async();

  /**
   * {@return the engine's own operations of the wrapped client, e.g. {@code FlowableOperations} or
   * {@code ZeebeOperations}: the async view, whose futures {@link #join} waits for the way this
   * client's own methods wait}
   *
   * <pre>{@code
   * FlowableOperations flowable = sync.engineOperations(FlowableOperations.class);
   * List<IdentityLink> links = sync.join(flowable.getIdentityLinks(instanceId));
   * }</pre>
   *
   * @param type the engine's operations interface
   * @param <T> the type of the result
   * @throws io.flowport.core.error.OperationNotSupportedException when the wrapped client is not
   *     of that engine (it does not implement {@code type})
   */
  <T> T engineOperations(Class<T> type);

  /**
   * Waits for {@code future} as every blocking method here does: its WorkflowException rethrown on
   * this thread ({@link io.flowport.core.error.WorkflowException#rethrownHere()}), never
   * {@code CompletionException}; interruption cancels the call, keeps the interrupt flag and
   * throws {@link java.util.concurrent.CancellationException}.
   *
   * @param <T> the type of the result
   * @param future the future
   * @return the t
   */
  <T> T join(java.util.concurrent.CompletableFuture<T> future);

  /** {@return the definitions} */
  Definitions definitions();

  /** {@return the instances} */
  Instances instances();

  /** {@return the variables} */
  Variables variables();

  /** {@return the messages} */
  Messages messages();

  /** {@return the nodes} */
  Nodes nodes();

  /** {@return the groups} */
  Groups groups();

  /** Closes the wrapped async client: its connections and threads; calls in flight fail. */
  @Override
  void close();

  /** Deploying definitions. */
  interface Definitions {
    /**
     * Deploys one or more resources (BPMN or YAML files).
     *
     * @param request what to send
     * @return the deployment
     */
    Deployment deploy(DeployRequest request);
  }

  /** Starting, reading and steering instances. */
  interface Instances {
    /**
     * Starts an instance of a deployed definition; returns once the engine has created it.
     *
     * @param request what to send
     * @return the new instance
     */
    Instance start(StartRequest request);

    /**
     * Starts an instance and returns when it has ended, with its final variables; throws
     * WorkflowTimeoutException when {@code timeout} passes first.
     *
     * @param request what to send
     * @param timeout how long to wait
     * @return the instance
     */
    Instance startAndAwait(StartRequest request, Duration timeout);

    /**
     * Reads an instance's current state; InstanceNotFoundException when there is none of that id.
     *
     * @param instanceId the engine's id of the instance
     * @return the instance
     */
    Instance get(String instanceId);

    /**
     * {@return one page of instances}
     *
     * @param query what to list
     */
    Page<Instance> list(InstanceQuery query);

    /**
     * {@return every instance the query matches, fetching pages lazily: a page is requested only when the
     * stream needs its first item, so {@code stream(q).limit(10)} reads no more pages than it
     * must} Each page fetch blocks and may throw like {@link #list}. The stream is sequential
     * and holds no resources; closing it is not needed.
     *
     * @param query what to list
     */
    Stream<Instance> stream(InstanceQuery query);

    /**
     * Cancels a running instance.
     *
     * @param instanceId the engine's id of the instance
     */
    void cancel(String instanceId);

    /**
     * Suspends a running instance.
     *
     * @param instanceId the engine's id of the instance
     */
    void suspend(String instanceId);

    /**
     * Resumes a suspended instance.
     *
     * @param instanceId the engine's id of the instance
     */
    void resume(String instanceId);

    /**
     * Retries a failed instance.
     *
     * @param instanceId the engine's id of the instance
     */
    void retry(String instanceId);

    /**
     * Deletes an instance; {@code reason} may be null.
     *
     * @param instanceId the engine's id of the instance
     * @param reason why, or null
     */
    void delete(String instanceId, String reason);
  }

  /** Reading and writing an instance's variables. */
  interface Variables {
    /**
     * Reads all of an instance's variables.
     *
     * @param instanceId the engine's id of the instance
     * @return the variables, by name
     */
    Map<String, Object> getAll(String instanceId);

    /**
     * {@return one variable's value; VariableNotFoundException when it has none of that name}
     *
     * @param instanceId the engine's id of the instance
     * @param name the name
     */
    Object get(String instanceId, String name);

    /**
     * Creates variables; AlreadyExistsException, and nothing written, when any exists.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     */
    void create(String instanceId, Map<String, ?> variables);

    /**
     * Creates or overwrites variables.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     */
    void upsert(String instanceId, Map<String, ?> variables);
  }

  /** Publishing messages. */
  interface Messages {
    /**
     * Publishes a message; see {@link WorkflowClient.Messages#publish} for message ids and retries.
     *
     * @param request what to send
     * @return the engine's receipt
     */
    MessageReceipt publish(MessageRequest request);
  }

  /** Steering single nodes, in bamboo_engine's vocabulary. */
  interface Nodes {
    /**
     * Reads the instance's state tree: the root with its nodes as children.
     *
     * @param instanceId the engine's id of the instance
     * @return the root node
     */
    Node tree(String instanceId);

    /**
     * Pauses a node: the flow stops before it until it is resumed.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     */
    void pause(String instanceId, String nodeId);

    /**
     * Resumes a paused node.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     */
    void resume(String instanceId, String nodeId);

    /**
     * Retries a FAILED node, with new inputs.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param inputs the node's new inputs; may be empty
     */
    void retry(String instanceId, String nodeId, Map<String, ?> inputs);

    /**
     * Skips a FAILED node; the flow goes on after it.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     */
    void skip(String instanceId, String nodeId);

    /**
     * Skips a FAILED exclusive gateway, taking the flow {@code flowId}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param flowId the id of the outgoing flow to take
     */
    void skipExclusiveGateway(String instanceId, String nodeId, String flowId);

    /**
     * Skips a FAILED conditional parallel gateway, taking the flows {@code flowIds}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param flowIds the ids of the outgoing flows to take
     */
    void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds);

    /**
     * Fails a RUNNING activity.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param message why, recorded as the node's error
     */
    void forceFail(String instanceId, String nodeId, String message);

    /**
     * Calls back a node that waits for it; {@code version} must be the node's current state version
     * (null skips the check where the engine allows it).
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param data what the node is called back with
     * @param version the node's current state version, or null
     */
    void callback(String instanceId, String nodeId, Map<String, ?> data, String version);

    /**
     * Retries a FAILED subprocess.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     */
    void retrySubprocess(String instanceId, String nodeId);

    /**
     * Reads a node's inputs and outputs.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return the node's data
     */
    NodeData data(String instanceId, String nodeId);

    /**
     * Reads a node's earlier runs, one recorded each time it was retried or looped.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return the runs
     */
    List<NodeHistory> histories(String instanceId, String nodeId);
  }

  /** Execution groups: one workflow over many targets. */
  interface Groups {
    /**
     * Starts one workflow over the members of a group.
     *
     * @param request what to send
     * @return the started execution group
     */
    Group start(GroupRequest request);

    /**
     * Cancels the executions of a group that are still running.
     *
     * @param groupId the execution group's id
     */
    void cancel(String groupId);

    /**
     * Sets how many members run at once.
     *
     * @param groupId the execution group's id
     * @param concurrency how many members run at once, at least 0 (0 queues them all)
     */
    void setConcurrency(String groupId, int concurrency);

    /**
     * Sets where members go when they succeed or fail.
     *
     * @param groupId the execution group's id
     * @param successGroupId the group that succeeding members join, or null
     * @param failureGroupId the group that failing members join, or null
     */
    void setTargetGroups(String groupId, String successGroupId, String failureGroupId);
  }
}
