package io.flowport.it.zeebe.bench;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.testkit.fakes.bench.WireBench;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fake Zeebe gateway against the real Zeebe engine, in one JVM (a JDK 21+, as it-zeebe's tests):
 * time from start to the first Topology answer, then CreateProcessInstance (start) and
 * CreateProcessInstanceWithResult (start and await) of a start-to-end process through the Flowport
 * client, {@value #IN_FLIGHT} in flight. Not part of the normal run (its name matches no surefire
 * pattern); run it with {@code -Dtest=FakesVsRealZeebeBench} (BENCHMARKS.md). Prints a Markdown
 * table and writes it to {@code target/fakes-vs-real-zeebe.md}.
 */
class FakesVsRealZeebeBench {
  static final int IN_FLIGHT = 64;
  static final int WARMUP = Integer.getInteger("flowport.bench.warmup", 2_000);
  static final int CALLS = Integer.getInteger("flowport.bench.calls", 5_000);

  static final String NOOP = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench" targetNamespace="http://flowport.io/bench">
        <bpmn:process id="bench-noop" isExecutable="true">
          <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  void fakeVsReal() throws Exception {
    List<String> rows = new ArrayList<>();
    String loadBefore = WireBench.loadAverage();
    // First starts are cold (the fake's is the JVM's first gRPC server); second starts are warm.
    WireBench.Started<FakeZeebeGateway> fake = WireBench.firstAnswer(FakeZeebeGateway::start,
        g -> topology(g.address()));
    try (FakeZeebeGateway g = fake.server()) {
      rows.add(row("fake gateway, first start in this JVM", fake.firstAnswer(), g.address()));
    }
    WireBench.Started<RealZeebeEngine> real = WireBench.firstAnswer(RealZeebeEngine::start,
        e -> topology(e.address()));
    try (RealZeebeEngine e = real.server()) {
      rows.add(row("real engine (zeebe-process-test 8.8), first start", real.firstAnswer(), e.address()));
    }
    WireBench.Started<FakeZeebeGateway> fakeAgain = WireBench.firstAnswer(FakeZeebeGateway::start,
        g -> topology(g.address()));
    fakeAgain.server().close();
    WireBench.Started<RealZeebeEngine> realAgain = WireBench.firstAnswer(RealZeebeEngine::start,
        e -> topology(e.address()));
    realAgain.server().close();
    rows.add("| fake gateway, second start in this JVM | " + fakeAgain.firstAnswer().toMillis() + " ms | | |");
    rows.add("| real engine, second start in this JVM | " + realAgain.firstAnswer().toMillis() + " ms | | |");
    // Cold: each in a JVM of its own, from the JVM's start (what launching a standalone fake or engine costs).
    List<String> childJvm = List.of("-Xmx512m");
    rows.add("| fake, cold JVM (from JVM start) | " + WireBench.coldStart(ColdStartZeebe.class,
        childJvm, "fake").toMillis() + " ms | | |");
    rows.add("| real, cold JVM (from JVM start) | " + WireBench.coldStart(ColdStartZeebe.class,
        childJvm, "real").toMillis() + " ms | | |");
    String table = "| Zeebe | first answer after start | start, 64 in flight | start and await, 64 in flight |\n"
        + "|---|---:|---:|---:|\n" + String.join("\n", rows) + "\n\nJava " + Runtime.version() + ", "
        + Runtime.getRuntime().availableProcessors() + " CPUs, load average before " + loadBefore + ", after "
        + WireBench.loadAverage() + "; " + WARMUP + " warm-up calls then " + CALLS + " measured, per column.\n";
    System.out.println(table);
    Files.writeString(Path.of("target", "fakes-vs-real-zeebe.md"), table);
  }

  private static String row(String target, Duration firstAnswer, String address) throws Exception {
    try (WorkflowClient client = ZeebeClient.builder().gatewayAddress(address).usePlaintext()
        .options(ClientOptions.builder().apiCallTimeout(Duration.ofSeconds(60)).build()).build()) {
      client.definitions().deploy(DeployRequest.of(
          Resource.of("bench-noop.bpmn", NOOP.getBytes(StandardCharsets.UTF_8)))).join();
      StartRequest start = StartRequest.of("bench-noop").build();
      WireBench.rate(WARMUP, IN_FLIGHT, () -> client.instances().start(start));
      WireBench.Rate starts = WireBench.rate(CALLS, IN_FLIGHT, () -> client.instances().start(start));
      WireBench.rate(WARMUP, IN_FLIGHT, () -> client.instances().startAndAwait(start, Duration.ofSeconds(30)));
      WireBench.Rate awaits = WireBench.rate(CALLS, IN_FLIGHT,
          () -> client.instances().startAndAwait(start, Duration.ofSeconds(30)));
      return "| " + target + " | " + firstAnswer.toMillis() + " ms | " + starts + " | " + awaits + " |";
    }
  }

  static boolean topology(String address) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
    try {
      return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
          .topology(TopologyRequest.getDefaultInstance()).getBrokersCount() > 0;
    } finally {
      channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
    }
  }
}
