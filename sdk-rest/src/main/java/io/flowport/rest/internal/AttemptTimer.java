package io.flowport.rest.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okio.AsyncTimeout;

/**
 * The attempt's deadline, started when the attempt is sent to OkHttp rather than when a dispatcher
 * thread takes it: OkHttp's own call timeout starts only then, so a call queued behind
 * {@code maxRequestsPerHost} waited without a limit (200 calls with a 1.5 s timeout ended after up
 * to 4 s). It runs on Okio's JVM-wide watchdog thread, which OkHttp already uses for its timeouts,
 * so it adds no thread of its own; {@link #onTimeout} must only hand work off.
 */
public final class AttemptTimer extends AsyncTimeout {
  private final Runnable onTimeout;
  private volatile boolean fired;

  /** A timer that runs {@code onTimeout} (quickly, on the watchdog thread) when it fires. */
  public AttemptTimer(Runnable onTimeout) {
    this.onTimeout = onTimeout;
  }

  /** Starts the timer: it fires after {@code remaining} unless {@link #stop()} comes first. */
  public void start(Duration remaining) {
    timeout(Math.max(1, remaining.toNanos()), TimeUnit.NANOSECONDS);
    enter();
  }

  /** Stops the timer; harmless when it fired or was stopped already. */
  public void stop() {
    exit();
  }

  /** Whether the deadline passed before the call ended. */
  public boolean fired() {
    return fired;
  }

  @Override
  protected void timedOut() {
    fired = true;
    onTimeout.run();
  }
}
