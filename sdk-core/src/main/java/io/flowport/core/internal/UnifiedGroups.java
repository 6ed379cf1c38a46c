package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.spi.EngineBackend;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link WorkflowClient.Groups}: Cloudify's execution groups. */
final class UnifiedGroups implements WorkflowClient.Groups {
  private final GuardedCalls calls;
  private final EngineBackend backend;

  UnifiedGroups(GuardedCalls calls, EngineBackend backend) {
    this.calls = calls;
    this.backend = backend;
  }

  @Override
  public CompletableFuture<Group> start(GroupRequest request) {
    return calls.call(Operation.START_GROUP, check -> {
      check.nonNull("request", request);
      check.id("groupId", request.groupId());
      check.id("workflowId", request.workflowId());
      check.atLeast("concurrency", request.concurrency(), 0);
      Map<String, Object> params = check.variables(request.parameters());
      GroupRequest checked = new GroupRequest(
          request.groupId(), request.workflowId(), params, request.concurrency(), request.force());
      return ctx -> backend.startGroup(ctx, checked);
    });
  }

  @Override
  public CompletableFuture<Void> cancel(String groupId) {
    return calls.call(Operation.CANCEL_GROUP, check -> {
      check.id("groupId", groupId);
      return ctx -> backend.cancelGroup(ctx, groupId);
    });
  }

  @Override
  public CompletableFuture<Void> setConcurrency(String groupId, int concurrency) {
    return calls.call(Operation.SET_GROUP_CONCURRENCY, check -> {
      check.id("groupId", groupId);
      check.atLeast("concurrency", concurrency, 0);
      return ctx -> backend.setGroupConcurrency(ctx, groupId, concurrency);
    });
  }

  @Override
  public CompletableFuture<Void> setTargetGroups(String groupId, String successGroupId, String failureGroupId) {
    return calls.call(Operation.SET_GROUP_TARGETS, check -> {
      check.id("groupId", groupId);
      return ctx -> backend.setGroupTargets(ctx, groupId, successGroupId, failureGroupId);
    });
  }
}
