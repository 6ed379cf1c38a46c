package io.flowport.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client repeats failed calls: exponential backoff with jitter, a longer base delay when
 * the engine pushed back, and a budget of attempts. A call is repeated only when its error is
 * retryable <em>and</em> repeating cannot duplicate work: back pressure and refused connections
 * for every call; a timeout after the request was sent only for idempotent calls or calls that
 * carry an idempotency key (a message id).
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration backPressureBaseDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.backPressureBaseDelay = b.backPressureBaseDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
  }

  /** 4 attempts, 100 ms base (500 ms on back pressure), doubling, at most 5 s, jitter 0.5. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, never repeated. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .baseDelay(baseDelay)
        .backPressureBaseDelay(backPressureBaseDelay)
        .maxDelay(maxDelay)
        .multiplier(multiplier)
        .jitter(jitter);
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration backPressureBaseDelay() {
    return backPressureBaseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public double multiplier() {
    return multiplier;
  }

  /** The fraction of each delay that is randomised, 0 (none) to 1. */
  public double jitter() {
    return jitter;
  }

  /**
   * The delay before attempt {@code attempt + 1} without jitter: {@code base * multiplier^(attempt-1)},
   * capped at {@link #maxDelay()}.
   */
  public Duration delayBefore(int attempt, boolean backPressure) {
    Duration base = backPressure ? backPressureBaseDelay : baseDelay;
    double millis = base.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay
        + ", backPressureBaseDelay=" + backPressureBaseDelay + ", maxDelay=" + maxDelay
        + ", multiplier=" + multiplier + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration backPressureBaseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.5;

    private Builder() {}

    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = positive(baseDelay, "baseDelay");
      return this;
    }

    public Builder backPressureBaseDelay(Duration delay) {
      this.backPressureBaseDelay = positive(delay, "backPressureBaseDelay");
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
