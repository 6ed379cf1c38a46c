package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link WorkflowClient.Messages}: publish. A message id makes the publish safe to retry only
 * where the engine deduplicates it ({@link EngineBackend#messageIdDeduplication()}: Zeebe while
 * the message is buffered, never Flowable); a repeated attempt told "a message with this id
 * exists" succeeded earlier.
 */
final class UnifiedMessages implements WorkflowClient.Messages {
  private final GuardedCalls calls;
  private final EngineBackend backend;

  UnifiedMessages(GuardedCalls calls, EngineBackend backend) {
    this.calls = calls;
    this.backend = backend;
  }

  @Override
  public CompletableFuture<MessageReceipt> publish(MessageRequest request) {
    // Only an id the engine recognises on a repeat makes the publish safe to repeat.
    boolean hasId = backend.messageIdDeduplication().deduplicates(request);
    return calls.call(Operation.PUBLISH_MESSAGE, hasId, Duration.ZERO, check -> {
      check.nonNull("request", request);
      check.id("message name", request.name());
      Map<String, Object> vars = check.variables(request.variables());
      MessageRequest checked = MessageRequest.builder(request.name(), request.correlationKey())
          .timeToLive(request.timeToLive())
          .messageId(request.messageId())
          .tenantId(request.tenantId())
          .variables(vars)
          .build();
      return ctx -> hasId && ctx.attempt() > 1
          ? alreadyPublishedIsSuccess(backend.publish(ctx, checked))
          : backend.publish(ctx, checked);
    });
  }

  /**
   * On a repeated attempt, "a message with this id exists" means an earlier attempt (whose
   * answer was lost) got through: the message is published, so the call succeeded.
   */
  private static CompletableFuture<MessageReceipt> alreadyPublishedIsSuccess(CompletableFuture<MessageReceipt> wire) {
    CompletableFuture<MessageReceipt> result = new CompletableFuture<>();
    wire.whenComplete((receipt, e) -> {
      Throwable error = e == null ? null : CallExecutor.unwrap(e);
      if (error == null) {
        result.complete(receipt);
      } else if (error instanceof AlreadyExistsException) {
        result.complete(new MessageReceipt(null, null));
      } else {
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
}
