package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link WorkflowClient.Nodes}: bamboo's node operations, each on an instance and a node. */
final class UnifiedNodes implements WorkflowClient.Nodes {
  private final GuardedCalls calls;
  private final EngineBackend backend;

  UnifiedNodes(GuardedCalls calls, EngineBackend backend) {
    this.calls = calls;
    this.backend = backend;
  }

  private <T> CompletableFuture<T> onNode(
      Operation op, String instanceId, String nodeId, Function<CallContext, CompletableFuture<T>> attempt) {
    return calls.call(op, check -> {
      check.id("instanceId", instanceId);
      check.id("nodeId", nodeId);
      return attempt;
    });
  }

  @Override
  public CompletableFuture<Node> tree(String instanceId) {
    return calls.call(Operation.GET_NODE_TREE, check -> {
      check.id("instanceId", instanceId);
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
    return calls.call(Operation.RETRY_NODE, check -> {
      check.id("instanceId", instanceId);
      check.id("nodeId", nodeId);
      Map<String, Object> checked = check.optionalVariables(inputs);
      return ctx -> backend.retryNode(ctx, instanceId, nodeId, checked);
    });
  }

  @Override
  public CompletableFuture<Void> skip(String instanceId, String nodeId) {
    return onNode(Operation.SKIP_NODE, instanceId, nodeId, ctx -> backend.skipNode(ctx, instanceId, nodeId));
  }

  @Override
  public CompletableFuture<Void> skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
    return calls.call(Operation.SKIP_EXCLUSIVE_GATEWAY, check -> {
      check.id("instanceId", instanceId);
      check.id("nodeId", nodeId);
      check.id("flowId", flowId);
      return ctx -> backend.skipExclusiveGateway(ctx, instanceId, nodeId, flowId);
    });
  }

  @Override
  public CompletableFuture<Void> skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
    return calls.call(Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY, check -> {
      check.id("instanceId", instanceId);
      check.id("nodeId", nodeId);
      List<String> copy = check.ids("flowId", flowIds);
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
    return calls.call(Operation.CALLBACK_NODE, check -> {
      check.id("instanceId", instanceId);
      check.id("nodeId", nodeId);
      Map<String, Object> checked = check.optionalVariables(data);
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
