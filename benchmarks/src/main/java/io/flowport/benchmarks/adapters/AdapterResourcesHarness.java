package io.flowport.benchmarks.adapters;

import com.google.common.util.concurrent.ListenableFuture;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Threads and memory per in-flight call of one client, against a canned server in a child JVM
 * ({@link HoldingServerMain}) so that only the client is counted. Run one client per JVM:
 *
 * <pre>java -Xmx2g -cp benchmarks.jar io.flowport.benchmarks.adapters.AdapterResourcesHarness KIND [N]</pre>
 *
 * KIND: zeebe-raw, zeebe-flowport, zeebe-official, flowable-raw, flowable-flowport; N outstanding
 * calls (10000).
 *
 * <ol>
 *   <li>threads: live threads before the client is built, after build, after 2,000 sequential
 *       calls, the peak during 3 s with 64 calls in flight, and after close;
 *   <li>memory: heap used after GC, then N start calls the server holds unanswered (the futures
 *       kept, as a caller would), heap used after GC again; (after − before) / N. Then the server
 *       answers them all and every future must complete successfully.
 * </ol>
 */
public final class AdapterResourcesHarness {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** One client under test: how to start, how to warm, how to close. */
  private interface Subject extends AutoCloseable {
    Future<?> start();

    Future<?> warmCall();

    @Override
    void close() throws Exception;
  }

