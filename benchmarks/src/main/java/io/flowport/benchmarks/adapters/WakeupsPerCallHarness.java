package io.flowport.benchmarks.adapters;

import com.google.common.util.concurrent.ListenableFuture;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.flowport.core.ClientOptions;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Evidence for where single-call latency goes on a loaded machine: voluntary context switches
 * (a thread blocking, i.e. a hand-off to another thread) per call, by thread (Linux
 * /proc/self/task/TID/status and comm, names truncated to 15 characters), for sequential joined
 * calls. Server threads are in the same JVM and count the same for every client.
 *
 * <pre>java -cp benchmarks.jar io.flowport.benchmarks.adapters.WakeupsPerCallHarness [calls]</pre>
 */
public final class WakeupsPerCallHarness {
  private WakeupsPerCallHarness() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    try (CannedGateway gateway = CannedGateway.start(); CannedFlowable flowable = CannedFlowable.start(4)) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
      GatewayGrpc.GatewayFutureStub stub = GatewayGrpc.newFutureStub(channel);
      CreateProcessInstanceRequest request = CreateProcessInstanceRequest.newBuilder()
          .setBpmnProcessId(Workload.PROCESS).setVersion(-1).setVariables(Workload.VARIABLES_JSON).build();
      ZeebeClient flowport = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().build();
      ZeebeClient direct = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
          .options(ClientOptions.builder().callbackExecutor(Runnable::run).build()).build();
      io.camunda.zeebe.client.ZeebeClient official = io.camunda.zeebe.client.ZeebeClient.newClientBuilder()
          .grpcAddress(URI.create("http://" + gateway.address())).usePlaintext().preferRestOverGrpc(false).build();
      RawFlowable raw = new RawFlowable(flowable.baseUrl());
      FlowableClient flowportRest = FlowableClient.builder().baseUrl(flowable.baseUrl()).build();
      try {
        measure("zeebe raw future stub", calls, () -> {
          ListenableFuture<?> f = stub.createProcessInstance(request);
          return f.get();
        });
        measure("zeebe flowport (defaults)", calls, () -> flowport.instances().start(Workload.START).join());
        measure("zeebe flowport (direct callback)", calls, () -> direct.instances().start(Workload.START).join());
        measure("zeebe official", calls, () -> official.newCreateInstanceCommand().bpmnProcessId(Workload.PROCESS)
            .latestVersion().variables(Workload.VARIABLES_JSON).send().join());
        measure("flowable get raw okhttp", calls,
            () -> raw.send(raw.getRequest(FlowableAdapterBenchmark.INSTANCE_ID)).join());
        measure("flowable get flowport", calls,
            () -> flowportRest.instances().get(FlowableAdapterBenchmark.INSTANCE_ID).join());
      } finally {
        official.close();
        flowport.close();
        direct.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        flowportRest.close();
        raw.close();
      }
    }
    System.exit(0);
  }

  private static void measure(String name, int calls, Callable<?> call) throws Exception {
    for (int i = 0; i < calls; i++) {
      call.call(); // warm
    }
    Map<String, Long> before = switchesByThread();
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      call.call();
    }
    long nanos = System.nanoTime() - start;
    Map<String, Long> after = switchesByThread();
    Map<String, Double> perCall = new TreeMap<>();
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      double d = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) calls;
      if (d >= 0.05) {
        perCall.put(e.getKey(), d);
      }
      total += Math.max(0, d);
    }
    StringBuilder sb = new StringBuilder();
    perCall.forEach((k, v) -> sb.append(String.format("%s %.2f; ", k, v)));
    System.out.printf("%-34s %7.1f us/call  %5.2f voluntary switches/call: %s%n", name, nanos / 1e3 / calls, total, sb);
  }

  /** Java thread names by native thread id, from the JVM's own thread dump (nid=0x...). */
  private static Map<Long, String> javaNames() {
    Map<Long, String> out = new java.util.HashMap<>();
    try {
      Object dump = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\"(.*)\" .*nid=0x([0-9a-f]+)",
          java.util.regex.Pattern.MULTILINE).matcher(dump.toString());
      while (m.find()) {
        out.put(Long.parseLong(m.group(2), 16), m.group(1));
      }
    } catch (Exception e) {
      // fall back to /proc's truncated names
    }
    return out;
  }

  /** Voluntary context switches by thread name (digits → #), summed. */
  private static Map<String, Long> switchesByThread() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    Map<Long, String> names = javaNames();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String name = names.get(Long.parseLong(t.getFileName().toString()));
          String comm = (name != null ? name : Files.readString(t.resolve("comm")).trim()).replaceAll("\\d+", "#");
          for (String line : Files.readAllLines(t.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              out.merge(comm, Long.parseLong(line.substring(line.indexOf(':') + 1).trim()), Long::sum);
            }
          }
        } catch (IOException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return out;
  }
}
