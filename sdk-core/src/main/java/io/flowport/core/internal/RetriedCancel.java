package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ConflictException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.InstanceState;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import java.util.concurrent.CompletableFuture;

/**
 * The attempts of one cancel. When an attempt's answer was lost (its error says the request may
 * have been processed), the next attempt may find the instance already cancelled by it: then
 * "not found" (the engine dropped the ended instance) or a refused transition on an instance now
 * CANCELLED or CANCELLING means the cancel worked, and the call succeeds. A first attempt's "not found" stays
 * InstanceNotFoundException: nothing this call did can explain it.
 */
final class RetriedCancel {
  private final EngineBackend backend;
  private final String instanceId;
  /** Whether an earlier attempt of this call may have reached the engine without an answer. */
  private volatile boolean answerLost;

  RetriedCancel(EngineBackend backend, String instanceId) {
    this.backend = backend;
    this.instanceId = instanceId;
  }

  CompletableFuture<Void> attempt(CallContext ctx) {
    boolean afterLostAnswer = answerLost && ctx.attempt() > 1;
    CompletableFuture<Void> wire = backend.cancel(ctx, instanceId);
    if (wire == null) {
      return null; // the executor reports a backend that returned no future
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    wire.whenComplete((v, e) -> {
      Throwable error = e == null ? null : CallExecutor.unwrap(e);
      if (error == null) {
        result.complete(null);
      } else if (afterLostAnswer && error instanceof InstanceNotFoundException) {
        result.complete(null);
      } else if (afterLostAnswer && (error instanceof IllegalTransitionException || error instanceof ConflictException)) {
        confirmCancelled(ctx, (WorkflowException) error, result);
      } else {
        if (error instanceof WorkflowException we && we.requestMayHaveBeenProcessed()) {
          answerLost = true;
        }
        result.completeExceptionally(error);
      }
    });
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        wire.cancel(true);
      }
    });
    return result;
  }

  /** A refused cancel after a lost answer: success if the instance is now CANCELLED (or CANCELLING, the cancel accepted), else the refusal. */
  private void confirmCancelled(CallContext ctx, WorkflowException refusal, CompletableFuture<Void> result) {
    // The read is part of this attempt (same deadline and headers), made as the read it is.
    CallContext readCtx = new CallContext(ctx.engine(), Operation.GET_INSTANCE, ctx.attempt(), ctx.deadline(), ctx.headers());
    CompletableFuture<io.flowport.core.model.Instance> read = backend.capabilities().contains(Operation.GET_INSTANCE)
        ? backend.get(readCtx, instanceId)
        : CompletableFuture.failedFuture(refusal);
    read.whenComplete((instance, e) -> {
      Throwable error = e == null ? null : CallExecutor.unwrap(e);
      if (error == null && instance != null
          && (instance.state() == InstanceState.CANCELLED || instance.state() == InstanceState.CANCELLING)) {
        result.complete(null);
      } else if (error instanceof InstanceNotFoundException) {
        result.complete(null);
      } else if (error instanceof WorkflowException we) {
        // the read failed, not the cancel: its error says why (a retryable one repeats the cancel)
        result.completeExceptionally(we);
      } else {
        result.completeExceptionally(refusal);
      }
    });
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        read.cancel(true);
      }
    });
  }
}
