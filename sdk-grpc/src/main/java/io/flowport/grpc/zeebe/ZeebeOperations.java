package io.flowport.grpc.zeebe;

import io.flowport.core.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What only Zeebe's gateway offers, beside the unified {@link io.flowport.core.WorkflowClient}
 * operations. Like those, every method returns a future and never throws; calls run through the
 * same retries, timeouts, listeners and cancellation. Keys are Zeebe's 64-bit keys.
 */
public interface ZeebeOperations {
  Operation TOPOLOGY = Operation.of("topology", true);
  Operation SET_VARIABLES = Operation.of("set variables", true);
  Operation RESOLVE_INCIDENT = Operation.of("resolve incident", true);
  Operation UPDATE_JOB_RETRIES = Operation.of("update job retries", true);
  Operation BROADCAST_SIGNAL = Operation.of("broadcast signal", false);
  Operation ACTIVATE_JOBS = Operation.of("activate jobs", false);
  Operation COMPLETE_JOB = Operation.of("complete job", false);
  Operation FAIL_JOB = Operation.of("fail job", false);
  Operation THROW_ERROR = Operation.of("throw error", false);

  /** The cluster as the gateway sees it. */
  CompletableFuture<Topology> topology();

  /**
   * Sets variables on an element instance (a process instance key is the root element instance).
   *
   * @param local true to set them on that scope only, false to propagate to the outermost scope
   *     that already has them
   * @return the command's key
   */
  CompletableFuture<Long> setVariables(long elementInstanceKey, Map<String, ?> variables, boolean local);

  CompletableFuture<Void> resolveIncident(long incidentKey);

  CompletableFuture<Void> updateJobRetries(long jobKey, int retries);

  /** Broadcasts a signal; completes with the signal's key. */
  CompletableFuture<Long> broadcastSignal(String signalName, Map<String, ?> variables);

  /**
   * Activates up to {@code maxJobs} jobs of {@code type}, locking them for {@code timeout}. Returns
   * what the gateway had (it may long-poll up to its default request timeout).
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(String type, int maxJobs, Duration timeout, String worker);

  /** As {@link #activateJobs(String, int, Duration, String)}, long-polling at most {@code requestTimeout}. */
  CompletableFuture<List<ActivatedJob>> activateJobs(
      String type, int maxJobs, Duration timeout, String worker, Duration requestTimeout);

  CompletableFuture<Void> completeJob(long jobKey, Map<String, ?> variables);

  /** Fails a job; with {@code retries} 0 the engine raises an incident. */
  CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage);

  /** Throws a BPMN error from a job, caught by a boundary or event sub-process error event. */
  CompletableFuture<Void> throwError(long jobKey, String errorCode, String errorMessage);

  /** Starts a polling worker for jobs of {@code type}; close it (or the client) to stop it. */
  JobWorker newWorker(String type, ZeebeJobHandler handler);

  /** Starts a polling worker with explicit settings. */
  JobWorker newWorker(String type, ZeebeJobHandler handler, JobWorker.Settings settings);
}
