package io.flowport.testkit.fakes.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zeebe adapter against injected faults: retried where safe, never duplicated. */
class FakeZeebeClientFaultTest {
  private FakeZeebeGateway gateway;
  private ZeebeClient client;

  @BeforeEach
  void start() {
    // "svc" waits on a job, so its instances stay in the engine (ended ones are dropped, as in Zeebe).
    gateway = FakeZeebeGateway.start();
    gateway.engine().deploy("zeebe-svc.bpmn", ZeebeTestSupport.bytes("zeebe-svc.bpmn"));
    client = ZeebeClient.builder()
        .gatewayAddress(gateway.address())
        .usePlaintext()
        .options(ClientOptions.builder()
            .retryPolicy(RetryPolicy.builder()
                .maxAttempts(4)
                .baseDelay(Duration.ofMillis(20))
                .backPressureBaseDelay(Duration.ofMillis(20))
                .build())
            .attemptTimeout(Duration.ofMillis(500))
            .apiCallTimeout(Duration.ofSeconds(5))
            .build())
        .build();
    client.topology().join(); // connect first, so the attempt timeout measures the call, not the TCP/HTTP2 set-up
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
  }

  private int instances() {
    return gateway.engine().list(InstanceFilter.all()).size();
  }

  @Test
  void backPressureTwiceThenTheStartSucceedsWithExactlyOneInstance() {
    gateway.faults().next(2, Fault.backPressure(), "CreateProcessInstance"::equals);

    Instance started = client.instances().start(StartRequest.of("svc").build()).join();

    assertThat(gateway.requests().count("CreateProcessInstance")).isEqualTo(3);
    assertThat(instances()).isEqualTo(1);
    assertThat(gateway.engine().list(InstanceFilter.all()).get(0).id()).isEqualTo(started.id());
  }

  @Test
  void latencyBeyondTheAttemptTimeoutIsATimeoutAndNeverADuplicate() throws Exception {
    gateway.faults().next(1, Fault.latency(Duration.ofMillis(1000)), "CreateProcessInstance"::equals);

    Throwable failure = catchThrowable(() -> client.instances().start(StartRequest.of("svc").build()).join());

    assertThat(failure).isInstanceOf(CompletionException.class).cause().isInstanceOf(WorkflowTimeoutException.class);
    // the delayed request still reaches the engine (as a real broker would have it): one instance, not two
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (instances() == 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    Thread.sleep(300); // room for a (wrong) retry to land
    assertThat(instances()).isEqualTo(1);
    assertThat(gateway.requests().count("CreateProcessInstance")).isEqualTo(1);
  }

  @Test
  void theClientWorksInProcessToo() throws Exception {
    try (FakeZeebeGateway inProcess = FakeZeebeGateway.startInProcess("fake-zeebe-client-" + System.nanoTime())) {
      var channel = inProcess.newChannel();
      try (ZeebeClient inProcessClient = ZeebeClient.builder().channel(channel).build()) {
        inProcessClient.definitions().deploy(DeployRequest.of(
            Resource.of("zeebe-noop.bpmn", ZeebeTestSupport.bytes("zeebe-noop.bpmn")))).join();
        Instance done = inProcessClient.instances().startAndAwait(
            StartRequest.of("noop").variable("x", 42).build(), Duration.ofSeconds(5)).join();
        assertThat(done.variables()).containsEntry("x", 42);
      } finally {
        ZeebeTestSupport.shutdown(channel);
      }
    }
  }

  @Test
  void deployThroughTheClientIsRetriedOnBackPressure() {
    gateway.faults().next(1, Fault.backPressure(), "DeployResource"::equals);
    var d = client.definitions().deploy(DeployRequest.of(
        Resource.of("zeebe-noop.bpmn", ZeebeTestSupport.bytes("zeebe-noop.bpmn")))).join();
    assertThat(d.definition("noop").version()).isEqualTo(1);
    assertThat(gateway.requests().count("DeployResource")).isEqualTo(2);
  }
}
