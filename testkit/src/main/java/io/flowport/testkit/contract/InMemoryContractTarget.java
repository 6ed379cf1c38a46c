package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.Map;

/**
 * The in-memory client on a fresh engine of its own, completing the contract's task straight on
 * the engine. Closing it closes both.
 */
public final class InMemoryContractTarget implements ContractTarget {
  private final InMemoryEngine engine = InMemoryEngine.create();
  private final WorkflowClient client = InMemoryWorkflowClient.create(engine);

  @Override
  public WorkflowClient client() {
    return client;
  }

  /** The engine behind the client. */
  public InMemoryEngine engine() {
    return engine;
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
        .orElseThrow(() -> new IllegalStateException("no contract-work job for instance " + instanceId));
    engine.completeJob(job.key(), variables);
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
