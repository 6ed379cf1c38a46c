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

  /**
   * 4 attempts, 100 ms base (500 ms on back pressure), doubling, at most 5 s, jitter 0.5.
   *
   * @return the retry policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return one attempt, never repeated} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .baseDelay(baseDelay)
        .backPressureBaseDelay(backPressureBaseDelay)
        .maxDelay(maxDelay)
        .multiplier(multiplier)
        .jitter(jitter);
  }

  /**
   * Attempts in all, the first included.
   *
   * @return the max attempts
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the base delay} */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** {@return the back pressure base delay} */
  public Duration backPressureBaseDelay() {
    return backPressureBaseDelay;
  }

  /** {@return the max delay} */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** {@return the multiplier} */
  public double multiplier() {
    return multiplier;
  }

  /** {@return the fraction of each delay that is randomised, 0 (none) to 1} */
  public double jitter() {
    return jitter;
  }

  /**
   * {@return the delay before attempt {@code attempt + 1} without jitter: {@code base * multiplier^(attempt-1)},
   * capped at {@link #maxDelay()}}
   *
   * @param attempt the attempt, from 1
   * @param backPressure the back pressure
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

    /**
     * Sets the max attempts.
     *
     * @param maxAttempts the max attempts
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the base delay.
     *
     * @param baseDelay the base delay
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = positive(baseDelay, "baseDelay");
      return this;
    }

    /**
     * Sets the back pressure base delay.
     *
     * @param delay the delay
     * @return this builder
     */
    public Builder backPressureBaseDelay(Duration delay) {
      this.backPressureBaseDelay = positive(delay, "backPressureBaseDelay");
      return this;
    }

    /**
     * Sets the max delay.
     *
     * @param maxDelay the max delay
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Sets the multiplier.
     *
     * @param multiplier the multiplier
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the jitter.
     *
     * @param jitter the jitter
     * @return this builder
     */
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

    /** {@return the build} */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
