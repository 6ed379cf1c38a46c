package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.EngineBackend;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link WorkflowClient.Variables}: reads, and writes of JSON-checked values. */
final class UnifiedVariables implements WorkflowClient.Variables {
  private final GuardedCalls calls;
  private final EngineBackend backend;

  UnifiedVariables(GuardedCalls calls, EngineBackend backend) {
    this.calls = calls;
    this.backend = backend;
  }

  @Override
  public CompletableFuture<Map<String, Object>> getAll(String instanceId) {
    return calls.call(Operation.GET_VARIABLES, check -> {
      check.id("instanceId", instanceId);
      return ctx -> backend.getVariables(ctx, instanceId);
    });
  }

  @Override
  public CompletableFuture<Object> get(String instanceId, String name) {
    return calls.call(Operation.GET_VARIABLE, check -> {
      check.id("instanceId", instanceId);
      check.id("variable name", name);
      return ctx -> backend.getVariable(ctx, instanceId, name);
    });
  }

  @Override
  public CompletableFuture<Void> create(String instanceId, Map<String, ?> variables) {
    return calls.call(Operation.CREATE_VARIABLES, check -> {
      check.id("instanceId", instanceId);
      Map<String, Object> checked = check.variables(variables);
      return ctx -> backend.createVariables(ctx, instanceId, checked);
    });
  }

  @Override
  public CompletableFuture<Void> upsert(String instanceId, Map<String, ?> variables) {
    return calls.call(Operation.UPSERT_VARIABLES, check -> {
      check.id("instanceId", instanceId);
      Map<String, Object> checked = check.variables(variables);
      return ctx -> backend.upsertVariables(ctx, instanceId, checked);
    });
  }
}
