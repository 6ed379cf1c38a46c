package io.flowport.testkit.fakes.campaign;

import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import java.time.Duration;
import java.util.Map;

/** The fault campaign on Flowable over its fake (which, like Flowable, ignores message ids). */
class FlowableFaultCampaignTest extends FaultCampaignContract {
  @Override
  protected CampaignTarget target() {
    FakeFlowableServer fake = FakeFlowableServer.start();
    fake.engine().deploy("one.bpmn20.xml", resource("flowable-one-task.bpmn20.xml"));
    return new RestCampaignTarget("flowable", fake,
        options -> FlowableClient.builder().baseUrl(fake.baseUrl()).options(options).build(),
        vars -> StartRequest.of("oneTask").variables(vars).build()) {
      @Override
      public MessageRequest publish(Map<String, Object> variables, String messageId, long ttlMillis) {
        // no instance has the key as business key: the message starts "byMessage"
        return MessageRequest.builder("go", String.valueOf(variables.get(TAG))).messageId(messageId)
            .timeToLive(Duration.ofMillis(ttlMillis)).variables(variables).build();
      }
    };
  }

  static byte[] resource(String name) {
    try (var in = FlowableFaultCampaignTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
