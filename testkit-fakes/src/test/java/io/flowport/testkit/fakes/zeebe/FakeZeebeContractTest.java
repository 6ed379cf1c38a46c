package io.flowport.testkit.fakes.zeebe;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.WorkflowClientContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Zeebe adapter keeps the contract against the fake gateway, over a real socket. Zeebe's
 * differences are stated in {@link Expectations}: redeploy keeps the version, message ids
 * deduplicate, messages with a TTL are buffered, there are no business keys and no start by
 * message name; the gateway cannot read instances, so the get/list tests skip.
 */
class FakeZeebeContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    FakeZeebeGateway gateway = FakeZeebeGateway.start();
    ZeebeClient client = ZeebeClient.builder()
        .gatewayAddress(gateway.address())
        .usePlaintext()
        .options(ClientOptions.builder()
            .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10))
                .backPressureBaseDelay(Duration.ofMillis(10)).build())
            .build())
        .build();
    return new ContractTarget() {
      @Override
      public WorkflowClient client() {
        return client;
      }

      @Override
      public Dialect dialect() {
        return Dialect.ZEEBE;
      }

      @Override
      public Expectations expectations() {
        // Zeebe has no business keys, and starts message start events only by publishing.
        return Expectations.builder().businessKeys(false).startByMessage(false).build();
      }

      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        long instanceKey = Long.parseLong(instanceId);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
          List<ActivatedJob> jobs = client.activateJobs("contract-work", 32, Duration.ofMinutes(1), "contract",
              Duration.ofMillis(500)).get(10, TimeUnit.SECONDS);
          for (ActivatedJob job : jobs) {
            if (job.processInstanceKey() == instanceKey) {
              client.completeJob(job.key(), variables).get(10, TimeUnit.SECONDS);
              return;
            }
          }
        }
        throw new AssertionError("no contract-work job for instance " + instanceId);
      }

      @Override
      public void close() {
        try {
          client.close();
        } finally {
          gateway.close();
        }
      }
    };
  }
}
