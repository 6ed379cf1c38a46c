package io.flowport.testkit.fakes;

import io.flowport.testkit.engine.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one clock of a {@link FakeServers} process, which every fake's engine follows. Two modes:
 *
 * <ul>
 *   <li><b>wall</b> (the standalone default): the engines' {@link TestClock}s are moved to the wall
 *       clock every {@value #TICK_MILLIS} ms by one daemon thread, so an instance starts at about
 *       now and a {@code PT5S} timer fires about 5 s later, as on the real engines.
 *       {@link #advance} and {@link #set} refuse ({@link IllegalStateException}).</li>
 *   <li><b>frozen</b> ({@code --clock frozen[=instant]}): the clocks stand at the start instant
 *       and move only through {@link #advance} / {@link #set}, which fire due timers before they
 *       return, as {@link TestClock} does in tests.</li>
 * </ul>
 *
 * The engines themselves stay on their {@link TestClock}s in both modes (nothing in an engine reads
 * the wall clock); only this driver does. Thread-safe.
 */
public final class StandaloneClock implements AutoCloseable {
  /** How often, in wall mode, the engines' clocks are moved to the wall clock. */
  public static final long TICK_MILLIS = 100;

  private final Instant frozenStart;
  private final Clock wall;
  private final List<TestClock> clocks = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final ScheduledExecutorService ticker;
  private Instant now;

  private StandaloneClock(Instant frozenStart, Clock wall) {
    this.frozenStart = frozenStart;
    this.wall = wall;
    this.now = frozenStart != null ? frozenStart : wall.instant();
    if (frozenStart == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flowport-fakes-clock");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** {@return a clock following the system's wall clock} */
  public static StandaloneClock wall() {
    return new StandaloneClock(null, Clock.systemUTC());
  }

  /**
   * {@return a clock frozen at {@code start}, moved only by {@link #advance} / {@link #set}}
   *
   * @param start where it stands
   */
  public static StandaloneClock frozen(Instant start) {
    return new StandaloneClock(Objects.requireNonNull(start, "start == null"), null);
  }

  /** {@return whether the clock is frozen (moved only on request) rather than following the wall clock} */
  public boolean isFrozen() {
    return frozenStart != null;
  }

  /** {@return {@code "frozen"} or {@code "wall"}} */
  public String mode() {
    return isFrozen() ? "frozen" : "wall";
  }

  /** {@return where a frozen clock started (and where a reset puts it back); null for the wall clock} */
  public Instant frozenStart() {
    return frozenStart;
  }

  /** {@return the time the engines see now} */
  public Instant now() {
    synchronized (lock) {
      return now;
    }
  }

  /**
   * Moves a frozen clock forward by {@code duration}, firing what came due; wall clock → {@link IllegalStateException}.
   *
   * @param duration how far, zero or positive
   * @return the new time
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or positive, was " + duration);
    }
    Instant to;
    synchronized (lock) {
      requireFrozen();
      to = now.plus(duration);
    }
    return moveTo(to);
  }

  /**
   * Sets a frozen clock (backwards too), firing what came due; wall clock → {@link IllegalStateException}.
   *
   * @param instant the new time
   * @return the new time
   */
  public Instant set(Instant instant) {
    Objects.requireNonNull(instant, "instant == null");
    synchronized (lock) {
      requireFrozen();
    }
    return moveTo(instant);
  }

  /** A frozen clock goes back to where it started (used when the engines are reset); the wall clock is left alone. */
  void restart() {
    if (isFrozen()) {
      synchronized (lock) {
        now = frozenStart;
      }
    }
  }

  /** Makes {@code clock} follow this one, setting it to {@link #now()} at once. */
  void attach(TestClock clock) {
    clocks.add(clock);
    clock.set(now());
  }

  /** Stops following {@code clock} (its engine is closed). */
  void detach(TestClock clock) {
    clocks.remove(clock);
  }

  /** Stops the wall-clock thread. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "StandaloneClock[" + mode() + ", " + now() + "]";
  }

  private void requireFrozen() {
    if (!isFrozen()) {
      throw new IllegalStateException("the clock follows the wall clock; start the fakes with --clock frozen to move it");
    }
  }

  private Instant moveTo(Instant to) {
    synchronized (lock) {
      now = to;
    }
    for (TestClock c : clocks) {
      c.set(to); // fires due timers on the caller's thread, as TestClock.advance does in tests
    }
    return to;
  }

  /** Wall mode: follow the wall clock, never backwards (a system clock stepped back waits for it to catch up). */
  private void tick() {
    try {
      Instant to;
      synchronized (lock) {
        Instant w = wall.instant();
        if (!w.isAfter(now)) {
          return;
        }
        now = w;
        to = w;
      }
      for (TestClock c : clocks) {
        c.set(to);
      }
    } catch (RuntimeException e) {
      // a failing listener must not stop the clock; the engine reports its own failures
    }
  }
}