  private AdapterResourcesHarness() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    boolean zeebe = kind.startsWith("zeebe");
    Process server = new ProcessBuilder(javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        HoldingServerMain.class.getName(), zeebe ? "zeebe" : "flowable")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader fromServer = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter toServer = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
    String ready = fromServer.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      throw new IllegalStateException("server did not start: " + ready);
    }
    String address = ready.substring("READY ".length());
    try {
      run(kind, n, address, fromServer, toServer);
    } finally {
      toServer.println("quit");
      server.waitFor(10, TimeUnit.SECONDS);
      server.destroy();
    }
    System.exit(0);
  }

  private static void run(String kind, int n, String address, BufferedReader fromServer, PrintWriter toServer)
      throws Exception {
    Map<String, Integer> t0 = threadsByName();
    Subject subject = subject(kind, address);
    Map<String, Integer> tBuilt = threadsByName();

    for (int i = 0; i < 2_000; i++) {
      subject.warmCall().get(30, TimeUnit.SECONDS);
    }
    Map<String, Integer> tWarm = threadsByName();

    // 3 s with 64 in flight: peak live threads.
    THREADS.resetPeakThreadCount();
    Semaphore permits = new Semaphore(Workload.IN_FLIGHT);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<String, Integer> tLoadMax = new TreeMap<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    long nextSample = 0;
    while (System.nanoTime() < end) {
      permits.acquire();
      whenDone(subject.start(), ok -> {
        if (!ok) {
          failed.incrementAndGet();
        }
        done.incrementAndGet();
        permits.release();
      });
      if (System.nanoTime() > nextSample) {
        threadsByName().forEach((k, v) -> tLoadMax.merge(k, v, Math::max));
        nextSample = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
      }
    }
    permits.acquire(Workload.IN_FLIGHT);
    permits.release(Workload.IN_FLIGHT);
    int peakUnderLoad = THREADS.getPeakThreadCount();
    int tBefore = t0.values().stream().mapToInt(Integer::intValue).sum();

    // Memory per outstanding call.
    long heap0 = heapAfterGc();
    command(toServer, fromServer, "hold");
    THREADS.resetPeakThreadCount();
    List<Future<?>> outstanding = new ArrayList<>(n);
    long sendStart = System.nanoTime();
    for (int i = 0; i < n; i++) {
      outstanding.add(subject.start());
    }
    long sendNanos = System.nanoTime() - sendStart;
    // Wait until the server holds what can reach it: all N on gRPC (one HTTP/2 connection),
    // the dispatcher's per-host limit (64) on HTTP/1.1, the rest queued in the client.
    long expectHeld = kind.startsWith("zeebe") ? n : Math.min(n, 64);
    long held = waitHeld(toServer, fromServer, expectHeld);
    long heap1 = heapAfterGc();
    int peakHeld = THREADS.getPeakThreadCount();
    Map<String, Integer> tHeld = threadsByName();
    long notDone = outstanding.stream().filter(f -> !f.isDone()).count();
    command(toServer, fromServer, "release");
    long drainStart = System.nanoTime();
    int fails = 0;
    for (Future<?> f : outstanding) {
      try {
        f.get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        fails++;
      }
    }
    long drainNanos = System.nanoTime() - drainStart;
    outstanding.clear();

    subject.close();
    Thread.sleep(1500);
    Map<String, Integer> tClosed = threadsByName();

    System.out.printf("%n== %s ==%n", kind);
    System.out.printf("threads: before build %d, after build %+d, after 2000 calls %+d, peak with 64 in flight %+d, "
            + "live with %d held %+d (peak %+d), after close %+d%n",
        tBefore, total(tBuilt) - tBefore, total(tWarm) - tBefore, peakUnderLoad - tBefore, n, total(tHeld) - tBefore,
        peakHeld - tBefore, total(tClosed) - tBefore);
    System.out.println("  new after build:     " + diff(tBuilt, t0));
    System.out.println("  new after calls:     " + diff(tWarm, t0));
    System.out.println("  max with 64 in flight: " + diff(tLoadMax, t0));
    System.out.println("  live with calls held: " + diff(tHeld, t0));
    System.out.println("  left after close:    " + diff(tClosed, t0));
    System.out.printf("64-in-flight phase: %d calls, %d failed%n", done.get(), failed.get());
    System.out.printf("memory: %d calls outstanding (%d held by the server, %d futures pending), heap after GC %.1f MB -> %.1f MB: "
            + "%.0f bytes per outstanding call%n",
        n, held, notDone, heap0 / 1e6, heap1 / 1e6, (heap1 - heap0) / (double) n);
    System.out.printf("  sending %d calls took %d ms; after release all completed in %d ms, %d failed%n",
        n, TimeUnit.NANOSECONDS.toMillis(sendNanos), TimeUnit.NANOSECONDS.toMillis(drainNanos), fails);
    System.out.printf("RESULT %s threadsBuilt=%d threadsWarm=%d threadsPeak64=%d threadsPeakHeld=%d threadsAfterClose=%d "
            + "bytesPerCall=%.0f failures=%d%n", kind, total(tBuilt) - tBefore, total(tWarm) - tBefore,
        peakUnderLoad - tBefore, peakHeld - tBefore, total(tClosed) - tBefore, (heap1 - heap0) / (double) n,
        fails + failed.get());
  }

  private static Subject subject(String kind, String address) {
    switch (kind) {
      case "zeebe-raw": {
        ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
        GatewayGrpc.GatewayFutureStub stub = GatewayGrpc.newFutureStub(channel);
        CreateProcessInstanceRequest order = CreateProcessInstanceRequest.newBuilder()
            .setBpmnProcessId(Workload.PROCESS).setVersion(-1).setVariables(Workload.VARIABLES_JSON).build();
        CreateProcessInstanceRequest fast = order.toBuilder().setBpmnProcessId(CannedGateway.FAST_PROCESS).build();
        return subject(() -> stub.createProcessInstance(order), () -> stub.createProcessInstance(fast),
            () -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
      }
      case "zeebe-flowport": {
        ZeebeClient client = ZeebeClient.builder().gatewayAddress(address).usePlaintext().build();
        io.flowport.core.model.StartRequest fast = Workload.START.toBuilder()
            .definition(io.flowport.core.model.DefinitionRef.latest(CannedGateway.FAST_PROCESS)).build();
        return subject(() -> client.instances().start(Workload.START), () -> client.instances().start(fast),
            client::close);
      }
      case "zeebe-official": {
        io.camunda.zeebe.client.ZeebeClient client = io.camunda.zeebe.client.ZeebeClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + address)).usePlaintext().preferRestOverGrpc(false).build();
        return subject(
            () -> client.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS).latestVersion()
                .variables(Workload.VARIABLES_JSON).send(),
            () -> client.newCreateInstanceCommand().bpmnProcessId(CannedGateway.FAST_PROCESS).latestVersion()
                .variables(Workload.VARIABLES_JSON).send(),
            client::close);
      }
      case "flowable-raw": {
        RawFlowable raw = new RawFlowable(address);
        return subject(() -> raw.send(raw.startRequest(Workload.PROCESS, Workload.VARIABLES)),
            () -> raw.send(raw.getRequest(CannedFlowable.FAST_ID)), raw::close);
      }
      case "flowable-flowport": {
        FlowableClient client = FlowableClient.builder().baseUrl(address).build();
        return subject(() -> client.instances().start(Workload.START),
            () -> client.instances().get(CannedFlowable.FAST_ID), client::close);
      }
      default:
        throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  private interface Closer {
    void close() throws Exception;
  }

  private static Subject subject(Supplier<Future<?>> start, Supplier<Future<?>> warm, Closer closer) {
    return new Subject() {
      @Override
      public Future<?> start() {
        return start.get();
      }

      @Override
      public Future<?> warmCall() {
        return warm.get();
      }

      @Override
      public void close() throws Exception {
        closer.close();
      }
    };
  }

  private static void whenDone(Future<?> f, java.util.function.Consumer<Boolean> then) {
    if (f instanceof CompletionStage<?> stage) {
      stage.whenComplete((v, e) -> then.accept(e == null));
    } else if (f instanceof ListenableFuture<?> lf) {
      lf.addListener(() -> {
        boolean ok;
        try {
          lf.get();
          ok = true;
        } catch (Exception e) {
          ok = false;
        }
        then.accept(ok);
      }, Runnable::run);
    } else {
      throw new IllegalStateException("cannot listen to " + f.getClass());
    }
  }

  private static long waitHeld(PrintWriter toServer, BufferedReader fromServer, long expect) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long held = -1;
    while (System.nanoTime() < deadline) {
      String[] parts = command(toServer, fromServer, "count").split(" ");
      held = Long.parseLong(parts[2]);
      if (held >= expect) {
        Thread.sleep(500); // let the client settle (queues, buffers) before measuring
        return held;
      }
      Thread.sleep(100);
    }
    System.out.println("WARNING: server held only " + held + " of " + expect);
    return held;
  }

  private static String command(PrintWriter toServer, BufferedReader fromServer, String command) throws IOException {
    toServer.println(command);
    String answer = fromServer.readLine();
    if (answer == null) {
      throw new IllegalStateException("server gone");
    }
    return answer;
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Live threads by name, numbers replaced by #. */
  private static Map<String, Integer> threadsByName() {
    Map<String, Integer> out = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      out.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
    }
    return out;
  }

  private static int total(Map<String, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static String diff(Map<String, Integer> now, Map<String, Integer> before) {
    StringBuilder sb = new StringBuilder();
    now.forEach((k, v) -> {
      int d = v - before.getOrDefault(k, 0);
      if (d != 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" x").append(d);
      }
    });
    return sb.length() == 0 ? "(none)" : sb.toString();
  }

  private static String javaBin() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

}
