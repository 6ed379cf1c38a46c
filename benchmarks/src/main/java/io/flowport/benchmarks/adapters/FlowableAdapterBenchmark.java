package io.flowport.benchmarks.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Instance;
import io.flowport.rest.flowable.FlowableClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flowport's Flowable adapter against raw OkHttp + Jackson ({@link RawFlowable}) making the same
 * requests to the same canned in-JVM server ({@link CannedFlowable}, 4 handler threads): start an
 * instance (POST, 201) and read one (GET, 200).
 *
 * <ul>
 *   <li>{@code latency_*}: one caller thread, each call joined before the next (µs per call). The
 *       raw baseline is asynchronous too (enqueue + callback), like the SDK; {@code rawSync} is
 *       OkHttp's blocking execute() on the caller's thread, for reference.
 *   <li>{@code inflight64_*}: one caller thread keeping {@value Workload#IN_FLIGHT} async calls
 *       outstanding; the score is completed calls per second in steady state.
 * </ul>
 *
 * Flowport runs with its default options (retries never trigger: every call succeeds).
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlowableAdapterBenchmark {
  static final String INSTANCE_ID = "2501";

  private CannedFlowable server;
  private RawFlowable raw;
  private FlowableClient flowport;

  private final Semaphore inFlight = new Semaphore(Workload.IN_FLIGHT);
  private final AtomicLong failures = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = CannedFlowable.start(4);
    raw = new RawFlowable(server.baseUrl());
    flowport = FlowableClient.builder().baseUrl(server.baseUrl()).build();
    // One call each, checking each makes exactly one request.
    long posts = server.posts();
    long gets = server.gets();
    raw.send(raw.startRequest(Workload.PROCESS, Workload.VARIABLES)).join();
    raw.execute(raw.startRequest(Workload.PROCESS, Workload.VARIABLES));
    raw.send(raw.getRequest(INSTANCE_ID)).join();
    Instance started = flowport.instances().start(Workload.START).join();
    Instance read = flowport.instances().get(INSTANCE_ID).join();
    if (server.posts() != posts + 3 || server.gets() != gets + 2
        || !INSTANCE_ID.equals(started.id()) || !INSTANCE_ID.equals(read.id())) {
      throw new IllegalStateException("unexpected requests: posts " + (server.posts() - posts) + ", gets "
          + (server.gets() - gets) + ", ids " + started.id() + "/" + read.id());
    }
  }

  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!inFlight.tryAcquire(Workload.IN_FLIGHT, 30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls did not finish: " + inFlight.availablePermits() + " permits");
    }
    inFlight.release(Workload.IN_FLIGHT);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " calls failed");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    flowport.close();
    raw.close();
    server.close();
  }

  private void track(CompletableFuture<?> f) {
    f.whenComplete((v, e) -> {
      if (e != null) {
        failures.incrementAndGet();
      }
      inFlight.release();
    });
  }

  // ------------------------------------------------------------------ single-call latency

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode latency_start_raw() {
    return raw.send(raw.startRequest(Workload.PROCESS, Workload.VARIABLES)).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode latency_start_rawSync() throws Exception {
    return raw.execute(raw.startRequest(Workload.PROCESS, Workload.VARIABLES));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_start_flowport() {
    return flowport.instances().start(Workload.START).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode latency_get_raw() {
    return raw.send(raw.getRequest(INSTANCE_ID)).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_get_flowport() {
    return flowport.instances().get(INSTANCE_ID).join();
  }

  // ------------------------------------------------------------------ throughput, 64 in flight

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_start_raw() throws InterruptedException {
    inFlight.acquire();
    track(raw.send(raw.startRequest(Workload.PROCESS, Workload.VARIABLES)));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_start_flowport() throws InterruptedException {
    inFlight.acquire();
    track(flowport.instances().start(Workload.START));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_get_raw() throws InterruptedException {
    inFlight.acquire();
    track(raw.send(raw.getRequest(INSTANCE_ID)));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_get_flowport() throws InterruptedException {
    inFlight.acquire();
    track(flowport.instances().get(INSTANCE_ID));
  }
}
