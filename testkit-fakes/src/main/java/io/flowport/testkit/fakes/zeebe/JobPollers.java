package io.flowport.testkit.fakes.zeebe;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ActivateJobs with long polling: a call that finds no job waits, registered here, until a job
 * appears (an engine change wakes the pollers), its request timeout passes (a scheduler tick checks)
 * or the client cancels. No gRPC thread waits.
 */
final class JobPollers {
  private static final Duration POLL_TICK = Duration.ofMillis(50);

  private final InMemoryEngine engine;
  private final ElementInstanceKeys elementKeys;
  private final GatewayCalls calls;
  private final ScheduledFuture<?> tick;
  private final List<Poller> pollers = new ArrayList<>();

  JobPollers(InMemoryEngine engine, GatewayCalls calls, ScheduledExecutorService scheduler,
      ElementInstanceKeys elementKeys) {
    this.engine = engine;
    this.elementKeys = elementKeys;
    this.calls = calls;
    this.tick = scheduler.scheduleWithFixedDelay(this::serve, POLL_TICK.toMillis(), POLL_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Answers {@code call} with the jobs it can activate now, or registers it to wait for some. */
  void activate(GatewayCall<ActivateJobsResponse> call, ActivateJobsRequest request) {
    if (request.getMaxJobsToActivate() <= 0) {
      throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
          "Expected to activate job batch with max jobs to activate to be greater than zero, but it was '"
              + request.getMaxJobsToActivate() + "'");
    }
    if (request.getTimeout() <= 0) {
      throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
          "Expected to activate job batch with timeout to be greater than zero, but it was '"
              + request.getTimeout() + "'");
    }
    if (request.getType().isBlank()) {
      throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
          "Expected to activate job batch with type to be present, but it was blank");
    }
    Duration wait = request.getRequestTimeout() > 0 ? Duration.ofMillis(request.getRequestTimeout())
        : request.getRequestTimeout() == 0 ? GatewayService.DEFAULT_REQUEST_TIMEOUT : Duration.ZERO;
    Poller poller = new Poller(call, request, wait);
    if (poller.attempt(wait.isZero())) {
      return;
    }
    call.onCancel(() -> {
      poller.finished.set(true);
      synchronized (pollers) {
        pollers.remove(poller);
      }
    });
    synchronized (pollers) {
      if (!poller.finished.get()) {
        pollers.add(poller);
      }
    }
    calls.submit(this::serve); // a job may have appeared between the attempt and the registration
  }

  /** Wakes the waiting calls after an engine change, when there are any. */
  void engineChanged() {
    boolean any;
    synchronized (pollers) {
      any = !pollers.isEmpty();
    }
    if (any) {
      calls.submit(this::serve);
    }
  }

  /** Stops the tick and fails every waiting call with UNAVAILABLE. */
  void shutdown() {
    tick.cancel(false);
    List<Poller> left;
    synchronized (pollers) {
      left = new ArrayList<>(pollers);
      pollers.clear();
    }
    for (Poller p : left) {
      p.call.fail(Status.UNAVAILABLE.withDescription("the fake gateway is shutting down").asRuntimeException());
    }
  }

  /** Lets every waiting call try again; called on engine changes and on the tick. */
  void serve() {
    List<Poller> snapshot;
    synchronized (pollers) {
      if (pollers.isEmpty()) {
        return;
      }
      snapshot = new ArrayList<>(pollers);
    }
    for (Poller p : snapshot) {
      boolean done;
      try {
        synchronized (p) {
          done = p.attempt(false);
        }
      } catch (EngineException e) {
        p.finished.set(true);
        p.call.fail(ZeebeStatuses.toStatus(Rpc.ACTIVATE_JOBS, null, e));
        done = true;
      } catch (RuntimeException e) {
        p.finished.set(true);
        p.call.fail(GatewayCalls.unexpected(e));
        done = true;
      }
      if (done) {
        synchronized (pollers) {
          pollers.remove(p);
        }
      }
    }
  }

  private ActivateJobsResponse response(List<JobSnapshot> jobs, ActivateJobsRequest request) {
    ActivateJobsResponse.Builder b = ActivateJobsResponse.newBuilder();
    for (JobSnapshot j : jobs) {
      b.addJobs(ActivatedJobs.of(engine, elementKeys, j, request.getWorker(), request.getFetchVariableList()));
    }
    return b.build();
  }

  /** A waiting ActivateJobs call. */
  private final class Poller {
    final GatewayCall<ActivateJobsResponse> call;
    final ActivateJobsRequest request;
    final long deadlineNanos;
    final AtomicBoolean finished = new AtomicBoolean();

    Poller(GatewayCall<ActivateJobsResponse> call, ActivateJobsRequest request, Duration wait) {
      this.call = call;
      this.request = request;
      this.deadlineNanos = System.nanoTime() + wait.toNanos();
    }

    /** Tries to activate; answers and returns true when done (jobs found, expired or cancelled). */
    boolean attempt(boolean last) {
      if (finished.get()) {
        return true;
      }
      List<JobSnapshot> jobs = engine.activateJobs(request.getType(), request.getMaxJobsToActivate(),
          Duration.ofMillis(request.getTimeout()), request.getWorker());
      if (!jobs.isEmpty() || last || System.nanoTime() >= deadlineNanos) {
        finished.set(true);
        call.reply(response(jobs, request));
        return true;
      }
      return false;
    }
  }
}
