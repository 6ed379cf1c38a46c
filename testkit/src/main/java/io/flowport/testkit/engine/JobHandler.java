package io.flowport.testkit.engine;

/**
 * Handles jobs of one type, registered with {@link InMemoryEngine#registerHandler(String, JobHandler)}.
 *
 * <p>The engine calls the handler synchronously, on the thread that drove the instance to the task,
 * while it holds the engine lock: a handler must not block or wait for another thread that uses
 * the engine. It may {@link Job#complete complete} or {@link Job#fail fail} the job right away, or
 * keep the {@link Job} and complete it later from any thread (or leave it for {@code callback}).
 * A handler that throws fails the job with no retries left (node FAILED, incident).
 */
@FunctionalInterface
public interface JobHandler {
  /**
   * Called when an instance reaches a task of the handler's type.
   *
   * @param job the task's job, to complete or fail now or later
   */
  void handle(Job job);
}
