package io.flowport.testkit.fakes.campaign;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** The fault campaign on Zeebe over the fake gateway (gRPC on a real socket). */
class ZeebeFaultCampaignTest extends FaultCampaignContract {
  @Override
  protected CampaignTarget target() {
    FakeZeebeGateway gateway = FakeZeebeGateway.start();
    gateway.engine().deploy(ProcessModel.builder("waits").startEvent("s").userTask("work").endEvent("e").build());
    gateway.engine().deploy(ProcessModel.builder("byMessage").messageStartEvent("s", "go").endEvent("e").build());
    return new CampaignTarget() {
      @Override
      public String name() {
        return "zeebe";
      }

      @Override
      public FaultPlan faults() {
        return gateway.faults();
      }

      @Override
      public InMemoryEngine engine() {
        return gateway.engine();
      }

      @Override
      public int port() {
        return gateway.port();
      }

      @Override
      public WorkflowClient newClient(ClientOptions options) {
        return ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().options(options).build();
      }

      @Override
      public StartRequest start(Map<String, Object> variables) {
        return StartRequest.of("waits").variables(variables).build();
      }

      @Override
      public MessageRequest publish(Map<String, Object> variables, String messageId, long ttlMillis) {
        return MessageRequest.builder("go", String.valueOf(variables.get(TAG))).messageId(messageId)
            .timeToLive(Duration.ofMillis(ttlMillis)).variables(variables).build();
      }

      @Override
      public long settleMillis() {
        return 2_000; // a LATENCY fault runs the request after its delay
      }

      @Override
      public void close() {
        gateway.close();
      }
    };
  }

  @Override
  protected Predicate<String> fakeThreads() {
    return name -> name.startsWith("fake-zeebe") || name.contains("grpc-default") || name.startsWith("flowport-fake");
  }
}
