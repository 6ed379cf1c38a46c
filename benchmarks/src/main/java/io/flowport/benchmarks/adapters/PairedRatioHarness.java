package io.flowport.benchmarks.adapters;

import com.google.common.util.concurrent.ListenableFuture;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Paired, finely interleaved measurement for a noisy shared machine (complements the JMH
 * benchmarks, whose SDK and baseline runs are minutes apart): in one JVM, with the same canned
 * in-JVM servers, the clients of a group take turns in short slices (rotating the order each
 * cycle), so load from other processes hits all of them alike; each cycle gives one SDK/baseline
 * ratio, and the ratios' geometric mean gets a 95% t-interval.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks.jar io.flowport.benchmarks.adapters.PairedRatioHarness [cycles] [sliceMillis] [breakdown]</pre>
 *
 * With {@code breakdown}, only Zeebe: the raw stub against Flowport with its defaults, with
 * {@code callbackExecutor(Runnable::run)}, and with that and {@code RetryPolicy.none()}.
 *
 * Modes: {@code latency} (one caller, each call joined: µs per call) and {@code inflight64} (one
 * caller keeping 64 calls outstanding; each slice drains its calls before the next starts:
 * calls per second).
 */
public final class PairedRatioHarness {
  private PairedRatioHarness() {}

  /** One client doing one operation. */
  private record Client(String name, Supplier<CompletableFuture<?>> call) {}

  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long slice = args.length > 1 ? Long.parseLong(args[1]) : 500;
    // "breakdown": only Zeebe, raw stub against Flowport defaults / direct callback / + no retry.
    boolean breakdown = args.length > 2 && args[2].equals("breakdown");
    // "flowable-breakdown": only Flowable, raw OkHttp against Flowport defaults and with direct callbacks.
    boolean flowableBreakdown = args.length > 2 && args[2].equals("flowable-breakdown");
    Locale.setDefault(Locale.ROOT);

    try (CannedGateway gateway = CannedGateway.start();
        CannedFlowable flowable = CannedFlowable.start(4)) {
      ManagedChannel rawChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
      GatewayGrpc.GatewayFutureStub stub = GatewayGrpc.newFutureStub(rawChannel);
      CreateProcessInstanceRequest request = CreateProcessInstanceRequest.newBuilder()
          .setBpmnProcessId(Workload.PROCESS).setVersion(-1).setVariables(Workload.VARIABLES_JSON).build();
      ZeebeClient flowportZeebe = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().build();
      io.camunda.zeebe.client.ZeebeClient official = io.camunda.zeebe.client.ZeebeClient.newClientBuilder()
          .grpcAddress(URI.create("http://" + gateway.address())).usePlaintext().preferRestOverGrpc(false).build();
      RawFlowable raw = new RawFlowable(flowable.baseUrl());
      FlowableClient flowportFlowable = FlowableClient.builder().baseUrl(flowable.baseUrl()).build();
      FlowableClient directFlowable = FlowableClient.builder().baseUrl(flowable.baseUrl())
          .options(ClientOptions.builder().callbackExecutor(Runnable::run).build()).build();
      ZeebeClient direct = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
          .options(ClientOptions.builder().callbackExecutor(Runnable::run).build()).build();
      ZeebeClient directNoRetry = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
          .options(ClientOptions.builder().callbackExecutor(Runnable::run).retryPolicy(RetryPolicy.none()).build())
          .build();
      try {
        List<Client> zeebe = List.of(
            new Client("zeebe raw future stub", () -> adapt(stub.createProcessInstance(request))),
            new Client("zeebe flowport", () -> flowportZeebe.instances().start(Workload.START)),
            new Client("zeebe official", () -> official.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS)
                .latestVersion().variables(Workload.VARIABLES_JSON).send().toCompletableFuture()),
            // What a raw-stub user writes: the same Map serialized with Jackson and a request built per call.
            new Client("zeebe raw stub + jackson", () -> adapt(stub.createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setBpmnProcessId(Workload.PROCESS).setVersion(-1)
                    .setVariables(toJson(Workload.VARIABLES)).build()))));
        List<Client> start = List.of(
            new Client("flowable start raw okhttp", () -> raw.send(raw.startRequest(Workload.PROCESS, Workload.VARIABLES))),
            new Client("flowable start flowport", () -> flowportFlowable.instances().start(Workload.START)));
        List<Client> get = List.of(
            new Client("flowable get raw okhttp", () -> raw.send(raw.getRequest(FlowableAdapterBenchmark.INSTANCE_ID))),
            new Client("flowable get flowport", () -> flowportFlowable.instances().get(FlowableAdapterBenchmark.INSTANCE_ID)));

