package io.flowport.core;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The asynchronous client of one workflow engine. Operations are grouped by what they act on:
 * {@link #definitions()}, {@link #instances()}, {@link #variables()}, {@link #messages()},
 * {@link #nodes()} and {@link #groups()}.
 *
 * <p>Every operation returns a {@link CompletableFuture} and never throws: bad arguments,
 * unsupported operations and engine errors all complete the future exceptionally with a
 * {@link io.flowport.core.error.WorkflowException}. Futures complete on the client's callback
 * executor, never on an I/O thread. Cancelling a future cancels the call on the wire and stops
 * its retries.
 *
 * <p>Clients are thread-safe; share one per engine. {@link #close()} releases its connections and
 * threads.
 */
public interface WorkflowClient extends AutoCloseable {

  /** {@return the engine's name, e.g. {@code "zeebe"}, {@code "flowable"}, {@code "in-memory"}} */
  String engine();

  /** {@return what this client can do; other operations fail with OperationNotSupportedException} */
  Capabilities capabilities();

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

  /**
   * Releases connections and threads. Calls still in flight (or waiting to retry) are cancelled on
   * the wire and their futures fail with EngineUnavailableException ("the client is closed");
   * later calls fail the same way.
   */
  @Override
  void close();

  /** Deploying definitions. */
  interface Definitions {
    /**
     * Deploys one or more resources (BPMN or YAML files).
     *
     * @param request what to send
     * @return a future of the deployment, or failed with a WorkflowException
     */
    CompletableFuture<Deployment> deploy(DeployRequest request);
  }

  /** Starting, reading and steering instances. */
  interface Instances {
    CompletableFuture<Instance> start(StartRequest request);

    /**
     * Starts an instance and completes when it has ended, with its final variables. Native where
     * the engine has it (Zeebe); elsewhere the client polls with backoff.
     *
     * <p>The await ends when the engine reports the instance in a terminal state: COMPLETED,
     * CANCELLED, or FAILED where the engine reports a failed instance (the in-memory engine and
     * bk-sops); the future then completes normally with that state. Flowable and
     * Zeebe keep an instance with a failed job or an incident running, so there the await waits.
     *
     * <p>When {@code timeout} passes first it fails with {@link
     * io.flowport.core.error.AwaitTimeoutException}: the instance may still be running, so it is
     * not retryable (a repeat would start a second instance); it carries the instance's id where
     * the engine gave one (polling engines; Zeebe's native wait answers only at the end).
     *
     * @param request what to start
     * @param timeout how long to wait for the instance to end; positive
     * @return the ended instance, with its variables (those of {@code fetchVariables} if given)
     */
    CompletableFuture<Instance> startAndAwait(StartRequest request, Duration timeout);

    CompletableFuture<Instance> get(String instanceId);

    /**
     * {@return one page of instances}
     *
     * @param query what to list
     */
    CompletableFuture<Page<Instance>> list(InstanceQuery query);

    /**
     * Visits every instance the query matches, fetching page after page; completes when the last
     * page is done. The action runs on the callback executor, one item at a time.
     *
     * @param query what to list
     * @param action the action
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> forEach(InstanceQuery query, Consumer<? super Instance> action);

    CompletableFuture<Void> cancel(String instanceId);

    CompletableFuture<Void> suspend(String instanceId);

    CompletableFuture<Void> resume(String instanceId);

    /**
     * Retries a failed instance (its failed nodes, or the engine's resume of a failed run).
     *
     * @param instanceId the engine's id of the instance
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retry(String instanceId);

    /**
     * Deletes an instance; {@code reason} may be null.
     *
     * @param instanceId the engine's id of the instance
     * @param reason why, or null
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> delete(String instanceId, String reason);
  }

  /** Reading and writing an instance's variables. */
  interface Variables {
    CompletableFuture<Map<String, Object>> getAll(String instanceId);

    /**
     * {@return one variable's value; VariableNotFoundException when it has none of that name}
     *
     * @param instanceId the engine's id of the instance
     * @param name the name
     */
    CompletableFuture<Object> get(String instanceId, String name);

    /**
     * Creates variables; AlreadyExistsException, and nothing written, when any exists.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> create(String instanceId, Map<String, ?> variables);

    /**
     * Creates or overwrites variables.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> upsert(String instanceId, Map<String, ?> variables);
  }

  /** Publishing messages. */
  interface Messages {
    /**
     * Publishes a message. With a message id the call is safe to retry after a timeout; when a
     * retry finds the id already published (its earlier attempt got through), the call succeeds
     * with an empty receipt. A first attempt that finds the id fails with AlreadyExistsException.
     *
     * @param request what to send
     * @return a future of the message receipt, or failed with a WorkflowException
     */
    CompletableFuture<MessageReceipt> publish(MessageRequest request);
  }

  /** Steering single nodes, in bamboo_engine's vocabulary. */
  interface Nodes {
    /**
     * {@return the instance's state tree: the root with its nodes as children}
     *
     * @param instanceId the engine's id of the instance
     */
    CompletableFuture<Node> tree(String instanceId);

    CompletableFuture<Void> pause(String instanceId, String nodeId);

    CompletableFuture<Void> resume(String instanceId, String nodeId);

    /**
     * Retries a FAILED node, with new inputs (may be empty).
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param inputs the node's new inputs
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retry(String instanceId, String nodeId, Map<String, ?> inputs);

    /**
     * Skips a FAILED node; the flow goes on after it.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skip(String instanceId, String nodeId);

    /**
     * Skips a FAILED exclusive gateway, taking the flow {@code flowId}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param flowId the outgoing flow's id
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skipExclusiveGateway(String instanceId, String nodeId, String flowId);

    /**
     * Skips a FAILED conditional parallel gateway, taking the flows {@code flowIds}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param flowIds the flow ids
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds);

    /**
     * Fails a RUNNING activity.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param message the message
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> forceFail(String instanceId, String nodeId, String message);

    /**
     * Calls back a node that waits for it; {@code version} must be the node's current state
     * version (null skips the check where the engine allows it).
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param data the callback data
     * @param version the version
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> callback(String instanceId, String nodeId, Map<String, ?> data, String version);

    /**
     * Retries a FAILED subprocess.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retrySubprocess(String instanceId, String nodeId);

    CompletableFuture<NodeData> data(String instanceId, String nodeId);

    CompletableFuture<List<NodeHistory>> histories(String instanceId, String nodeId);
  }

  /** Execution groups: one workflow over many targets. */
  interface Groups {
    CompletableFuture<Group> start(GroupRequest request);

    CompletableFuture<Void> cancel(String groupId);

    CompletableFuture<Void> setConcurrency(String groupId, int concurrency);

    /**
     * {@return where members go when they succeed or fail; either id may be null}
     *
     * @param groupId the execution group's id
     * @param successGroupId the group succeeding members join, or null
     * @param failureGroupId the group failing members join, or null
     */
    CompletableFuture<Void> setTargetGroups(String groupId, String successGroupId, String failureGroupId);
  }
}
