package io.flowport.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The standalone fakes, started in-process over real sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeServersTest {
  private static final String TS = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
  private static final String VALID = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://flowport.io/t">
        <bpmn:process id="seeded" name="Seeded" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
          <bpmn:endEvent id="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  private Path seedDir() throws IOException {
    Files.writeString(dir.resolve("seeded.bpmn"), VALID);
    Files.writeString(dir.resolve("broken.bpmn20.xml"), "<bpmn:definitions oops");
    Files.writeString(dir.resolve("notes.txt"), "not a definition");
    return dir;
  }

  @Test
  void seedsEachFileOnlyIntoTheEnginesWhoseDialectItIs() throws Exception {
    // the samples' folder: order.bpmn (Zeebe), order.bpmn20.xml (Flowable), both the process "order"
    Files.copy(Path.of("..", "samples", "src", "main", "resources", "bpmn", "order.bpmn"), dir.resolve("order.bpmn"));
    Files.copy(Path.of("..", "samples", "src", "main", "resources", "bpmn", "order.bpmn20.xml"), dir.resolve("order.bpmn20.xml"));
    Files.writeString(dir.resolve("seeded.bpmn"), VALID);
    List<String> log = new CopyOnWriteArrayList<>();
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0", "--flowable-port", "0",
        "--definitions", dir.toString()}, log::add)) {
      assertThat(servers.fake("zeebe").orElseThrow().engine().definitions())
          .extracting("processId", "version", "resourceName")
          .containsExactlyInAnyOrder(tuple("order", 1, "order.bpmn"), tuple("seeded", 1, "seeded.bpmn"));
      assertThat(servers.fake("flowable").orElseThrow().engine().definitions())
          .extracting("processId", "version", "resourceName")
          .containsExactlyInAnyOrder(tuple("order", 1, "order.bpmn20.xml"), tuple("seeded", 1, "seeded.bpmn"));
      assertThat(log).anyMatch(l -> l.endsWith("[zeebe] skipped order.bpmn20.xml: it is written for flowable"));
      assertThat(log).anyMatch(l -> l.endsWith("[flowable] skipped order.bpmn: it is written for zeebe"));
    }
  }

  @Test
  void servesTheSeededDefinitionsOnBothWiresAndLogsEachRequest() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    int zeebePort;
    int flowablePort;
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0", "--flowable-port=0",
        "--definitions", seedDir().toString()}, log::add)) {
      zeebePort = servers.port("zeebe");
      flowablePort = servers.port("flowable");
      assertThat(zeebePort).isPositive();
      assertThat(flowablePort).isPositive().isNotEqualTo(zeebePort);

      // the banner and the seeding: the valid file in both engines, the invalid one skipped with its reason
      assertThat(log).allMatch(l -> l.matches(TS + ".*"), "every line is timestamped");
      assertThat(log).anyMatch(l -> l.endsWith("zeebe: gRPC gateway listening on 127.0.0.1:" + zeebePort
          + ", gateway address 127.0.0.1:" + zeebePort + " (plaintext)"));
      assertThat(log).anyMatch(l -> l.endsWith("base URL http://127.0.0.1:" + flowablePort + "/process-api (no auth)"));
      assertThat(log).anyMatch(l -> l.endsWith("[zeebe] deployed seeded version 1 (seeded.bpmn)"));
      assertThat(log).anyMatch(l -> l.endsWith("[flowable] deployed seeded version 1 (seeded.bpmn)"));
      assertThat(log).anyMatch(l -> l.matches(TS + "\\[zeebe\\] skipped broken\\.bpmn20\\.xml: .+"));
      assertThat(log).anyMatch(l -> l.matches(TS + "\\[flowable\\] skipped broken\\.bpmn20\\.xml: .+"));
      assertThat(log).noneMatch(l -> l.contains("notes.txt"));
      assertThat(servers.fake("zeebe").orElseThrow().engine().definitions()).extracting("processId").containsExactly("seeded");
      assertThat(servers.fake("flowable").orElseThrow().engine().definitions()).extracting("processId").containsExactly("seeded");
      int seedLines = log.size();

      // Flowable REST, with the JDK client, as curl would
      HttpResponse<String> defs = get("http://127.0.0.1:" + flowablePort + "/process-api/repository/process-definitions", null);
      assertThat(defs.statusCode()).as(defs.body()).isEqualTo(200);
      JsonNode body = json.readTree(defs.body());
      assertThat(body.get("total").asInt()).isEqualTo(1);
      assertThat(body.get("data").get(0).get("key").asText()).isEqualTo("seeded");
      assertThat(body.get("data").get(0).get("version").asInt()).isEqualTo(1);
      HttpResponse<String> missing = get("http://127.0.0.1:" + flowablePort + "/process-api/runtime/process-instances/nope", null);
      assertThat(missing.statusCode()).isEqualTo(404);

      // Zeebe gRPC, raw
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", zeebePort).usePlaintext().build();
      try {
        GatewayGrpc.GatewayBlockingStub stub = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        TopologyResponse topology = stub.topology(TopologyRequest.getDefaultInstance());
        assertThat(topology.getBrokers(0).getPort()).isEqualTo(zeebePort);
        CreateProcessInstanceResponse created = stub.createProcessInstance(
            CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("seeded").setVersion(-1).build());
        assertThat(created.getBpmnProcessId()).isEqualTo("seeded");
        assertThat(created.getVersion()).isEqualTo(1);
        StatusRuntimeException notFound = catchThrowableOfType(StatusRuntimeException.class, () -> stub.createProcessInstance(
            CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("unknown").setVersion(-1).build()));
        assertThat(notFound.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        // a long poll the client gives up on is logged too
        StatusRuntimeException gaveUp = catchThrowableOfType(StatusRuntimeException.class, () ->
            GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                .activateJobs(ActivateJobsRequest.newBuilder().setType("nobody").setWorker("t").setTimeout(60_000)
                    .setMaxJobsToActivate(1).setRequestTimeout(10_000).build())
                .forEachRemaining(r -> { }));
        assertThat(gaveUp.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      List<String> requests = waitForLines(log, seedLines, 6,
          TS + "\\[zeebe\\] ActivateJobs (CANCELLED|DEADLINE_EXCEEDED) \\d+ ms");
      assertThat(requests).hasSize(6);
      assertThat(requests.get(0)).matches(TS + "\\[flowable\\] GET /process-api/repository/process-definitions 200 \\d+ ms");
      assertThat(requests.get(1)).matches(TS + "\\[flowable\\] GET /process-api/runtime/process-instances/nope 404 \\d+ ms");
      assertThat(requests.get(2)).matches(TS + "\\[zeebe\\] Topology OK \\d+ ms");
      assertThat(requests.get(3)).matches(TS + "\\[zeebe\\] CreateProcessInstance OK \\d+ ms");
      assertThat(requests.get(4)).matches(TS + "\\[zeebe\\] CreateProcessInstance NOT_FOUND \\d+ ms");
      assertThat(requests.get(5)).matches(TS + "\\[zeebe\\] ActivateJobs (CANCELLED|DEADLINE_EXCEEDED) \\d+ ms");
    }

    // close() stopped both: the ports are free again, and it said so
    assertThat(log.get(log.size() - 1)).matches(TS + "stopped");
    assertPortFree(zeebePort);
    assertPortFree(flowablePort);
  }

  @Test
  void flowableAloneWithBasicAuth() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (FakeServers servers = FakeServers.start(new String[] {"--flowable-port", "0",
        "--flowable-user", "rest-admin", "--flowable-password", "test"}, log::add)) {
      assertThat(servers.port("zeebe")).isEqualTo(-1);
      assertThat(servers.fake("zeebe")).isEmpty();
      String url = "http://127.0.0.1:" + servers.port("flowable") + "/process-api/repository/process-definitions";
      assertThat(get(url, null).statusCode()).isEqualTo(401);
      assertThat(get(url, "rest-admin:test").statusCode()).isEqualTo(200);
      assertThat(log).anyMatch(l -> l.endsWith("(basic auth, user rest-admin)"));
      waitForLines(log, 0, 1, TS + "\\[flowable\\] GET /process-api/repository/process-definitions 200 \\d+ ms");
      assertThat(log).anyMatch(l -> l.matches(TS + "\\[flowable\\] GET /process-api/repository/process-definitions 401 \\d+ ms"));
    }
  }

  @Test
  void aFixedPortIsUsedAndAPortInUseFailsWithNothingLeftRunning() throws Exception {
    int port = freePort();
    List<String> log = new CopyOnWriteArrayList<>();
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", String.valueOf(port)}, log::add)) {
      assertThat(servers.port("zeebe")).isEqualTo(port);
      assertThat(servers.fake("flowable")).isEmpty();
      // the same port again: the gateway on a free port starts, the Flowable server cannot bind, both are gone
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Set<String> gatewaysBefore = zeebeGatewayThreadPrefixes();
      int code = FakeServers.run(new String[] {"--zeebe-port", "0", "--flowable-port", String.valueOf(port)},
          print(out), print(err));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot start the fakes: ");
      assertThat(out.size()).isZero();
      // The gateway that did start is shut down; its event-loop threads end shortly after.
      long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!gatewaysBefore.containsAll(zeebeGatewayThreadPrefixes()) && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(gatewaysBefore).containsAll(zeebeGatewayThreadPrefixes());
    }
    assertPortFree(port);
  }

  @Test
  void closeIsIdempotent() {
    List<String> log = new ArrayList<>();
    FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0"}, log::add);
    servers.close();
    servers.close();
    assertThat(log.stream().filter(l -> l.endsWith(" stopped"))).hasSize(1);
    servers.awaitStopped(); // returns at once
  }

  // ------------------------------------------------------------------ the command line

  @Test
  void parsesTheOptions() {
    FakeServers.Options o = FakeServers.parse("--zeebe-port", "26500", "--flowable-port=8080", "--host", "0.0.0.0",
        "--definitions", dir.toString(), "--flowable-user", "u", "--flowable-password=p");
    assertThat(o).isEqualTo(new FakeServers.Options(Map.of("zeebe", 26500, "flowable", 8080), "0.0.0.0", dir,
        Map.of("--flowable-user", "u", "--flowable-password", "p"), null, null, "127.0.0.1", false));

    FakeServers.Options zeebeOnly = FakeServers.parse("--zeebe-port", "0");
    assertThat(zeebeOnly.port("flowable")).isNull();
    assertThat(zeebeOnly.port("zeebe")).isZero();
    assertThat(zeebeOnly.host()).isEqualTo("127.0.0.1");
    assertThat(zeebeOnly.definitions()).isNull();

    assertThat(zeebeOnly.frozenClock()).as("the wall clock by default").isNull();
    assertThat(zeebeOnly.adminPort()).as("no admin API by default").isNull();
    FakeServers.Options steered = FakeServers.parse("--zeebe-port", "0", "--clock", "frozen", "--admin-port", "0");
    assertThat(steered.frozenClock()).isEqualTo(TestClock.DEFAULT_START);
    assertThat(steered.adminPort()).isZero();
    assertThat(steered.adminHost()).isEqualTo("127.0.0.1");
    assertThat(FakeServers.parse("--zeebe-port", "0", "--clock=frozen=2026-03-01T08:00:00Z").frozenClock())
        .isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
    assertThat(FakeServers.parse("--zeebe-port", "0", "--clock", "wall").frozenClock()).isNull();
    assertThat(FakeServers.parse("--zeebe-port", "0", "--host", "0.0.0.0", "--admin-port", "1").adminHost())
        .as("the admin API stays on loopback whatever --host says").isEqualTo("127.0.0.1");
    assertThat(FakeServers.parse("--zeebe-port", "x", "--help").help()).isTrue();
    assertThat(FakeServers.parse("-h").help()).isTrue();
  }

  @Test
  void badArgumentsAreUsageErrorsWithExitCode2() {
    assertUsage("give " + portOptions(" and/or "));
    assertUsage("give " + portOptions(" and/or "), "--host", "0.0.0.0");
    assertUsage("unknown option --port", "--port", "1");
    assertUsage("unexpected argument 'serve'", "serve", "--zeebe-port", "1");
    assertUsage("--zeebe-port needs a value", "--zeebe-port");
    assertUsage("--zeebe-port needs a value", "--zeebe-port", "--flowable-port", "1");
    assertUsage("--zeebe-port: not a port (0-65535): 'abc'", "--zeebe-port", "abc");
    assertUsage("--flowable-port: not a port (0-65535): '70000'", "--flowable-port", "70000");
    assertUsage("--zeebe-port: not a port (0-65535): '-1'", "--zeebe-port=-1");
    assertUsage("--zeebe-port given twice", "--zeebe-port", "1", "--zeebe-port", "2");
    assertUsage("--zeebe-port and --flowable-port must differ (both 8080)", "--zeebe-port", "8080", "--flowable-port", "8080");
    assertUsage("--host must not be blank", "--zeebe-port", "0", "--host", " ");
    assertUsage("--flowable-user and --flowable-password go together", "--flowable-port", "0", "--flowable-user", "u");
    assertUsage("--flowable-user needs --flowable-port", "--zeebe-port", "0", "--flowable-user", "u",
        "--flowable-password", "p");
    assertUsage("--clock: wall, frozen or frozen=INSTANT, not 'later'", "--zeebe-port", "0", "--clock", "later");
    assertUsage("--clock frozen=INSTANT: not an ISO-8601 instant (like 2026-01-01T09:00:00Z): 'tomorrow'",
        "--zeebe-port", "0", "--clock", "frozen=tomorrow");
    assertUsage("--admin-host needs --admin-port", "--zeebe-port", "0", "--admin-host", "0.0.0.0");
    assertUsage("--zeebe-port and --admin-port must differ (both 8080)", "--zeebe-port", "8080", "--admin-port", "8080");
    assertUsage("--admin-port: not a port (0-65535): 'x'", "--zeebe-port", "0", "--admin-port", "x");
    assertUsage("--definitions: not a directory: " + dir.resolve("nope").toAbsolutePath(),
        "--zeebe-port", "0", "--definitions", dir.resolve("nope").toString());
  }

  @Test
  void runPrintsTheUsageAndReturns2OnBadArgumentsAnd0OnHelp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(FakeServers.run(new String[] {"--zeebe-port", "nope"}, print(out), print(err))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: --zeebe-port: not a port (0-65535): 'nope'")
        .contains("Usage: FakeServers [options]", "--definitions DIR");
    assertThat(out.size()).isZero();

    ByteArrayOutputStream helpOut = new ByteArrayOutputStream();
    ByteArrayOutputStream helpErr = new ByteArrayOutputStream();
    assertThat(FakeServers.run(new String[] {"--help"}, print(helpOut), print(helpErr))).isZero();
    assertThat(helpOut.toString(StandardCharsets.UTF_8)).isEqualTo(FakeServers.USAGE);
    assertThat(helpErr.size()).isZero();

    FakeServers.UsageException e = catchThrowableOfType(FakeServers.UsageException.class,
        () -> FakeServers.start(new String[] {"--help"}, l -> { }));
    assertThat(e.exitCode()).isEqualTo(2);
  }

  @Test
  void findsTheFakesThroughServiceLoaderAndBuildsTheHelpFromThem() throws Exception {
    assertThat(FakeServers.fakeNames()).startsWith("zeebe", "flowable"); // then the other engines' fakes
    assertThat(FakeServers.USAGE).contains(
        "  --zeebe-port N          serve the Zeebe gateway (gRPC, plaintext) on port N (0: a free port)\n",
        "  --flowable-port N       serve the Flowable REST API (base path /process-api) on port N (0: a free port)\n",
        "  --host H                the address to bind (default 127.0.0.1; 0.0.0.0 for every interface)\n",
        "  --flowable-user U       require HTTP basic auth on the Flowable API with this user ...\n",
        "  --flowable-password P   ... and this password (both or neither)\n",
        "  --clock C               wall (default): the engines follow the wall clock, timers fire in real time;\n",
        "  --admin-port N          serve the admin API (JSON over HTTP, /__admin/...) on port N (0: a free port)\n",
        "At least one of " + portOptions(" and ") + ".");
    try (FakeServers servers = FakeServers.start(new String[] {"--flowable-port", "0"}, l -> { })) {
      FakeFlowableServer flowable = servers.server("flowable", FakeFlowableServer.class).orElseThrow();
      assertThat(flowable.port()).isEqualTo(servers.port("flowable"));
      assertThat(servers.server("zeebe", FakeZeebeGateway.class)).isEmpty();
      assertThat(servers.port("zeebe")).isEqualTo(-1);
      assertThat(servers.toString()).contains("flowable=FakeFlowableServer[http://127.0.0.1:" + flowable.port());
    }
  }

  @Test
  void aCommandLineForTheSamplesIsNotForUs() {
    assertThat(FakeServers.isForUs(new String[] {"--zeebe-port", "26500"})).isTrue();
    assertThat(FakeServers.isForUs(new String[] {"--flowable-port=8080"})).isTrue();
    assertThat(FakeServers.isForUs(new String[] {"--help"})).isTrue();
    assertThat(FakeServers.isForUs(new String[] {"--zeebe", "localhost:26500", "--flowable", "http://x"})).isFalse();
    assertThat(FakeServers.isForUs(new String[0])).isFalse();
  }

  // ------------------------------------------------------------------ helpers

  /** The port options of every fake found, as the usage text lists them. */
  private static String portOptions(String last) {
    List<String> names = FakeServers.fakeNames().stream().map(n -> "--" + n + "-port").toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
  }

  private static void assertUsage(String message, String... args) {
    FakeServers.UsageException e = catchThrowableOfType(FakeServers.UsageException.class, () -> FakeServers.parse(args));
    assertThat(e).as("%s is refused", List.of(args)).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.exitCode()).isEqualTo(FakeServers.USAGE_EXIT_CODE).isEqualTo(2);
  }

  private HttpResponse<String> get(String url, String basicAuth) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (basicAuth != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The request lines after {@code from}, once there are {@code count} and one matches {@code last}. */
  private static List<String> waitForLines(List<String> log, int from, int count, String last) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Pattern pattern = Pattern.compile(last);
    while (true) {
      List<String> tail = List.copyOf(log.subList(from, log.size()));
      if (tail.size() >= count && tail.stream().anyMatch(l -> pattern.matcher(l).matches())) {
        return tail;
      }
      assertThat(System.nanoTime()).as("request lines after %s ms: %s", 10_000, tail).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  static void assertPortFree(int port) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }

  /** {@code "flowport-fake-zeebe-<n>-"} of every gateway with a live thread. */
  private static Set<String> zeebeGatewayThreadPrefixes() {
    Pattern p = Pattern.compile("(flowport-fake-zeebe-\\d+-).*");
    return Thread.getAllStackTraces().keySet().stream().map(t -> p.matcher(t.getName()))
        .filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
