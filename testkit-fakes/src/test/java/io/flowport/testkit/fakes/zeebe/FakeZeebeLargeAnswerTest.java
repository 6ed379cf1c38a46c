package io.flowport.testkit.fakes.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A start-and-await whose answer is larger than the client's 4 MiB inbound limit: grpc-java ends the
 * call with RESOURCE_EXHAUSTED itself. That is not the engine's back pressure: the engine ran the
 * start, so it must run exactly once. Counted at the engine behind the fake gateway.
 */
class FakeZeebeLargeAnswerTest {

  @Test
  void startAndAwaitWithAnAnswerOverTheInboundLimitCreatesExactlyOneInstance() {
    Set<String> created = ConcurrentHashMap.newKeySet();
    try (InMemoryEngine engine = InMemoryEngine.create(FakeZeebeGateway.zeebeOptions());
        FakeZeebeGateway gateway = FakeZeebeGateway.start(engine)) {
      engine.deploy("zeebe-svc.bpmn", ZeebeTestSupport.bytes("zeebe-svc.bpmn"));
      engine.onChange(snapshot -> created.add(snapshot.id()));
      // Each request stays under 4 MiB (2.5 MiB in, 2.5 MiB added by the job): the answer holds both.
      String half = "y".repeat(5 * 512 * 1024);
      engine.registerHandler("fake-work", job -> job.complete(Map.of("added", half)));
      ClientOptions options = ClientOptions.builder()
          .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
              .backPressureBaseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20)).build())
          .attemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(20)).build();
      try (ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
          .options(options).build()) {
        Throwable failure = catchThrowable(() -> client.instances()
            .startAndAwait(StartRequest.of("svc").variable("sent", half).build(), Duration.ofSeconds(10)).join());

        assertThat(CallExecutor.unwrap(failure)).isInstanceOf(UnexpectedResponseException.class);
        WorkflowException e = (WorkflowException) CallExecutor.unwrap(failure);
        assertThat(e.requestMayHaveBeenProcessed()).isTrue();
        assertThat(e.isRetryable()).isFalse();
      }
      assertThat(gateway.requests().count("CreateProcessInstanceWithResult")).isEqualTo(1);
      assertThat(created).as("instances the engine created").hasSize(1);
    }
  }
}
