package io.flowport.core.internal;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Start-and-await for engines without a native wait: start, then poll {@code get} with growing
 * pauses (50 ms doubling to 1 s) until the instance ends or the timeout passes, then read its
 * variables where the engine can.
 */
final class PollingAwait {
  private static final long FIRST_PAUSE_MS = 50;
  private static final long LONGEST_PAUSE_MS = 1000;

  private final WorkflowClient client;
  private final CallExecutor executor;
  private final StartRequest request;
  private final CompletableFuture<Instance> result = new CompletableFuture<>();
  private final AtomicReference<CompletableFuture<?>> step = new AtomicReference<>();
  private volatile ScheduledFuture<?> nextPoll;
  private volatile String startedId;

  private PollingAwait(WorkflowClient client, CallExecutor executor, StartRequest request) {
    this.client = client;
    this.executor = executor;
    this.request = request;
  }

  static CompletableFuture<Instance> run(
      WorkflowClient client, CallExecutor executor, StartRequest request, Duration timeout) {
    PollingAwait await = new PollingAwait(client, executor, request);
    await.begin(timeout);
    return await.result;
  }

  private void begin(Duration timeout) {
    // If the client closes while we wait between polls, the scheduler drops our timers: fail then.
    executor.completeOnClose(Operation.START_AND_AWAIT, result);
    ScheduledFuture<?> timer = schedule(() -> onCallbackThread(() -> result.completeExceptionally(
        timedOut(timeout))), timeout.toMillis());
    result.whenComplete((v, e) -> {
      if (timer != null) {
        timer.cancel(false);
      }
      ScheduledFuture<?> poll = nextPoll;
      if (poll != null) {
        poll.cancel(false);
      }
      CompletableFuture<?> current = step.get();
      if (e != null && current != null) {
        current.cancel(true);
      }
    });
    track(client.instances().start(request)).whenComplete((started, e) -> {
      if (e != null) {
        result.completeExceptionally(CallExecutor.unwrap(e));
      } else if (recordStarted(started).state().isTerminal()) {
        finish(started);
      } else {
        poll(started.id(), FIRST_PAUSE_MS);
      }
    });
  }

  private Instance recordStarted(Instance started) {
    startedId = started.id();
    return started;
  }

  /** Not retryable, carrying the id once the start has answered: a repeat would start another. */
  private AwaitTimeoutException timedOut(Duration timeout) {
    return new AwaitTimeoutException(new ErrorInfo(client.engine(), Operation.START_AND_AWAIT, null, null,
        "the instance did not end within " + timeout, null, true), startedId, "the start had not answered yet", null);
  }

  private void poll(String instanceId, long pauseMs) {
    if (result.isDone()) {
      return;
    }
    nextPoll = schedule(() -> track(client.instances().get(instanceId)).whenComplete((instance, e) -> {
      if (e != null) {
        result.completeExceptionally(CallExecutor.unwrap(e));
      } else if (instance.state().isTerminal()) {
        finish(instance);
      } else {
        poll(instanceId, Math.min(pauseMs * 2, LONGEST_PAUSE_MS));
      }
    }), pauseMs);
  }

  private void finish(Instance ended) {
    if (!client.capabilities().supports(Operation.GET_VARIABLES)) {
      result.complete(ended);
      return;
    }
    track(client.variables().getAll(ended.id())).whenComplete((vars, e) -> {
      if (e != null) {
        result.complete(ended); // the instance is gone with its variables; what we have stands
        return;
      }
      result.complete(ended.toBuilder().variables(vars).build().withOnlyVariables(request.fetchVariables()));
    });
  }

  /** Runs {@code r} on the callback executor, so user callbacks never run on the timer thread. */
  private void onCallbackThread(Runnable r) {
    try {
      executor.callbackExecutor().execute(r);
    } catch (RejectedExecutionException e) {
      r.run();
    }
  }

  private <T> CompletableFuture<T> track(CompletableFuture<T> f) {
    step.set(f);
    if (result.isDone() && !f.isDone()) {
      f.cancel(true); // cancelled or timed out while this step was being started
    }
    return f;
  }

  private ScheduledFuture<?> schedule(Runnable r, long delayMs) {
    try {
      return executor.scheduler().schedule(r, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      result.completeExceptionally(ClientClosedException.of(client.engine(), Operation.START_AND_AWAIT, false));
      return null;
    }
  }
}
