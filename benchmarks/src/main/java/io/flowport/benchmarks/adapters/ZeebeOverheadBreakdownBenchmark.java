package io.flowport.benchmarks.adapters;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.model.Instance;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
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
 * Diagnostic, not a headline figure: where Flowport's Zeebe overhead goes. The same canned gateway
 * and raw future stub as {@link ZeebeAdapterBenchmark}, against Flowport with
 * <ul>
 *   <li>{@code defaults}: as users get it (common-pool callback executor, default retry policy);
 *   <li>{@code directCallback}: {@code callbackExecutor(Runnable::run)}: futures completed on the
 *       gRPC thread, no hop to the common pool;
 *   <li>{@code directCallbackNoRetry}: also {@code RetryPolicy.none()} (resilience4j still wraps
 *       the call, with one attempt).
 * </ul>
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ZeebeOverheadBreakdownBenchmark {
  private CannedGateway gateway;
  private ManagedChannel rawChannel;
  private GatewayGrpc.GatewayFutureStub futureStub;
  private ZeebeClient defaults;
  private ZeebeClient directCallback;
  private ZeebeClient directCallbackNoRetry;

  private final CreateProcessInstanceRequest rawRequest = CreateProcessInstanceRequest.newBuilder()
      .setBpmnProcessId(Workload.PROCESS).setVersion(-1).setVariables(Workload.VARIABLES_JSON).build();
  private final Semaphore inFlight = new Semaphore(Workload.IN_FLIGHT);
  private final AtomicLong failures = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    gateway = CannedGateway.start();
    rawChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    futureStub = GatewayGrpc.newFutureStub(rawChannel);
    defaults = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().build();
    directCallback = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .options(ClientOptions.builder().callbackExecutor(Runnable::run).build()).build();
    directCallbackNoRetry = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .options(ClientOptions.builder().callbackExecutor(Runnable::run).retryPolicy(RetryPolicy.none()).build())
        .build();
    futureStub.createProcessInstance(rawRequest).get();
    defaults.instances().start(Workload.START).join();
    directCallback.instances().start(Workload.START).join();
    directCallbackNoRetry.instances().start(Workload.START).join();
  }

  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!inFlight.tryAcquire(Workload.IN_FLIGHT, 30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls did not finish");
    }
    inFlight.release(Workload.IN_FLIGHT);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " calls failed");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    defaults.close();
    directCallback.close();
    directCallbackNoRetry.close();
    rawChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public CreateProcessInstanceResponse latency_raw() throws Exception {
    return futureStub.createProcessInstance(rawRequest).get();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_defaults() {
    return defaults.instances().start(Workload.START).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_directCallback() {
    return directCallback.instances().start(Workload.START).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Instance latency_directCallbackNoRetry() {
    return directCallbackNoRetry.instances().start(Workload.START).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_raw() throws InterruptedException {
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
  public void inflight64_defaults() throws InterruptedException {
    inFlight.acquire();
    track(defaults);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_directCallback() throws InterruptedException {
    inFlight.acquire();
    track(directCallback);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void inflight64_directCallbackNoRetry() throws InterruptedException {
    inFlight.acquire();
    track(directCallbackNoRetry);
  }

  private void track(ZeebeClient client) {
    client.instances().start(Workload.START).whenComplete((v, e) -> {
      if (e != null) {
        failures.incrementAndGet();
      }
      inFlight.release();
    });
  }
}
