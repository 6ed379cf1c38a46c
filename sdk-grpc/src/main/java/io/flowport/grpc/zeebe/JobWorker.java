package io.flowport.grpc.zeebe;

import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simple polling job worker: one daemon thread activates jobs of one type and runs the {@link
 * ZeebeJobHandler} on each, one after the other, then completes, fails or throws an error for it. Made by
 * {@link ZeebeOperations#newWorker}; {@link #close()} (or closing the client) stops the thread.
 */
public final class JobWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
  /** The kind of the last non-retryable poll failure warned about, or null; only the worker thread uses it. */
  private ErrorKind warnedKind;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ZeebeOperations ops;
  private final String type;
  private final ZeebeJobHandler handler;
  private final Settings settings;
  private final Consumer<JobWorker> onClose;
  private final Thread thread;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closed;
  private volatile CompletableFuture<?> inFlight;

  /**
   * How a worker polls.
   *
   * @param workerName the name the gateway records on activated jobs
   * @param maxJobsToActivate jobs asked for per poll
   * @param jobTimeout how long an activated job stays locked to this worker
   * @param pollInterval the pause after a poll that returned nothing or failed
   * @param requestTimeout how long the gateway may long-poll for jobs
   */
  public record Settings(
      String workerName, int maxJobsToActivate, Duration jobTimeout, Duration pollInterval, Duration requestTimeout) {
    /**
     * Creates the record: checks the components.
     *
     * @param workerName the name the gateway records on activated jobs
     * @param maxJobsToActivate jobs asked for per poll
     * @param jobTimeout how long an activated job stays locked to this worker
     * @param pollInterval the pause after a poll that returned nothing or failed
     * @param requestTimeout how long the gateway may long-poll for jobs
     */
    public Settings {
      Objects.requireNonNull(workerName, "workerName == null");
      if (maxJobsToActivate < 1) {
        throw new IllegalArgumentException("maxJobsToActivate must be at least 1, was " + maxJobsToActivate);
      }
      Objects.requireNonNull(jobTimeout, "jobTimeout == null");
      Objects.requireNonNull(pollInterval, "pollInterval == null");
      Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    }

    /**
     * Worker "flowport", 32 jobs per poll, 5 min lock, 100 ms pause, 1 s long poll.
     *
     * @return the settings
     */
    public static Settings defaults() {
      return new Settings("flowport", 32, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    /**
     * Sets the with worker name.
     *
     * @param name the name
     * @return the settings
     */
    public Settings withWorkerName(String name) {
      return new Settings(name, maxJobsToActivate, jobTimeout, pollInterval, requestTimeout);
    }

    /**
     * Sets the with max jobs to activate.
     *
     * @param max the max
     * @return the settings
     */
    public Settings withMaxJobsToActivate(int max) {
      return new Settings(workerName, max, jobTimeout, pollInterval, requestTimeout);
    }

    /**
     * Sets the with job timeout.
     *
     * @param timeout how long to wait
     * @return the settings
     */
    public Settings withJobTimeout(Duration timeout) {
      return new Settings(workerName, maxJobsToActivate, timeout, pollInterval, requestTimeout);
    }

    /**
     * Sets the with poll interval.
     *
     * @param interval the interval
     * @return the settings
     */
    public Settings withPollInterval(Duration interval) {
      return new Settings(workerName, maxJobsToActivate, jobTimeout, interval, requestTimeout);
    }

    /**
     * Sets the with request timeout.
     *
     * @param timeout how long to wait
     * @return the settings
     */
    public Settings withRequestTimeout(Duration timeout) {
      return new Settings(workerName, maxJobsToActivate, jobTimeout, pollInterval, timeout);
    }
  }

  JobWorker(ZeebeOperations ops, String type, ZeebeJobHandler handler, Settings settings, Consumer<JobWorker> onClose) {
    this.ops = ops;
    this.type = type;
    this.handler = handler;
    this.settings = settings;
    this.onClose = onClose;
    this.thread = new Thread(this::run, "flowport-zeebe-worker-" + type + "-" + THREADS.incrementAndGet());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** {@return the job type this worker handles} */
  public String type() {
    return type;
  }

  /**
   * Jobs whose handler returned normally (and were then completed).
   *
   * @return the handled jobs
   */
  public long handledJobs() {
    return handled.get();
  }

  /**
   * Jobs whose handler threw (failed or error thrown).
   *
   * @return the failed jobs
   */
  public long failedJobs() {
    return failed.get();
  }

  /** {@return whether closed} */
  public boolean isClosed() {
    return closed;
  }

  /**
   * A failure that a retry cannot cure (a certificate, the credentials, a permission) means the worker
   * gets no job until someone acts: WARN once per kind in a row, so it does not fail quietly, and not
   * on every poll. Transient failures (unavailable, back pressure, timeouts) stay at DEBUG.
   */
  private void logPollFailure(Throwable error) {
    ErrorKind kind = error instanceof WorkflowException we && !we.isRetryable() ? we.kind() : null;
    if (kind != null && kind != warnedKind) {
      warnedKind = kind;
      log.warn("activating {} jobs failed, and will until this is fixed: {}", type, error.toString());
    } else {
      log.debug("activating {} jobs failed: {}", type, error.toString());
    }
  }

  private void run() {
    while (!closed) {
      List<ActivatedJob> jobs;
      try {
        CompletableFuture<List<ActivatedJob>> poll = ops.activateJobs(
            type, settings.maxJobsToActivate(), settings.jobTimeout(), settings.workerName(), settings.requestTimeout());
        inFlight = poll;
        if (closed) {
          poll.cancel(true);
          return;
        }
        jobs = poll.get();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!closed) {
          logPollFailure(CallExecutor.unwrap(e));
          pause();
        }
        continue;
      } finally {
        inFlight = null;
      }
      warnedKind = null; // the gateway answered: a later failure is news again
      for (ActivatedJob job : jobs) {
        if (closed) {
          return; // the jobs left time out and are handed out again
        }
        handle(job);
      }
      if (jobs.isEmpty()) {
        pause();
      }
    }
  }

  private void handle(ActivatedJob job) {
    CompletableFuture<Void> result;
    try {
      Map<String, ?> variables = handler.handle(job);
      result = ops.completeJob(job.key(), variables == null ? Map.of() : variables);
      handled.incrementAndGet();
    } catch (ZeebeBpmnError e) {
      failed.incrementAndGet();
      result = ops.throwError(job.key(), e.errorCode(), e.getMessage() == null ? "" : e.getMessage());
    } catch (Exception | Error e) {
      failed.incrementAndGet();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      result = ops.failJob(job.key(), Math.max(0, job.retries() - 1), message);
    }
    try {
      result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("reporting job {} of type {} failed: {}", job.key(), type, CallExecutor.unwrap(e).toString());
    }
  }

  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops polling and waits (briefly) for the current handler to return. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<?> poll = inFlight;
    if (poll != null) {
      poll.cancel(true);
    }
    if (Thread.currentThread() != thread) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    onClose.accept(this);
  }

  @Override
  public String toString() {
    return "JobWorker{type=" + type + ", worker=" + settings.workerName() + ", closed=" + closed + "}";
  }
}
