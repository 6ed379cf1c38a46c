package io.flowport.testkit.fakes.zeebe;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * StreamActivatedJobs (Zeebe 8.4+ job push): a stream stays open until the client cancels it, and
 * each job of its type and tenants is activated for it (worker, timeout) and pushed as it becomes
 * activatable: created, failed with retries left, its activation timed out, its retries updated.
 * Like the real broker, jobs that were already waiting when the stream opened are not pushed
 * (workers poll ActivateJobs for those) until one of those events makes them activatable again.
 * Several streams of a type take turns; a stream whose client is not ready (flow control) is
 * skipped, its jobs left to the others or to polling. Wakes on engine changes and on a tick (job
 * timeouts follow the engine clock). No gRPC thread waits.
 */
final class JobStreams {
  private static final Duration TICK = Duration.ofMillis(50);

  private final InMemoryEngine engine;
  private final GatewayCalls calls;
  private final ElementInstanceKeys elementKeys;
  private final ScheduledFuture<?> tick;
  /** Changed under this object's lock; read without it by {@link #serveIfAny} (engine listeners must not wait). */
  private final List<JobStream> streams = new CopyOnWriteArrayList<>();
  private int nextTurn;

  JobStreams(InMemoryEngine engine, GatewayCalls calls, ScheduledExecutorService scheduler,
      ElementInstanceKeys elementKeys) {
    this.engine = engine;
    this.calls = calls;
    this.elementKeys = elementKeys;
    this.tick = scheduler.scheduleWithFixedDelay(this::serveIfAny, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Validates like the gateway, then registers {@code call} as a stream until the client cancels it. */
  void open(GatewayCall<ActivatedJob> call, StreamActivatedJobsRequest request) {
    if (request.getType().isBlank()) {
      throw invalid("type", "present", "blank");
    }
    if (request.getTimeout() < 1) {
      throw invalid("timeout", "greater than zero", Long.toString(request.getTimeout()));
    }
    Set<String> tenants = request.getTenantIdsCount() == 0
        ? Set.of(engine.options().defaultTenantId()) : Set.copyOf(request.getTenantIdsList());
    JobStream stream = new JobStream(call, request, tenants);
    synchronized (this) {
      for (JobSnapshot j : engine.activeJobs(request.getType())) {
        if (stream.wants(j) && activatable(j, engine.clock().now())) {
          stream.waiting.put(j.key(), j);
        }
      }
      streams.add(stream);
    }
    call.onCancel(() -> remove(stream));
    call.onReady(() -> calls.submit(this::serve));
  }

  /** Pushes what became activatable after an engine change, when there are streams. */
  void engineChanged() {
    serveIfAny();
  }

  /** Stops the tick and ends every stream with UNAVAILABLE. */
  void shutdown() {
    tick.cancel(false);
    List<JobStream> left;
    synchronized (this) {
      left = new ArrayList<>(streams);
      streams.clear();
    }
    for (JobStream s : left) {
      s.call.fail(Status.UNAVAILABLE.withDescription("the fake gateway is shutting down").asRuntimeException());
    }
  }

  private void serveIfAny() {
    if (!streams.isEmpty()) {
      calls.submit(this::serve);
    }
  }

  private synchronized void remove(JobStream stream) {
    streams.remove(stream);
  }

  /** Hands out jobs one at a time, the streams taking turns, until none is left for a ready stream. */
  private synchronized void serve() {
    if (streams.isEmpty()) {
      return;
    }
    Map<String, Map<String, JobSnapshot>> openByType = new HashMap<>();
    for (JobStream s : streams) {
      s.forgetChanged(openByType.computeIfAbsent(s.request.getType(), this::openJobs));
    }
    boolean pushed = true;
    while (pushed && !streams.isEmpty()) {
      pushed = false;
      for (int i = 0; i < streams.size(); i++) {
        JobStream s = streams.get((nextTurn + i) % streams.size());
        if (s.call.isReady() && s.pushOne()) {
          pushed = true;
        }
      }
      nextTurn = streams.isEmpty() ? 0 : (nextTurn + 1) % streams.size();
    }
  }

  private Map<String, JobSnapshot> openJobs(String type) {
    Map<String, JobSnapshot> open = new HashMap<>();
    engine.activeJobs(type).forEach(j -> open.put(j.key(), j));
    return open;
  }

  private static boolean activatable(JobSnapshot j, Instant now) {
    return j.retries() > 0 && (j.deadline() == null || !j.deadline().isAfter(now));
  }

  private static RuntimeException invalid(String field, String expectation, String actual) {
    // the gateway's own validation: a plain status, no broker rejection prefix
    return Status.INVALID_ARGUMENT.withDescription("Expected to stream activated jobs with " + field + " to be "
        + expectation + ", but it was " + actual).asRuntimeException();
  }

  /** One open stream. */
  private final class JobStream {
    final GatewayCall<ActivatedJob> call;
    final StreamActivatedJobsRequest request;
    final Set<String> tenants;
    /** Jobs that were activatable when the stream opened, as they were then: not pushed while unchanged. */
    final Map<String, JobSnapshot> waiting = new HashMap<>();

    JobStream(GatewayCall<ActivatedJob> call, StreamActivatedJobsRequest request, Set<String> tenants) {
      this.call = call;
      this.request = request;
      this.tenants = tenants;
    }

    boolean wants(JobSnapshot j) {
      return tenants.contains(j.tenantId());
    }

    /** A waiting job that was activated, failed, timed out or closed since is activatable anew. */
    void forgetChanged(Map<String, JobSnapshot> open) {
      waiting.entrySet().removeIf(e -> !sameActivation(e.getValue(), open.get(e.getKey())));
    }

    /** Activates and pushes one job; false when there is none for this stream. */
    boolean pushOne() {
      List<JobSnapshot> jobs = engine.activateJobs(request.getType(), 1, Duration.ofMillis(request.getTimeout()),
          request.getWorker(), j -> wants(j) && !waiting.containsKey(j.key()));
      if (jobs.isEmpty()) {
        return false;
      }
      JobSnapshot job = jobs.get(0);
      if (!call.push(ActivatedJobs.of(engine, elementKeys, job, request.getWorker(), request.getFetchVariableList()))) {
        // the client went away: give the job back at once, as the broker does when a push fails
        try {
          engine.failJob(job.key(), job.retries(), job.errorMessage());
        } catch (RuntimeException e) {
          // the job ended meanwhile: nothing to give back
        }
        remove(this);
        return false;
      }
      return true;
    }

    private boolean sameActivation(JobSnapshot then, JobSnapshot now) {
      return now != null && now.retries() == then.retries() && Objects.equals(now.deadline(), then.deadline())
          && Objects.equals(now.worker(), then.worker()) && Objects.equals(now.errorMessage(), then.errorMessage());
    }
  }
}
