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

  /** {@return what this backend guarantees about deadlines and threads; nothing by default} */
  default BackendTraits traits() {
    return BackendTraits.CONSERVATIVE;
  }

  /** Releases connections; the client calls it once from {@code close()}. */
  @Override
  void close();

  default CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    return Unsupported.future(ctx);
  }

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

  default CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> pauseNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> resumeNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> retryNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> inputs) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> skipNode(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> skipExclusiveGateway(CallContext ctx, String instanceId, String nodeId, String flowId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> skipConditionalParallelGateway(
      CallContext ctx, String instanceId, String nodeId, List<String> flowIds) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> forceFailNode(CallContext ctx, String instanceId, String nodeId, String message) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> callbackNode(
      CallContext ctx, String instanceId, String nodeId, Map<String, Object> data, String version) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> retrySubprocess(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<NodeData> nodeData(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<List<NodeHistory>> nodeHistories(CallContext ctx, String instanceId, String nodeId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Group> startGroup(CallContext ctx, GroupRequest request) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> cancelGroup(CallContext ctx, String groupId) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> setGroupConcurrency(CallContext ctx, String groupId, int concurrency) {
    return Unsupported.future(ctx);
  }

  default CompletableFuture<Void> setGroupTargets(
      CallContext ctx, String groupId, String successGroupId, String failureGroupId) {
    return Unsupported.future(ctx);
  }
}
