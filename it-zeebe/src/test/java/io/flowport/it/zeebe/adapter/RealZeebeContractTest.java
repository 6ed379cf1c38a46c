package io.flowport.it.zeebe.adapter;

import io.flowport.core.WorkflowClient;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.WorkflowClientContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Zeebe adapter keeps the contract against the real Zeebe engine. */
class RealZeebeContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    ZeebeClient client = ZeebeClient.builder()
        .gatewayAddress(RealZeebeEngine.shared().address())
        .usePlaintext()
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
        return Expectations.builder().businessKeys(false).startByMessage(false).build();
      }

      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        long instanceKey = Long.parseLong(instanceId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
          // Jobs of other tests' instances get a short lock and become available again.
          List<ActivatedJob> jobs = client.activateJobs("contract-work", 32, Duration.ofMillis(500), "contract")
              .get(10, TimeUnit.SECONDS);
          for (ActivatedJob job : jobs) {
            if (job.processInstanceKey() == instanceKey) {
              client.completeJob(job.key(), variables).get(10, TimeUnit.SECONDS);
              return;
            }
          }
        }
        throw new AssertionError("no contract-work job for instance " + instanceId);
      }
    };
  }
}
