package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.spi.EngineBackend;
import java.util.concurrent.CompletableFuture;

/** {@link WorkflowClient.Definitions}: deploy, with at least one named resource. */
final class UnifiedDefinitions implements WorkflowClient.Definitions {
  private final GuardedCalls calls;
  private final EngineBackend backend;

  UnifiedDefinitions(GuardedCalls calls, EngineBackend backend) {
    this.calls = calls;
    this.backend = backend;
  }

  @Override
  public CompletableFuture<Deployment> deploy(DeployRequest request) {
    return calls.call(Operation.DEPLOY, check -> {
      check.nonNull("request", request);
      if (request.resources().isEmpty()) {
        throw check.invalid("a deploy request needs at least one resource");
      }
      request.resources().forEach(r -> check.id("resource name", r.name()));
      return ctx -> backend.deploy(ctx, request);
    });
  }
}
