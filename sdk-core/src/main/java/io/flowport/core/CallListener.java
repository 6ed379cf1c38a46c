package io.flowport.core;

import java.time.Duration;

/**
 * Sees every attempt of every call, so metrics and tracing can hook in. It is called once per
 * attempt, retries included, on whatever thread finished the attempt: keep it quick and
 * non-blocking. An exception it throws is logged and ignored; it never fails the call.
 */
@FunctionalInterface
public interface CallListener {

  void onAttempt(AttemptEvent event);

  /**
   * One finished attempt.
   *
   * @param engine the engine name
   * @param operation the operation
   * @param attempt the attempt number, from 1
   * @param duration how long the attempt took
   * @param error the attempt's error, or null when it succeeded
   * @param willRetry whether another attempt follows
   */
  record AttemptEvent(
      String engine, Operation operation, int attempt, Duration duration, Throwable error, boolean willRetry) {
    public boolean succeeded() {
      return error == null;
    }
  }
}
