package io.flowport.samples;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same code against a wire fake: a real Flowable client over a real socket, with a fault
 * injected to show the retry policy at work.
 */
class OrderServiceOverTheWireTest {

  @Test
  void anOverloadedEngineIsRetriedWithoutStartingTheOrderTwice() {
    try (FakeFlowableServer flowable = FakeFlowableServer.start();
        SyncWorkflowClient client = SyncWorkflowClient.of(FlowableClient.builder()
            .baseUrl(flowable.baseUrl())
            .options(ClientOptions.builder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).backPressureBaseDelay(Duration.ofMillis(20)).build())
                .build())
            .build())) {
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/order.bpmn20.xml")));
      flowable.faults().next(2, Fault.backPressure()); // the next two requests get HTTP 429

      String id = new OrderService(client).placeOrder("D-4", 20);

      assertThat(flowable.requestCount("POST /runtime/process-instances")).isEqualTo(3);
      assertThat(flowable.engine().list(io.flowport.testkit.engine.InstanceFilter.all())).hasSize(1);
      assertThat(flowable.engine(), id).isRunning().isWaitingAt("waitPayment");
    }
  }
}
