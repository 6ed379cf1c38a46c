package io.flowport.core.spi;

/**
 * What a backend guarantees, so the {@link CallExecutor} can skip work the wire already does.
 * The defaults ({@link #CONSERVATIVE}) promise nothing and cost two timers and a thread hop per
 * call; a backend that keeps a promise saves that on every call.
 *
 * @param enforcesDeadlines every attempt's future completes (with a timeout error) by the
 *     {@link CallContext#deadline()} it was given, because the wire enforces it (a gRPC deadline,
 *     the REST transport's attempt timer, queueing included); the executor then sets no attempt timer of its own
 * @param completesOffIoThreads the backend's futures never complete on a network I/O thread, so
 *     user callbacks may run where they complete (gRPC with an application executor, a
 *     synchronous in-memory engine); otherwise they are handed to the callback executor
 */
public record BackendTraits(boolean enforcesDeadlines, boolean completesOffIoThreads) {
  /** Promises nothing: the executor enforces deadlines and moves completions itself. */
  public static final BackendTraits CONSERVATIVE = new BackendTraits(false, false);
}
