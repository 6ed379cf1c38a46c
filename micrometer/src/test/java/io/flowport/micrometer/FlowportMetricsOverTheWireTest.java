package io.flowport.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real Flowable adapter over a socket to the fake, pushed back once: what the dashboard shows. */
class FlowportMetricsOverTheWireTest {

  @Test
  void aStartPushedBackOnceShowsTwoAttemptsOneRetryAndOneSuccessfulCall() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (FakeFlowableServer fake = FakeFlowableServer.start()) {
      fake.engine().deploy(ProcessModel.builder("review").startEvent("start").userTask("approve").endEvent("end").build());
      fake.faults().next(1, Fault.backPressure());
      ClientOptions options = ClientOptions.builder()
          .retryPolicy(RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build())
          .listener(FlowportMetrics.builder(registry).tag("client", "reviews").build())
          .build();
      try (FlowableClient client = FlowableClient.builder().baseUrl(fake.baseUrl()).options(options).build()) {
        Instance started = client.instances().start(StartRequest.of("review").build()).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(started.id()).isNotBlank();
      }
    }

    assertThat(registry.get(FlowportMetrics.CALLS).tags("engine", "flowable", "operation", "start instance",
        "outcome", "SUCCESS", "client", "reviews").timer().count()).isEqualTo(1);
    assertThat(registry.get(FlowportMetrics.ATTEMPTS).tags("engine", "flowable", "outcome", "ERROR",
        "exception", "BackPressureException").timer().count()).isEqualTo(1);
    assertThat(registry.get(FlowportMetrics.RETRIES).tags("engine", "flowable").counter().count()).isEqualTo(1);
    assertThat(registry.get(FlowportMetrics.ACTIVE).tags("engine", "flowable").gauge().value()).isZero();
  }
}
