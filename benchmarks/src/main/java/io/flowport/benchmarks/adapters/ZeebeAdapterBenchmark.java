package io.flowport.benchmarks.adapters;

import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.flowport.core.model.Instance;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.net.URI;
import java.util.concurrent.CompletionStage;
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
 * Flowport's Zeebe adapter against (a) the raw generated stub and (c) the official Zeebe Java
 * client, all starting the same instance on the same canned in-JVM gateway ({@link CannedGateway}).
 * Each client has its own channel (one HTTP/2 connection), built the way its users build it; all
 * three exist in every fork, so every benchmark runs in the same environment.
 *
 * <ul>
 *   <li>{@code latency_*}: one caller thread, each call joined before the next (µs per call).
 *   <li>{@code inflight64_*}: one caller thread keeping {@value Workload#IN_FLIGHT} async calls
 *       outstanding (a semaphore permit per call, released by the completion callback); the score
 *       is completed calls per second in steady state.
 * </ul>
 *
 * Flowport runs with its default options (retry policy, 30 s attempt / 2 min call timeouts,
 * common-pool callback executor): retries never trigger, as every call succeeds.
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ZeebeAdapterBenchmark {
  private CannedGateway gateway;
  private ManagedChannel rawChannel;
  private GatewayGrpc.GatewayFutureStub futureStub;
  private GatewayGrpc.GatewayBlockingStub blockingStub;
  private ZeebeClient flowport;
  private io.camunda.zeebe.client.ZeebeClient official;

  private final CreateProcessInstanceRequest rawRequest = CreateProcessInstanceRequest.newBuilder()
      .setBpmnProcessId(Workload.PROCESS).setVersion(-1).setVariables(Workload.VARIABLES_JSON).build();
  private final Semaphore inFlight = new Semaphore(Workload.IN_FLIGHT);
  private final AtomicLong failures = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    gateway = CannedGateway.start();
    rawChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    futureStub = GatewayGrpc.newFutureStub(rawChannel);
    blockingStub = GatewayGrpc.newBlockingStub(rawChannel);
    flowport = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().build();
    official = io.camunda.zeebe.client.ZeebeClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + gateway.address()))
        .usePlaintext()
        .preferRestOverGrpc(false)
        .build();
    // One call each: connects the three channels and checks each makes exactly one request.
    check("raw future stub", () -> futureStub.createProcessInstance(rawRequest).get());
    check("raw blocking stub", () -> blockingStub.createProcessInstance(rawRequest));
    check("flowport", () -> flowport.instances().start(Workload.START).join());
    check("official", () -> official.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS).latestVersion()
        .variables(Workload.VARIABLES_JSON).send().join());
  }

  private void check(String who, java.util.concurrent.Callable<?> call) throws Exception {
    long before = gateway.creates();
    Object answer = call.call();
    if (answer == null || gateway.creates() != before + 1) {
      throw new IllegalStateException(who + ": expected one create, got " + (gateway.creates() - before));
    }
  }

  /** Lets the calls still outstanding after an iteration finish before the next one starts. */
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
  public void tearDown() throws InterruptedException {
    official.close();
    flowport.close();
    rawChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
  }

  // ------------------------------------------------------------------ single-call latency

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public CreateProcessInstanceResponse latency_rawFutureStub() throws Exception {
    return futureStub.createProcessInstance(rawRequest).get();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public CreateProcessInstanceResponse latency_rawBlockingStub() {
    return blockingStub.createProcessInstance(rawRequest);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_flowport() {
    return flowport.instances().start(Workload.START).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ProcessInstanceEvent latency_official() {
    return official.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS).latestVersion()
        .variables(Workload.VARIABLES_JSON).send().join();
  }

  // ------------------------------------------------------------------ throughput, 64 in flight

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_rawFutureStub() throws InterruptedException {
    inFlight.acquire();
    ListenableFuture<CreateProcessInstanceResponse> f = futureStub.createProcessInstance(rawRequest);
    f.addListener(() -> {
      try {
        f.get();
      } catch (Exception e) {
        failures.incrementAndGet();
      }
      inFlight.release();
    }, MoreExecutors.directExecutor());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_flowport() throws InterruptedException {
    inFlight.acquire();
    flowport.instances().start(Workload.START).whenComplete((v, e) -> {
      if (e != null) {
        failures.incrementAndGet();
      }
      inFlight.release();
    });
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_official() throws InterruptedException {
    inFlight.acquire();
    CompletionStage<ProcessInstanceEvent> f = official.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS)
        .latestVersion().variables(Workload.VARIABLES_JSON).send();
    f.whenComplete((v, e) -> {
      if (e != null) {
        failures.incrementAndGet();
      }
      inFlight.release();
    });
  }
}
