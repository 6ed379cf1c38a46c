package io.flowport.testkit.fakes.zeebe;

import io.flowport.core.ClientOptions;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.contract.BpmnContractResources;
import io.flowport.testkit.contract.BpmnContractTarget;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Expectations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContractTarget}s for Zeebe: a {@link ZeebeClient} over the fake gateway (which the
 * target owns and closes), or over a client to a real engine. The contract's resources are
 * Zeebe's BPMN; its task is completed as a Zeebe worker would, through the job API.
 */
public final class ZeebeContractTargets {
  private ZeebeContractTargets() {}

  /**
   * Zeebe's differences from the default expectations: no business keys, no start by message.
   *
   * @return the expectations
   */
  public static Expectations expectations() {
    return Expectations.builder().businessKeys(false).startByMessage(false)
        .awaitTimeoutKnowsInstance(false).build();
  }

  /**
   * {@return a ZeebeClient on a fresh fake gateway on a local port; closing the target stops both}
   *
   * @param options the options
   */
  public static ContractTarget fake(ClientOptions options) {
    FakeZeebeGateway gateway = FakeZeebeGateway.start();
    ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().options(options).build();
    return new ZeebeTarget(client, gateway);
  }

  /**
   * {@return a target on {@code client}, completing tasks through Zeebe's job API; closes the client}
   *
   * @param client the client
   */
  public static ContractTarget of(ZeebeClient client) {
    return new ZeebeTarget(client);
  }

  private static final class ZeebeTarget extends BpmnContractTarget {
    private final ZeebeClient zeebe;

    ZeebeTarget(ZeebeClient client, AutoCloseable... owned) {
      super(client, BpmnContractResources.ZEEBE, ZeebeContractTargets.expectations(), owned);
      this.zeebe = client;
    }

    @Override
    public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
      long instanceKey = Long.parseLong(instanceId);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        // Jobs of other instances get a short lock and become available again.
        List<ActivatedJob> jobs = zeebe.activateJobs("contract-work", 32, Duration.ofMillis(500), "contract")
            .get(10, TimeUnit.SECONDS);
        for (ActivatedJob job : jobs) {
          if (job.processInstanceKey() == instanceKey) {
            zeebe.completeJob(job.key(), variables).get(10, TimeUnit.SECONDS);
            return;
          }
        }
      }
      throw new IllegalStateException("no contract-work job for instance " + instanceId);
    }
  }
}
