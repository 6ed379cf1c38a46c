package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link WorkflowClient.Instances}: start (and await, natively or by {@link PollingAwait}), read,
 * list (and walk every page with {@link PageWalk}), and the instance actions.
 */
final class UnifiedInstances implements WorkflowClient.Instances {
  private final WorkflowClient client;
  private final GuardedCalls calls;
  private final EngineBackend backend;
  private final boolean nativeAwait;

  UnifiedInstances(WorkflowClient client, GuardedCalls calls, EngineBackend backend, boolean nativeAwait) {
    this.client = client;
    this.calls = calls;
    this.backend = backend;
    this.nativeAwait = nativeAwait;
  }

  @Override
  public CompletableFuture<Instance> start(StartRequest request) {
    return calls.call(Operation.START_INSTANCE, check -> {
      StartRequest checked = check.start(request);
      return ctx -> backend.start(ctx, checked);
    });
  }

  @Override
  public CompletableFuture<Instance> startAndAwait(StartRequest request, Duration timeout) {
    Operation op = Operation.START_AND_AWAIT;
    if (nativeAwait) {
      // The engine waits up to `timeout`: the attempt must be allowed that long, plus the trip.
      return asAwaitTimeout(calls.callAwaiting(op, timeout, check -> {
        StartRequest checked = check.start(request);
        check.positive("timeout", timeout);
        return ctx -> backend.startAndAwait(ctx, checked, timeout);
      }));
    }
    CompletableFuture<Instance> refused = calls.refuse(op, check -> check.positive("timeout", timeout));
    return refused != null ? refused : PollingAwait.run(client, calls.executor(), request, timeout);
  }

  /**
   * A native wait that ran out (the engine's or the client's deadline) fails as a not retryable
   * AwaitTimeoutException: the engine answers only at the end, so no instance id is known.
   */
  private CompletableFuture<Instance> asAwaitTimeout(CompletableFuture<Instance> call) {
    CompletableFuture<Instance> result = new CompletableFuture<>();
    call.whenComplete((instance, e) -> {
      Throwable error = e == null ? null : CallExecutor.unwrap(e);
      if (error == null) {
        result.complete(instance);
      } else if (error instanceof WorkflowTimeoutException timeout && !(error instanceof AwaitTimeoutException)) {
        result.completeExceptionally(AwaitTimeoutException.of(timeout, null,
            client.engine() + " answers a start-and-await only when the instance ends, so its id is not known"));
      } else {
        result.completeExceptionally(error);
      }
    });
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        call.cancel(false);
      }
    });
    return result;
  }

  @Override
  public CompletableFuture<Instance> get(String instanceId) {
    return onInstance(Operation.GET_INSTANCE, instanceId, ctx -> backend.get(ctx, instanceId));
  }

  @Override
  public CompletableFuture<Page<Instance>> list(InstanceQuery query) {
    return calls.call(Operation.LIST_INSTANCES, check -> {
      check.nonNull("query", query);
      return ctx -> backend.list(ctx, query);
    });
  }

  @Override
  public CompletableFuture<Void> forEach(InstanceQuery query, Consumer<? super Instance> action) {
    if (action == null) {
      return CompletableFuture.failedFuture(
          Args.invalid(client.engine(), Operation.LIST_INSTANCES, "action must not be null"));
    }
    return PageWalk.run(this::list, query, action, calls.executor().options());
  }

  @Override
  public CompletableFuture<Void> cancel(String instanceId) {
    return calls.call(Operation.CANCEL_INSTANCE, check -> {
      check.id("instanceId", instanceId);
      RetriedCancel retried = new RetriedCancel(backend, instanceId);
      return retried::attempt;
    });
  }

  @Override
  public CompletableFuture<Void> suspend(String instanceId) {
    return onInstance(Operation.SUSPEND_INSTANCE, instanceId, ctx -> backend.suspend(ctx, instanceId));
  }

  @Override
  public CompletableFuture<Void> resume(String instanceId) {
    return onInstance(Operation.RESUME_INSTANCE, instanceId, ctx -> backend.resume(ctx, instanceId));
  }

  @Override
  public CompletableFuture<Void> retry(String instanceId) {
    return onInstance(Operation.RETRY_INSTANCE, instanceId, ctx -> backend.retry(ctx, instanceId));
  }

  @Override
  public CompletableFuture<Void> delete(String instanceId, String reason) {
    return onInstance(Operation.DELETE_INSTANCE, instanceId, ctx -> backend.delete(ctx, instanceId, reason));
  }

  private <T> CompletableFuture<T> onInstance(Operation op, String instanceId,
      java.util.function.Function<io.flowport.core.spi.CallContext, CompletableFuture<T>> attempt) {
    return calls.call(op, check -> {
      check.id("instanceId", instanceId);
      return attempt;
    });
  }
}
