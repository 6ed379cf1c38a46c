package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.Map;

/** The in-memory client keeps the contract. */
class InMemoryContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    InMemoryEngine engine = InMemoryEngine.create();
    WorkflowClient client = InMemoryWorkflowClient.create(engine);
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
      public void completeTask(String instanceId, Map<String, Object> variables) {
        JobSnapshot job = engine.activeJobs("contract-work").stream()
            .filter(j -> j.instanceId().equals(instanceId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no contract-work job for " + instanceId));
        engine.completeJob(job.key(), variables);
      }

      @Override
      public void close() {
        client.close();
        engine.close();
      }
    };
  }
}
