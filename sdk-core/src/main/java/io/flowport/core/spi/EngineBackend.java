package io.flowport.core.spi;

import io.flowport.core.Operation;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The wire side of one engine: one method per operation, each making exactly one attempt.
 * {@link io.flowport.core.WorkflowClients#create(EngineBackend, io.flowport.core.ClientOptions)}
 * wraps a backend into a {@link io.flowport.core.WorkflowClient} and adds everything the engines
 * share: argument and JSON checks, capability checks, retries, timeouts, cancellation,
 * listeners and the callback executor. A backend therefore only talks to its engine.
 *
 * <p>Rules for implementations:
 * <ul>
 *   <li>Arguments arrive checked (non-null, non-blank ids, JSON-compatible variables).
 *   <li>Fail the returned future with a {@link io.flowport.core.error.WorkflowException}, mapped
 *       through the adapter's {@link io.flowport.core.error.ErrorTable}; never throw.
 *   <li>When the returned future is cancelled, cancel the call on the wire.
 *   <li>Complete futures on whatever thread is convenient: the client moves completion off I/O
 *       threads.
 *   <li>Operations outside {@link #capabilities()} are never called; the defaults here fail.
 * </ul>
 */
public interface EngineBackend extends AutoCloseable {

  /** {@return the engine name, e.g. {@code "flowable"}} */
  String engine();

  /**
   * {@return the operations this backend implements} When it has START_INSTANCE and GET_INSTANCE but not
   * START_AND_AWAIT, the client offers start-and-await by polling.
   */
  Set<Operation> capabilities();

  /**
   * {@return why {@code operation}, outside {@link #capabilities()}, cannot be done on this engine, for the
   * OperationNotSupportedException's message; null (the default) when the engine simply lacks it}
   *
   * @param operation the operation called
   */
  default String unsupportedReason(Operation operation) {
    return null;
  }

  /**
   * {@return the secrets this backend's credentials hold and keep adding to, which the client redacts from
   * every error it delivers; the client asks once} By default an empty set of its own.
   */
  default Secrets secrets() {
    return Secrets.create();
  }

  /** {@return what this backend guarantees about deadlines and threads; nothing by default} */
  default BackendTraits traits() {
    return BackendTraits.CONSERVATIVE;
  }

  /**
   * What the engine does with a published message's id: whether a publish that lost its answer
   * may be repeated. {@link MessageIdDeduplication#NONE} by default (the id is ignored, so a
   * publish is never repeated once it may have been received).
   *
   * @return how the engine deduplicates message ids
   */
  default MessageIdDeduplication messageIdDeduplication() {
    return MessageIdDeduplication.NONE;
  }

  /** Releases connections; the client calls it once from {@code close()}. */
  @Override
  void close();

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Definitions#deploy}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param request what to send
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#start}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param request what to send
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    return Unsupported.future(ctx);
  }

  /**
   * Native start-and-await; {@code timeout} is the engine-side wait.
   *
   * @param ctx the context
   * @param request what to send
   * @param timeout how long to wait
   * @return a future of the instance, or failed with a WorkflowException
   */
  default CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#get}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#list}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param query what to list
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#cancel}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#suspend}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#resume}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#retry}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Instances#delete}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param reason why, or null
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Variables#getAll}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Variables#get}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param name the variable's name
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Variables#create}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param variables the variables, by name
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Variables#upsert}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param variables the variables, by name
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Messages#publish}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param request what to send
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#tree}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#pause}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> pauseNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#resume}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> resumeNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#retry}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param inputs the node's new inputs
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> retryNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> inputs) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#skip}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> skipNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#skipExclusiveGateway}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param flowId the outgoing flow's id
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> skipExclusiveGateway(CallContext ctx, String instanceId, String nodeId, String flowId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#skipConditionalParallelGateway}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param flowIds the outgoing flows' ids
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> skipConditionalParallelGateway(
      CallContext ctx, String instanceId, String nodeId, List<String> flowIds) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#forceFail}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param message why, recorded as the node error
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> forceFailNode(CallContext ctx, String instanceId, String nodeId, String message) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#callback}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param data the callback data
   * @param version the node's state version, or null
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> callbackNode(
      CallContext ctx, String instanceId, String nodeId, Map<String, Object> data, String version) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#retrySubprocess}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> retrySubprocess(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#data}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<NodeData> nodeData(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Nodes#histories}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<List<NodeHistory>> nodeHistories(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Groups#start}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param request what to send
   * @return a future of the engine's answer, or failed with a WorkflowException
   */
  default CompletableFuture<Group> startGroup(CallContext ctx, GroupRequest request) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Groups#cancel}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param groupId the execution group's id
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> cancelGroup(CallContext ctx, String groupId) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Groups#setConcurrency}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param groupId the execution group's id
   * @param concurrency how many members run at once
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> setGroupConcurrency(CallContext ctx, String groupId, int concurrency) {
    return Unsupported.future(ctx);
  }

  /**
   * One attempt of {@link io.flowport.core.WorkflowClient.Groups#setTargetGroups}. By default it fails: the
   * operation is not in {@link #capabilities()}.
   *
   * @param ctx the attempt: engine, operation, attempt number, deadline and headers to send
   * @param groupId the execution group's id
   * @param successGroupId the group succeeding members join, or null
   * @param failureGroupId the group failing members join, or null
   * @return a future that completes when the engine has done it, or failed with a WorkflowException
   */
  default CompletableFuture<Void> setGroupTargets(
      CallContext ctx, String groupId, String successGroupId, String failureGroupId) {
    return Unsupported.future(ctx);
  }
}
