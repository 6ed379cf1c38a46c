package io.flowport.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone fakes run on the wall clock (instances start at about now, timers fire in real
 * time without anyone moving the clock); {@code --clock frozen} keeps the test kit's frozen clock;
 * the fakes used programmatically keep their own frozen {@link TestClock}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandaloneClockTest {
  /** Plain BPMN (both engines take it): start, a PT1S timer, end. */
  static final String TIMER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://flowport.io/t">
        <bpmn:process id="delay" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
          <bpmn:intermediateCatchEvent id="wait">
            <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
          <bpmn:endEvent id="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void onTheWallClockInstancesStartAtAboutNowAndATimerFiresByItself() throws Exception {
    Files.writeString(dir.resolve("delay.bpmn"), TIMER);
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0", "--flowable-port", "0",
        "--definitions", dir.toString()}, l -> { })) {
      assertThat(servers.clock().isFrozen()).isFalse();
      String base = "http://127.0.0.1:" + servers.port("flowable") + "/process-api";

      // Flowable over HTTP: the start time is near now, not 2025-01-01
      Instant before = Instant.now();
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/runtime/process-instances"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionKey\": \"delay\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      JsonNode instance = json.readTree(started.body());
      Instant startTime = OffsetDateTime.parse(instance.get("startTime").asText()).toInstant();
      // the engine clock follows the wall clock in ticks; generous bounds, no tight timing
      assertThat(startTime).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
      assertThat(instance.get("ended").asBoolean()).isFalse();

      // Zeebe over gRPC: the same process, started now
      String zeebeId;
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", servers.port("zeebe")).usePlaintext().build();
      try {
        zeebeId = Long.toString(GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .createProcessInstance(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("delay").setVersion(-1).build())
            .getProcessInstanceKey());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      // nobody moves the clock: the PT1S timers fire after about a second of real time
      String id = instance.get("id").asText();
      await(() -> ended(base + "/history/historic-process-instances/" + id), "the Flowable instance's timer fires");
      JsonNode history = json.readTree(get(base + "/history/historic-process-instances/" + id).body());
      Instant endTime = OffsetDateTime.parse(history.get("endTime").asText()).toInstant();
      assertThat(Duration.between(startTime, endTime)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      FakeZeebeGateway zeebe = servers.server("zeebe", FakeZeebeGateway.class).orElseThrow();
      await(() -> completed(zeebe.engine(), zeebeId), "the Zeebe instance's timer fires");
    }
  }

  @Test
  void aFrozenClockStandsStillUntilMoved() throws Exception {
    Files.writeString(dir.resolve("delay.bpmn"), TIMER);
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0",
        "--clock", "frozen=2026-03-01T08:00:00Z", "--definitions", dir.toString()}, l -> { })) {
      FakeZeebeGateway zeebe = servers.server("zeebe", FakeZeebeGateway.class).orElseThrow();
      String id = zeebe.engine().start("delay", Map.of()).id();
      assertThat(zeebe.engine().get(id).startTime()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
      Thread.sleep(1_500); // longer than the timer: on a frozen clock it does not fire
      assertThat(zeebe.engine().get(id).state()).isEqualTo(InstanceStatus.RUNNING);
      servers.clock().advance(Duration.ofSeconds(1));
      assertThat(completed(zeebe.engine(), id)).isTrue();
    }
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0", "--clock", "frozen"}, l -> { })) {
      assertThat(servers.clock().now()).isEqualTo(TestClock.DEFAULT_START);
      assertThat(servers.fake("zeebe").orElseThrow().engine().clock().now()).isEqualTo(TestClock.DEFAULT_START);
    }
  }

  @Test
  void theWallClockCannotBeMovedByHand() {
    try (FakeServers servers = FakeServers.start(new String[] {"--zeebe-port", "0"}, l -> { })) {
      assertThatThrownBy(() -> servers.clock().advance(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("--clock frozen");
      assertThatThrownBy(() -> servers.clock().set(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void fakesUsedInTestsKeepTheFrozenTestClock() throws Exception {
    try (FakeFlowableServer flowable = FakeFlowableServer.start(); FakeZeebeGateway zeebe = FakeZeebeGateway.start()) {
      Thread.sleep(300); // more than a wall-clock tick: nothing moves these clocks
      assertThat(flowable.engine().clock().now()).isEqualTo(TestClock.DEFAULT_START);
      assertThat(zeebe.engine().clock().now()).isEqualTo(TestClock.DEFAULT_START);
    }
  }

  /** Zeebe's engine drops an instance when it ends (as Zeebe's runtime state does). */
  static boolean completed(InMemoryEngine engine, String id) {
    try {
      return engine.get(id).state() == InstanceStatus.COMPLETED;
    } catch (EngineException e) {
      return e.reason() == EngineException.Reason.INSTANCE_NOT_FOUND;
    }
  }

  private boolean ended(String url) {
    try {
      HttpResponse<String> r = get(url);
      return r.statusCode() == 200 && !json.readTree(r.body()).get("endTime").isNull();
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<String> get(String url) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Polls with a generous timeout: real time, on a loaded machine. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