        List<Client> zeebeBreakdown = List.of(zeebe.get(0), zeebe.get(1),
            new Client("zeebe flowport direct callback", () -> direct.instances().start(Workload.START)),
            new Client("zeebe flowport direct cb + no retry", () -> directNoRetry.instances().start(Workload.START)));
        List<Client> flowableBreakdownGroups = List.of(start.get(0), start.get(1),
            new Client("flowable start flowport direct callback", () -> directFlowable.instances().start(Workload.START)));
        List<Client> getBreakdown = List.of(get.get(0), get.get(1),
            new Client("flowable get flowport direct callback",
                () -> directFlowable.instances().get(FlowableAdapterBenchmark.INSTANCE_ID)));
        System.out.printf("paired harness: %d cycles, %d ms slices, %d cores, load %s%n", cycles, slice,
            Runtime.getRuntime().availableProcessors(), load());
        for (List<Client> group : breakdown ? List.of(zeebeBreakdown)
            : flowableBreakdown ? List.of(flowableBreakdownGroups, getBreakdown) : List.of(zeebe, start, get)) {
          for (boolean inflight : new boolean[] {false, true}) {
            run(group, inflight, cycles, slice);
          }
        }
        System.out.printf("load at the end %s%n", load());
      } finally {
        official.close();
        flowportZeebe.close();
        direct.close();
        directNoRetry.close();
        rawChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        flowportFlowable.close();
        directFlowable.close();
        raw.close();
      }
    }
    System.exit(0);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<?> adapt(ListenableFuture<?> f) {
    CompletableFuture<Object> cf = new CompletableFuture<>();
    f.addListener(() -> {
      try {
        cf.complete(f.get());
      } catch (Exception e) {
        cf.completeExceptionally(e);
      }
    }, Runnable::run);
    return cf;
  }

  private static void run(List<Client> group, boolean inflight, int cycles, long sliceMillis) throws Exception {
    int k = group.size();
    // Warm-up: 8 s per client, in turns.
    for (int w = 0; w < 8; w++) {
      for (Client c : group) {
        slice(c, inflight, 1000);
      }
    }
    double[][] score = new double[k][cycles];
    for (int i = 0; i < cycles; i++) {
      for (int j = 0; j < k; j++) {
        int who = (i + j) % k; // rotate who goes first
        score[who][i] = slice(group.get(who), inflight, sliceMillis);
      }
    }
    String unit = inflight ? "calls/s" : "us/call";
    System.out.printf("%n-- %s, %s (%s) --%n", group.get(0).name().replaceAll(" raw.*", ""),
        inflight ? "64 in flight" : "latency", unit);
    for (int j = 0; j < k; j++) {
      double[] s = score[j];
      System.out.printf("  %-28s median %9.1f  mean %9.1f  min %9.1f  max %9.1f %s%n", group.get(j).name(),
          median(s), mean(s), min(s), max(s), unit);
    }
    // Ratios of every other client to the first (the baseline).
    for (int j = 1; j < k; j++) {
      ratio(group.get(j).name() + " / " + group.get(0).name(), score[j], score[0], inflight);
    }
    // ... and of the first SDK variant to the others (official client, or the breakdown variants).
    for (int j = 2; j < k; j++) {
      ratio(group.get(1).name() + " / " + group.get(j).name(), score[1], score[j], inflight);
    }
  }

  private static void ratio(String label, double[] a, double[] b, boolean inflight) {
    int n = a.length;
    double[] logs = new double[n];
    for (int i = 0; i < n; i++) {
      logs[i] = Math.log(a[i] / b[i]);
    }
    double m = mean(logs);
    double sd = Math.sqrt(Arrays.stream(logs).map(x -> (x - m) * (x - m)).sum() / (n - 1));
    double half = 2.045 * sd / Math.sqrt(n); // t(0.975, ~29)
    double[] ratios = Arrays.stream(logs).map(Math::exp).toArray();
    System.out.printf("  RATIO %-60s %s  geo-mean %.3f  95%% CI [%.3f, %.3f]  median %.3f  (%d cycles)%n", label,
        inflight ? "(calls/s, higher better)" : "(us/call, lower better)", Math.exp(m), Math.exp(m - half),
        Math.exp(m + half), median(ratios), n);
  }

  /** Runs one slice; returns µs per call (latency) or calls per second (in flight). */
  private static double slice(Client c, boolean inflight, long millis) throws Exception {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long calls = 0;
    long start = System.nanoTime();
    if (!inflight) {
      while (System.nanoTime() < end) {
        c.call().get().join();
        calls++;
      }
      return (System.nanoTime() - start) / 1e3 / calls;
    }
    Semaphore permits = new Semaphore(Workload.IN_FLIGHT);
    AtomicLong failed = new AtomicLong();
    while (System.nanoTime() < end) {
      permits.acquire();
      c.call().get().whenComplete((v, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
        permits.release();
      });
      calls++;
    }
    permits.acquire(Workload.IN_FLIGHT); // drain: the slice ends when its last call has
    long elapsed = System.nanoTime() - start;
    if (failed.get() > 0) {
      throw new IllegalStateException(c.name() + ": " + failed.get() + " calls failed");
    }
    return calls / (elapsed / 1e9);
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  private static double mean(double[] a) {
    return Arrays.stream(a).average().orElse(Double.NaN);
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] a) {
    return Arrays.stream(a).min().orElse(Double.NaN);
  }

  private static double max(double[] a) {
    return Arrays.stream(a).max().orElse(Double.NaN);
  }
}
