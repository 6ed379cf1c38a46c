package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.grpcError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection seen through the raw stub, the in-process variant, and the gateway's lifecycle. */
class FakeZeebeGatewayFaultTest {
  private static final CreateProcessInstanceRequest CREATE_SVC =
      CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("svc").setVersion(-1).build();

  private FakeZeebeGateway gateway;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws InterruptedException {
    ZeebeTestSupport.shutdown(channel);
    if (gateway != null) {
      gateway.close();
    }
  }

  private GatewayGrpc.GatewayBlockingStub startGateway() {
    gateway = FakeZeebeGateway.start();
    gateway.engine().deploy("zeebe-svc.bpmn", ZeebeTestSupport.bytes("zeebe-svc.bpmn"));
    channel = gateway.newChannel();
    return ZeebeTestSupport.stub(channel);
  }

  private int instances() {
    return gateway.engine().list(InstanceFilter.all()).size();
  }

  @Test
  void backPressureIsResourceExhaustedAndNeverReachesTheEngine() {
    var stub = startGateway();
    gateway.faults().next(2, Fault.backPressure(), "CreateProcessInstance"::equals);
    for (int i = 0; i < 2; i++) {
      StatusRuntimeException e = grpcError(() -> stub.createProcessInstance(CREATE_SVC));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(e.getStatus().getDescription()).isEqualTo("Reached maximum capacity of requests handled");
    }
    assertThat(instances()).isZero();
    stub.createProcessInstance(CREATE_SVC);
    assertThat(instances()).isEqualTo(1);
    assertThat(gateway.requests().count("CreateProcessInstance")).isEqualTo(3);
    assertThat(gateway.faults().pending()).isZero();
  }

  @Test
  void faultsOnlyHitTheNamedMethod() {
    var stub = startGateway();
    gateway.faults().next(1, Fault.unavailable(), "CreateProcessInstance"::equals);
    stub.topology(TopologyRequest.getDefaultInstance());
    StatusRuntimeException e = grpcError(() -> stub.createProcessInstance(CREATE_SVC));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(instances()).isZero();
  }

  @Test
  void latencyDelaysTheAnswerWithoutHoldingOtherCalls() throws Exception {
    var stub = startGateway();
    // Long enough that 20 round trips fit in it on a loaded build machine (600 ms did not, at load 25 on 2 cores).
    gateway.faults().next(1, Fault.latency(Duration.ofMillis(3_000)), "CreateProcessInstance"::equals);
    long t0 = System.nanoTime();
    var slow = GatewayGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).createProcessInstance(CREATE_SVC);
    // many other calls are served meanwhile
    for (int i = 0; i < 20; i++) {
      stub.topology(TopologyRequest.getDefaultInstance());
    }
    assertThat(slow.isDone()).isFalse();
    assertThat(slow.get(10, TimeUnit.SECONDS).getProcessInstanceKey()).isPositive();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(2_950);
  }

  @Test
  void latencyBeyondTheClientDeadlineStillCreatesOnce() throws Exception {
    var stub = startGateway();
    gateway.faults().next(1, Fault.latency(Duration.ofMillis(400)), "CreateProcessInstance"::equals);
    StatusRuntimeException e = grpcError(() -> stub.withDeadlineAfter(100, TimeUnit.MILLISECONDS)
        .createProcessInstance(CREATE_SVC));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(instances()).isZero();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (instances() == 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(instances()).isEqualTo(1);
  }

  @Test
  void resetKillsTheConnectionAndTheClientReconnects() {
    var stub = startGateway();
    stub.topology(TopologyRequest.getDefaultInstance());
    gateway.faults().next(1, Fault.reset(), "CreateProcessInstance"::equals);
    StatusRuntimeException e = grpcError(() -> stub.createProcessInstance(CREATE_SVC));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(instances()).isZero();
    // the channel reconnects on the next call
    stub.createProcessInstance(CREATE_SVC);
    assertThat(instances()).isEqualTo(1);
  }

  @Test
  void bodyFaultsAreInternalOnGrpc() {
    var stub = startGateway();
    gateway.faults()
        .next(1, Fault.malformedBody())
        .next(1, Fault.htmlError())
        .next(1, Fault.emptyBody());
    for (int i = 0; i < 3; i++) {
      StatusRuntimeException e = grpcError(() -> stub.topology(TopologyRequest.getDefaultInstance()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }
    assertThat(stub.topology(TopologyRequest.getDefaultInstance()).getClusterSize()).isEqualTo(1);
  }

  @Test
  void alwaysAppliesUntilCleared() {
    var stub = startGateway();
    gateway.faults().always(Fault.unavailable());
    assertThat(grpcError(() -> stub.topology(TopologyRequest.getDefaultInstance())).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    gateway.faults().clear();
    assertThat(stub.topology(TopologyRequest.getDefaultInstance()).getBrokersCount()).isEqualTo(1);
  }

  @Test
  void inProcessGatewayServesTheSameProtocol() throws Exception {
    try (InMemoryEngine engine = InMemoryEngine.create(FakeZeebeGateway.zeebeOptions());
         FakeZeebeGateway inProcess = FakeZeebeGateway.startInProcess("fake-zeebe-" + System.nanoTime(), engine)) {
      engine.deploy("zeebe-noop.bpmn", ZeebeTestSupport.bytes("zeebe-noop.bpmn"));
      ManagedChannel ch = inProcess.newChannel();
      try {
        var stub = ZeebeTestSupport.stub(ch);
        TopologyResponse t = stub.topology(TopologyRequest.getDefaultInstance());
        assertThat(t.getGatewayVersion()).isEqualTo("8.8.21-flowport-fake");
        var result = stub.createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("noop").setVersion(-1)
                .setVariables("{\"x\":42}"))
            .setRequestTimeout(2_000).build());
        assertThat(result.getVariables()).isEqualTo("{\"x\":42}");
        inProcess.faults().next(1, Fault.reset());
        StatusRuntimeException e = grpcError(() -> stub.topology(TopologyRequest.getDefaultInstance()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo("connection reset");
        assertThat(inProcess.isInProcess()).isTrue();
        assertThatThrownBy(inProcess::address).isInstanceOf(IllegalStateException.class);
      } finally {
        ZeebeTestSupport.shutdown(ch);
      }
    }
  }

  @Test
  void closeLeavesNoThreadAndAnswersWaitingCalls() throws Exception {
    var stub = startGateway();
    String prefix = gateway.threadPrefix();
    var waiting = GatewayGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CREATE_SVC).setRequestTimeout(8_000).build());
    stub.topology(TopologyRequest.getDefaultInstance());
    assertThat(threads(prefix)).isNotEmpty();
    gateway.close();
    gateway.close(); // idempotent
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StatusRuntimeException.class);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!threads(prefix).isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(threads(prefix)).isEmpty();
    gateway = null;
  }

  private static Set<String> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith(prefix))
        .collect(Collectors.toSet());
  }
}
