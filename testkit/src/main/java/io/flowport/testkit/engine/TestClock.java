package io.flowport.testkit.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to. Engines using it fire due timers and expire messages
 * synchronously inside {@link #advance(Duration)} / {@link #set(Instant)}: nothing sleeps.
 * It is a {@link Clock} (UTC), so application code under test can use it too. Thread-safe.
 */
public final class TestClock extends Clock {
  /** Where {@link #create()} starts: 2025-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final Object lock = new Object();
  private volatile Instant now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private TestClock(Instant start) {
    this.now = start;
  }

  /** {@return a clock at {@link #DEFAULT_START}} */
  public static TestClock create() {
    return new TestClock(DEFAULT_START);
  }

  /**
   * {@return a clock at the given instant}
   *
   * @param start the start
   */
  public static TestClock at(Instant start) {
    if (start == null) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "start must not be null");
    }
    return new TestClock(start);
  }

  /** {@return the current instant} */
  public Instant now() {
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock is always UTC; returns {@code this} for UTC, a fixed clock otherwise. */
  @Override
  public Clock withZone(ZoneId zone) {
    return ZoneOffset.UTC.equals(zone) ? this : Clock.fixed(now, zone);
  }

  /**
   * Moves the clock forward and fires what became due before returning. Negative → INVALID_ARGUMENT.
   *
   * @param duration the duration
   * @return the advance
   */
  public Instant advance(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "duration must be zero or positive, was " + duration);
    }
    Instant result;
    synchronized (lock) {
      now = now.plus(duration);
      result = now;
    }
    fire();
    return result;
  }

  /**
   * Sets the clock (backwards too) and fires what became due before returning.
   *
   * @param instant the instant
   */
  public void set(Instant instant) {
    if (instant == null) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "instant must not be null");
    }
    synchronized (lock) {
      now = instant;
    }
    fire();
  }

  /**
   * Called after every move; used by engines.
   *
   * @param listener the listener told of each call
   * @return the registration
   */
  public Registration onAdvance(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void fire() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  @Override
  public String toString() {
    return "TestClock[" + now + "]";
  }
}
