package io.flowport.micrometer;

import io.flowport.core.CallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what a Flowport client does on a Micrometer {@link MeterRegistry}: add it as a listener.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .listener(FlowportMetrics.builder(registry).percentiles(0.5, 0.99).tag("client", "orders").build())
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code flowport.client.calls}</td><td>timer</td>
 *       <td>engine, operation, outcome, exception</td><td>whole calls, retries and backoff included</td></tr>
 *   <tr><td>{@code flowport.client.attempts}</td><td>timer</td>
 *       <td>engine, operation, outcome, exception</td><td>each attempt on the wire</td></tr>
 *   <tr><td>{@code flowport.client.retries}</td><td>counter</td>
 *       <td>engine, operation, exception</td><td>attempts that are repeated, by the error that caused it</td></tr>
 *   <tr><td>{@code flowport.client.calls.active}</td><td>gauge</td>
 *       <td>engine, operation</td><td>calls in flight</td></tr>
 * </table>
 *
 * <p>{@code outcome} is {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}; {@code exception} is
 * the error's simple class name (e.g. {@code BackPressureException}) or {@code none}. Tags never
 * carry ids, variables or messages, so the number of meters stays bounded by engines × operations ×
 * error types. Clients sharing a registry add up on the timers and counters; give each its own
 * {@code client} tag ({@link Builder#tag}) so that each also has its own in-flight gauge.
 */
public final class FlowportMetrics implements CallListener {
  /** Timer of whole calls. */
  public static final String CALLS = "flowport.client.calls";
  /** Timer of attempts. */
  public static final String ATTEMPTS = "flowport.client.attempts";
  /** Counter of attempts followed by a retry. */
  public static final String RETRIES = "flowport.client.retries";
  /** Gauge of calls in flight. */
  public static final String ACTIVE = "flowport.client.calls.active";

  private final MeterRegistry registry;
  private final Tags extraTags;
  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Timer> attempts;
  private final Meter.MeterProvider<Counter> retries;
  private final Map<Tags, AtomicInteger> active = new ConcurrentHashMap<>();

  private FlowportMetrics(Builder b) {
    this.registry = b.registry;
    this.extraTags = b.tags;
    this.calls = timer(b, CALLS, "Flowport client calls, retries and backoff included");
    this.attempts = timer(b, ATTEMPTS, "Flowport client attempts, one per request on the wire");
    this.retries = Counter.builder(RETRIES).description("Flowport client attempts that were repeated")
        .tags(extraTags).withRegistry(registry);
  }

  /**
   * Metrics on {@code registry} with the defaults: no percentiles, no histogram, no extra tags.
   *
   * @param registry the registry
   * @return the flowport metrics
   */
  public static FlowportMetrics of(MeterRegistry registry) {
    return builder(registry).build();
  }

  /**
   * Starts configuring metrics on {@code registry}.
   *
   * @param registry the registry
   * @return a new builder
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void onCallStart(Call call) {
    inFlight(call).incrementAndGet();
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    Tags tags = Tags.of("engine", event.engine(), "operation", event.operation().name());
    attempts.withTags(tags.and(outcome(event.error()))).record(event.duration());
    if (event.willRetry()) {
      retries.withTags(tags.and("exception", exception(event.error()))).increment();
    }
  }

  @Override
  public void onCallEnd(CallEnd event) {
    Call call = event.call();
    calls.withTags(Tags.of("engine", call.engine(), "operation", call.operation().name()).and(outcome(event.error())))
        .record(event.duration());
    inFlight(call).decrementAndGet();
  }

  private AtomicInteger inFlight(Call call) {
    Tags tags = Tags.of("engine", call.engine(), "operation", call.operation().name());
    return active.computeIfAbsent(tags, t -> {
      AtomicInteger count = new AtomicInteger();
      Gauge.builder(ACTIVE, count, AtomicInteger::get).description("Flowport client calls in flight")
          .tags(extraTags).tags(t).strongReference(true).register(registry);
      return count;
    });
  }

  private static Tags outcome(Throwable error) {
    String outcome = error == null ? "SUCCESS" : error instanceof CancellationException ? "CANCELLED" : "ERROR";
    return Tags.of(Tag.of("outcome", outcome), Tag.of("exception", exception(error)));
  }

  private static String exception(Throwable error) {
    if (error == null) {
      return "none";
    }
    String name = error.getClass().getSimpleName();
    return name.isEmpty() ? error.getClass().getName() : name;
  }

  private Meter.MeterProvider<Timer> timer(Builder b, String name, String description) {
    Timer.Builder timer = Timer.builder(name).description(description).tags(extraTags)
        .publishPercentileHistogram(b.histogram);
    if (b.percentiles.length > 0) {
      timer.publishPercentiles(b.percentiles);
    }
    if (b.slos.length > 0) {
      timer.serviceLevelObjectives(b.slos);
    }
    return timer.withRegistry(registry);
  }

  /** Configures {@link FlowportMetrics}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();
    private double[] percentiles = new double[0];
    private boolean histogram;
    private Duration[] slos = new Duration[0];

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
    }

    /**
     * Adds a tag to every meter, e.g. {@code client=orders} to tell two clients of one engine apart.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      tags = tags.and(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Client-side percentiles of both timers, each within [0, 1] (e.g. 0.5, 0.95, 0.99).
     *
     * @param values the values
     * @return this builder
     */
    public Builder percentiles(double... values) {
      for (double p : values) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("a percentile must be within [0, 1], was " + p);
        }
      }
      this.percentiles = values.clone();
      return this;
    }

    /**
     * Publishes a histogram of both timers, for percentiles the monitoring system aggregates.
     *
     * @param enabled whether it is on
     * @return this builder
     */
    public Builder percentileHistogram(boolean enabled) {
      this.histogram = enabled;
      return this;
    }

    /**
     * Histogram buckets at these latencies (service level objectives) for both timers.
     *
     * @param values the values
     * @return this builder
     */
    public Builder serviceLevelObjectives(Duration... values) {
      for (Duration d : values) {
        if (d == null || d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("a service level objective must be positive, was " + d);
        }
      }
      this.slos = values.clone();
      return this;
    }

    /** {@return the listener} */
    public FlowportMetrics build() {
      return new FlowportMetrics(this);
    }
  }
}
