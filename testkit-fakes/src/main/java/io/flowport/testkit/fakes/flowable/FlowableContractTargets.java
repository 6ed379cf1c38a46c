package io.flowport.testkit.fakes.flowable;

import io.flowport.core.ClientOptions;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.BpmnContractResources;
import io.flowport.testkit.contract.BpmnContractTarget;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Expectations;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContractTarget}s for Flowable: a {@link FlowableClient} over the fake Flowable server
 * (which the target owns and closes), or over a client to a real Flowable REST API. The
 * contract's resources are Flowable's BPMN; its task is a user task completed through the
 * client's own task operation.
 */
public final class FlowableContractTargets {
  private FlowableContractTargets() {}

  /**
   * Flowable's differences: a new version per deploy, no message ids, no buffering.
   *
   * @return the expectations
   */
  public static Expectations expectations() {
    return Expectations.builder()
        .redeployKeepsVersion(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .build();
  }

  /**
   * {@return a FlowableClient on a fresh fake Flowable server; closing the target stops both}
   *
   * @param options the options
   */
  public static ContractTarget fake(ClientOptions options) {
    FakeFlowableServer server = FakeFlowableServer.start();
    return new FlowableTarget(FlowableClient.builder().baseUrl(server.baseUrl()).options(options).build(), server);
  }

  /**
   * {@return a target on {@code client} to a Flowable REST API; closes the client}
   *
   * @param client the client
   */
  public static ContractTarget of(FlowableClient client) {
    return new FlowableTarget(client);
  }

  private static final class FlowableTarget extends BpmnContractTarget {
    private final FlowableClient flowable;

    FlowableTarget(FlowableClient client, AutoCloseable... owned) {
      super(client, BpmnContractResources.FLOWABLE, FlowableContractTargets.expectations(), owned);
      this.flowable = client;
    }

    @Override
    public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
      flowable.completeTask(instanceId, "work", variables).get(30, TimeUnit.SECONDS);
    }
  }
}
