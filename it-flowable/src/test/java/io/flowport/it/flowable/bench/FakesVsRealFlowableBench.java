package io.flowport.it.flowable.bench;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.it.flowable.RealFlowable;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.fakes.bench.WireBench;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Flowable fake against the real Flowable 7.2.0 (REST starter, H2, basic auth on both), in one
 * JVM: time from start to the first HTTP answer, then starts of a start-to-end process and
 * start-and-await (the adapter polls; here the start's answer already says the instance ended)
 * through the Flowport client, {@value #IN_FLIGHT} in flight. Not part of the normal run (its name
 * matches no surefire pattern); run it with {@code -Dtest=FakesVsRealFlowableBench} (BENCHMARKS.md).
 * Prints a Markdown table and writes it to {@code target/fakes-vs-real-flowable.md}.
 */
class FakesVsRealFlowableBench {
  static final int IN_FLIGHT = 64;
  static final int WARMUP = Integer.getInteger("flowport.bench.warmup", 1_000);
  static final int CALLS = Integer.getInteger("flowport.bench.calls", 3_000);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static final String NOOP = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://flowport.io/bench">
        <process id="benchNoop" isExecutable="true">
          <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
        </process>
      </definitions>
      """;

  @Test
  void fakeVsReal() throws Exception {
    List<String> rows = new ArrayList<>();
    String loadBefore = WireBench.loadAverage();
    // First starts are cold (the fake's is the JVM's first HTTP server); second starts are warm.
    WireBench.Started<FakeFlowableServer> fake = WireBench.firstAnswer(
        () -> FakeFlowableServer.builder().basicAuth(RealFlowable.USER, RealFlowable.PASSWORD).start(),
        f -> answers(f.baseUrl()));
    try (FakeFlowableServer f = fake.server()) {
      rows.add(row("fake server, first start in this JVM", fake.firstAnswer(), f.baseUrl()));
    }
    WireBench.Started<RealFlowable> real = WireBench.firstAnswer(RealFlowable::start, r -> answers(r.baseUrl()));
    try (RealFlowable r = real.server()) {
      rows.add(row("real Flowable 7.2.0, first start", real.firstAnswer(), r.baseUrl()));
    }
    WireBench.Started<FakeFlowableServer> fakeAgain = WireBench.firstAnswer(
        () -> FakeFlowableServer.builder().basicAuth(RealFlowable.USER, RealFlowable.PASSWORD).start(),
        f -> answers(f.baseUrl()));
    fakeAgain.server().close();
    WireBench.Started<RealFlowable> realAgain = WireBench.firstAnswer(RealFlowable::start, r -> answers(r.baseUrl()));
    realAgain.server().close();
    rows.add("| fake server, second start in this JVM | " + fakeAgain.firstAnswer().toMillis() + " ms | | |");
    rows.add("| real Flowable, second start in this JVM | " + realAgain.firstAnswer().toMillis() + " ms | | |");
    // Cold: each in a JVM of its own, from the JVM's start (what launching a standalone fake or engine costs).
    List<String> childJvm = List.of("-Xmx512m");
    rows.add("| fake, cold JVM (from JVM start) | " + WireBench.coldStart(ColdStartFlowable.class,
        childJvm, "fake").toMillis() + " ms | | |");
    rows.add("| real, cold JVM (from JVM start) | " + WireBench.coldStart(ColdStartFlowable.class,
        childJvm, "real").toMillis() + " ms | | |");
    String table = "| Flowable | first answer after start | start, 64 in flight | start and await, 64 in flight |\n"
        + "|---|---:|---:|---:|\n" + String.join("\n", rows) + "\n\nJava " + Runtime.version() + ", "
        + Runtime.getRuntime().availableProcessors() + " CPUs, load average before " + loadBefore + ", after "
        + WireBench.loadAverage() + "; " + WARMUP + " warm-up calls then " + CALLS + " measured, per column.\n";
    System.out.println(table);
    Files.writeString(Path.of("target", "fakes-vs-real-flowable.md"), table);
  }

  private static String row(String target, Duration firstAnswer, String baseUrl) throws Exception {
    try (WorkflowClient client = FlowableClient.builder().baseUrl(baseUrl)
        .credentials(Credentials.basic(RealFlowable.USER, RealFlowable.PASSWORD))
        .options(ClientOptions.builder().apiCallTimeout(Duration.ofSeconds(60)).build()).build()) {
      client.definitions().deploy(DeployRequest.of(
          Resource.of("benchNoop.bpmn20.xml", NOOP.getBytes(StandardCharsets.UTF_8)))).join();
      StartRequest start = StartRequest.of("benchNoop").build();
      WireBench.rate(WARMUP, IN_FLIGHT, () -> client.instances().start(start));
      WireBench.Rate starts = WireBench.rate(CALLS, IN_FLIGHT, () -> client.instances().start(start));
      WireBench.rate(WARMUP, IN_FLIGHT, () -> client.instances().startAndAwait(start, Duration.ofSeconds(30)));
      WireBench.Rate awaits = WireBench.rate(CALLS, IN_FLIGHT,
          () -> client.instances().startAndAwait(start, Duration.ofSeconds(30)));
      return "| " + target + " | " + firstAnswer.toMillis() + " ms | " + starts + " | " + awaits + " |";
    }
  }

  /** Any HTTP answer of the REST API counts. */
  static boolean answers(String baseUrl) throws Exception {
    HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/repository/deployments"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (RealFlowable.USER + ":" + RealFlowable.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
    return r.statusCode() > 0;
  }
}
