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
  /** {@code "topology"}: idempotent, safe to repeat. */
  Operation TOPOLOGY = Operation.of("topology", true);
  /** {@code "set variables"}: idempotent, safe to repeat. */
  Operation SET_VARIABLES = Operation.of("set variables", true);
  /** {@code "resolve incident"}: idempotent, safe to repeat. */
  Operation RESOLVE_INCIDENT = Operation.of("resolve incident", true);
  /** {@code "update job retries"}: idempotent, safe to repeat. */
  Operation UPDATE_JOB_RETRIES = Operation.of("update job retries", true);
  /** {@code "broadcast signal"}: not idempotent, a repeat may duplicate work. */
  Operation BROADCAST_SIGNAL = Operation.of("broadcast signal", false);
  /** {@code "activate jobs"}: not idempotent, a repeat may duplicate work. */
  Operation ACTIVATE_JOBS = Operation.of("activate jobs", false);
  /** {@code "complete job"}: not idempotent, a repeat may duplicate work. */
  Operation COMPLETE_JOB = Operation.of("complete job", false);
  /** {@code "fail job"}: not idempotent, a repeat may duplicate work. */
  Operation FAIL_JOB = Operation.of("fail job", false);
  /** {@code "throw error"}: not idempotent, a repeat may duplicate work. */
  Operation THROW_ERROR = Operation.of("throw error", false);

  /** {@return the cluster as the gateway sees it} */
  CompletableFuture<Topology> topology();

  /**
   * Sets variables on an element instance (a process instance key is the root element instance).
   *
   * @param local true to set them on that scope only, false to propagate to the outermost scope
   *     that already has them
   * @param elementInstanceKey the element instance key
   * @param variables the variables, by name
   * @return the command's key
   */
  CompletableFuture<Long> setVariables(long elementInstanceKey, Map<String, ?> variables, boolean local);

  /**
   * Resolves an incident, so the element it stopped is tried again.
   *
   * @param incidentKey the incident's key
   * @return a future that completes when Zeebe has resolved it, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> resolveIncident(long incidentKey);

  /**
   * Sets a job's retries (give a job that ran out of retries new ones, then resolve its incident).
   *
   * @param jobKey the job's key
   * @param retries the retries it has from now on
   * @return a future that completes when Zeebe has updated it, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> updateJobRetries(long jobKey, int retries);

  /**
   * Broadcasts a signal; completes with the signal's key.
   *
   * @param signalName the signal name
   * @param variables the variables, by name
   * @return a future of the long, or failed with a WorkflowException
   */
  CompletableFuture<Long> broadcastSignal(String signalName, Map<String, ?> variables);

  /**
   * Activates up to {@code maxJobs} jobs of {@code type}, locking them for {@code timeout}. Returns
   * what the gateway had (it may long-poll up to its default request timeout).
   *
   * @param type the type
   * @param maxJobs how many jobs at most
   * @param timeout how long to wait
   * @param worker the worker's name
   * @return a future of the list, or failed with a WorkflowException
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(String type, int maxJobs, Duration timeout, String worker);

  /**
   * As {@link #activateJobs(String, int, Duration, String)}, long-polling at most {@code requestTimeout}.
   *
   * @param type the type
   * @param maxJobs how many jobs at most
   * @param timeout how long to wait
   * @param worker the worker's name
   * @param requestTimeout the request timeout
   * @return a future of the list, or failed with a WorkflowException
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(
      String type, int maxJobs, Duration timeout, String worker, Duration requestTimeout);

  /**
   * Completes an activated job.
   *
   * @param jobKey the job's key
   * @param variables the variables to merge into the instance; may be empty
   * @return a future that completes when Zeebe has completed the job, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> completeJob(long jobKey, Map<String, ?> variables);

  /**
   * Fails a job; with {@code retries} 0 the engine raises an incident.
   *
   * @param jobKey the job's key
   * @param retries the retries left
   * @param errorMessage the error message
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage);

  /**
   * Throws a BPMN error from a job, caught by a boundary or event sub-process error event.
   *
   * @param jobKey the job's key
   * @param errorCode the error code
   * @param errorMessage the error message
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> throwError(long jobKey, String errorCode, String errorMessage);

  /**
   * Starts a polling worker for jobs of {@code type}; close it (or the client) to stop it.
   *
   * @param type the type
   * @param handler the handler
   * @return the job worker
   */
  JobWorker newWorker(String type, ZeebeJobHandler handler);

  /**
   * Starts a polling worker with explicit settings.
   *
   * @param type the type
   * @param handler the handler
   * @param settings the settings
   * @return the job worker
   */
  JobWorker newWorker(String type, ZeebeJobHandler handler, JobWorker.Settings settings);
}
