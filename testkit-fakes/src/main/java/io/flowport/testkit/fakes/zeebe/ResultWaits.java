package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.json;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.key;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.select;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.StartCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * CreateProcessInstanceWithResult: start, then answer when the instance completes, from the engine's
 * change notifications, or fail at the request timeout. An instance Zeebe drops as soon as it ends
 * (ended instances are not kept) may complete between the start and the wait: while a wait is open,
 * completed instances are remembered for a moment so it still sees them, and a wait that finds its
 * instance gone before the engine's notification of it came (listeners run after the engine's lock is
 * released, on the thread that made the change) is completed by that notification.
 */
final class ResultWaits {
  private final InMemoryEngine engine;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger awaiting = new AtomicInteger();
  private final Map<String, InstanceSnapshot> recentlyCompleted = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, InstanceSnapshot> eldest) {
      return size() > 1024;
    }
  };
  /** Waits whose instance was gone when they began, completed by the COMPLETED notification to come. */
  private final Map<String, CompletableFuture<InstanceSnapshot>> orphans = new java.util.HashMap<>();

  ResultWaits(InMemoryEngine engine, ScheduledExecutorService scheduler) {
    this.engine = engine;
    this.scheduler = scheduler;
  }

  /** Remembers a completed instance while some wait is open. */
  void engineChanged(InstanceSnapshot s) {
    if (s.state() == InstanceStatus.COMPLETED && awaiting.get() > 0) {
      CompletableFuture<InstanceSnapshot> orphan;
      synchronized (recentlyCompleted) {
        orphan = orphans.remove(s.id());
        if (orphan == null) {
          recentlyCompleted.put(s.id(), s);
        }
      }
      if (orphan != null) {
        orphan.complete(s);
      }
    }
  }

  /** Starts {@code cmd} and answers {@code call} once the instance completed, or fails it at {@code timeout}. */
  void startAndAwait(GatewayCall<CreateProcessInstanceWithResultResponse> call, StartCommand cmd,
      CreateProcessInstanceWithResultRequest request, Duration timeout) {
    CompletableFuture<InstanceSnapshot> completed = startCompletion(cmd);
    ScheduledFuture<?> timer = scheduler.schedule(() -> completed.completeExceptionally(new EngineException(
        EngineException.Reason.TIMEOUT, "Request ProcessInstanceCreationRecord timed out in " + timeout)),
        timeout.toNanos(), TimeUnit.NANOSECONDS);
    call.onCancel(() -> completed.cancel(false));
    completed.whenComplete((s, e) -> {
      timer.cancel(false);
      if (e == null) {
        call.reply(CreateProcessInstanceWithResultResponse.newBuilder()
            .setProcessDefinitionKey(key(s.definitionKey()))
            .setBpmnProcessId(s.processId())
            .setVersion(s.version())
            .setProcessInstanceKey(key(s.id()))
            .setTenantId(s.tenantId())
            .setVariables(json(select(s.variables(), request.getFetchVariablesList())))
            .build());
      } else if (e instanceof EngineException ee) {
        call.fail(ZeebeStatuses.toStatus(call.rpc, null, ee));
      } else if (!(e instanceof CancellationException)) {
        call.fail(GatewayCalls.unexpected(e));
      }
    });
  }

  /**
   * Starts {@code cmd}; the future completes with the instance's COMPLETED snapshot and never by
   * itself otherwise (the caller's timeout ends it). Engine failures of the start are thrown.
   */
  CompletableFuture<InstanceSnapshot> startCompletion(StartCommand cmd) {
    awaiting.incrementAndGet();
    CompletableFuture<InstanceSnapshot> completed;
    try {
      InstanceSnapshot started = engine.start(cmd);
      completed = completion(started);
    } catch (RuntimeException e) {
      awaiting.decrementAndGet();
      throw e;
    }
    completed.whenComplete((s, e) -> awaiting.decrementAndGet());
    return completed;
  }

  /**
   * Completes with the COMPLETED snapshot of the instance. An instance that is cancelled or fails
   * never completes it (Zeebe does not answer then either): the request timeout does.
   */
  private CompletableFuture<InstanceSnapshot> completion(InstanceSnapshot started) {
    Predicate<InstanceSnapshot> done = s -> s.state() == InstanceStatus.COMPLETED;
    if (done.test(started)) {
      return CompletableFuture.completedFuture(started);
    }
    if (started.isEnded()) {
      return new CompletableFuture<>();
    }
    try {
      return engine.when(started.id(), done);
    } catch (EngineException e) {
      if (e.reason() != EngineException.Reason.INSTANCE_NOT_FOUND) {
        throw e;
      }
      // Ended (and dropped: keepEndedInstances(false)) between start and when.
      CompletableFuture<InstanceSnapshot> orphan = new CompletableFuture<>();
      synchronized (recentlyCompleted) {
        InstanceSnapshot s = recentlyCompleted.remove(started.id());
        if (s != null) {
          return CompletableFuture.completedFuture(s);
        }
        orphans.put(started.id(), orphan);
      }
      // Cancelled or failed and dropped: no COMPLETED notification will come; the timeout ends the wait.
      orphan.whenComplete((s, x) -> {
        synchronized (recentlyCompleted) {
          orphans.remove(started.id(), orphan);
        }
      });
      return orphan;
    }
  }
}
