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

  /** {@return the operations on definitions: deploying} */
  Definitions definitions();

  /** {@return the operations on instances: start, await, get, list, cancel, suspend, resume, retry, delete} */
  Instances instances();

  /** {@return the operations on an instance's variables} */
  Variables variables();

  /** {@return the operations on messages: publishing} */
  Messages messages();

  /** {@return the operations on single nodes of an instance (bk-sops' vocabulary)} */
  Nodes nodes();

  /** {@return the operations on execution groups (Cloudify)} */
  Groups groups();

  /**
   * Releases connections and threads. Calls still in flight (or waiting to retry) are cancelled on
   * the wire and their futures fail with {@link io.flowport.core.error.ClientClosedException}
   * ("the client is closed", not retryable); later calls fail the same way at once.
   */
  @Override
  void close();

  /** Deploying definitions. */
  interface Definitions {
    /**
     * Deploys one or more resources (BPMN or YAML files).
     *
     * @param request the resources to deploy
     * @return a future of what the engine deployed, or failed with a WorkflowException
     */
    CompletableFuture<Deployment> deploy(DeployRequest request);
  }

  /** Starting, reading and steering instances. */
  interface Instances {
    /**
     * Starts an instance of a deployed definition and completes as soon as the engine has created
     * it; the instance then runs on its own.
     *
     * @param request which definition, with which variables
     * @return a future of the new instance (its id and state when started), or failed with a
     *     WorkflowException, e.g. DefinitionNotFoundException
     */
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

    /**
     * Reads an instance's current state.
     *
     * @param instanceId the engine's id of the instance
     * @return a future of the instance, or failed with InstanceNotFoundException when the engine
     *     has no instance of that id
     */
    CompletableFuture<Instance> get(String instanceId);

    /**
     * Lists one page of the instances the query matches.
     *
     * @param query the filter, the page and its size
     * @return a future of the page, or failed with a WorkflowException
     */
    CompletableFuture<Page<Instance>> list(InstanceQuery query);

    /**
     * Visits every instance the query matches, fetching page after page; completes when the last
     * page is done. The action runs on the callback executor, one item at a time.
     *
     * @param query the filter and the page size; paging starts at the query's page
     * @param action what to do with each instance; an exception it throws fails the future
     * @return a future that completes after the last instance, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> forEach(InstanceQuery query, Consumer<? super Instance> action);

    /**
     * Cancels a running instance: it ends as CANCELLED (some engines pass through CANCELLING).
     *
     * @param instanceId the engine's id of the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> cancel(String instanceId);

    /**
     * Suspends a running instance: it stays SUSPENDED until resumed.
     *
     * @param instanceId the engine's id of the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> suspend(String instanceId);

    /**
     * Resumes a suspended instance.
     *
     * @param instanceId the engine's id of the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> resume(String instanceId);

    /**
     * Retries a failed instance (its failed nodes, or the engine's resume of a failed run).
     *
     * @param instanceId the engine's id of the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retry(String instanceId);

    /**
     * Deletes an instance.
     *
     * @param instanceId the engine's id of the instance
     * @param reason why, where the engine records it; may be null
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> delete(String instanceId, String reason);
  }

  /** Reading and writing an instance's variables. */
  interface Variables {
    /**
     * Reads all of an instance's variables.
     *
     * @param instanceId the engine's id of the instance
     * @return a future of the variables by name, or failed with a WorkflowException
     */
    CompletableFuture<Map<String, Object>> getAll(String instanceId);

    /**
     * Reads one variable.
     *
     * @param instanceId the engine's id of the instance
     * @param name the variable's name
     * @return a future of the variable's value, or failed with VariableNotFoundException when the
     *     instance has none of that name
     */
    CompletableFuture<Object> get(String instanceId, String name);

    /**
     * Creates variables; fails with AlreadyExistsException, and nothing written, when any exists.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> create(String instanceId, Map<String, ?> variables);

    /**
     * Creates or overwrites variables.
     *
     * @param instanceId the engine's id of the instance
     * @param variables the variables, by name
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
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
     * @param request the message's name, correlation key, variables and optional id
     * @return a future of the engine's receipt, or failed with a WorkflowException
     */
    CompletableFuture<MessageReceipt> publish(MessageRequest request);
  }

  /** Steering single nodes, in bamboo_engine's vocabulary. */
  interface Nodes {
    /**
     * Reads the instance's state tree: the root with its nodes as children.
     *
     * @param instanceId the engine's id of the instance
     * @return a future of the root node, or failed with a WorkflowException
     */
    CompletableFuture<Node> tree(String instanceId);

    /**
     * Pauses a node: the flow stops before it until it is resumed.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> pause(String instanceId, String nodeId);

    /**
     * Resumes a paused node.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> resume(String instanceId, String nodeId);

    /**
     * Retries a FAILED node, with new inputs.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param inputs the node's new inputs; may be empty
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retry(String instanceId, String nodeId, Map<String, ?> inputs);

    /**
     * Skips a FAILED node; the flow goes on after it.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skip(String instanceId, String nodeId);

    /**
     * Skips a FAILED exclusive gateway, taking the flow {@code flowId}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the gateway's id in the instance
     * @param flowId the id of the outgoing flow to take
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skipExclusiveGateway(String instanceId, String nodeId, String flowId);

    /**
     * Skips a FAILED conditional parallel gateway, taking the flows {@code flowIds}.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the gateway's id in the instance
     * @param flowIds the ids of the outgoing flows to take
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds);

    /**
     * Fails a RUNNING activity.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the activity's id in the instance
     * @param message why, recorded as the node's error
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> forceFail(String instanceId, String nodeId, String message);

    /**
     * Calls back a node that waits for it; {@code version} must be the node's current state
     * version (null skips the check where the engine allows it).
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @param data what the node is called back with
     * @param version the node's current state version, or null
     * @return a future that completes when the engine has taken the callback, or exceptionally with
     *     a WorkflowException (StaleVersionException for an old version)
     */
    CompletableFuture<Void> callback(String instanceId, String nodeId, Map<String, ?> data, String version);

    /**
     * Retries a FAILED subprocess.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the subprocess's id in the instance
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> retrySubprocess(String instanceId, String nodeId);

    /**
     * Reads a node's inputs and outputs.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future of the node's data, or failed with a WorkflowException
     */
    CompletableFuture<NodeData> data(String instanceId, String nodeId);

    /**
     * Reads a node's earlier runs, one recorded each time it was retried or looped.
     *
     * @param instanceId the engine's id of the instance
     * @param nodeId the node's id in the instance
     * @return a future of the runs, or failed with a WorkflowException
     */
    CompletableFuture<List<NodeHistory>> histories(String instanceId, String nodeId);
  }

  /** Execution groups: one workflow over many targets. */
  interface Groups {
    /**
     * Starts one workflow over the members of a group.
     *
     * @param request the group, the workflow and its parameters
     * @return a future of the started execution group, or failed with a WorkflowException
     */
    CompletableFuture<Group> start(GroupRequest request);

    /**
     * Cancels the executions of a group that are still running.
     *
     * @param groupId the execution group's id
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> cancel(String groupId);

    /**
     * Sets how many members run at once.
     *
     * @param groupId the execution group's id
     * @param concurrency how many members run at once, at least 0 (0 queues them all)
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> setConcurrency(String groupId, int concurrency);

    /**
     * Sets where members go when they succeed or fail.
     *
     * @param groupId the execution group's id
     * @param successGroupId the group that succeeding members join, or null
     * @param failureGroupId the group that failing members join, or null
     * @return a future that completes when the engine has done it, or exceptionally with a WorkflowException
     */
    CompletableFuture<Void> setTargetGroups(String groupId, String successGroupId, String failureGroupId);
  }
}
