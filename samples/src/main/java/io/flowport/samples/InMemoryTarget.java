package io.flowport.samples;

import io.flowport.core.WorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.Map;

/** The in-memory engine and its client, completing tasks straight on the engine. */
final class InMemoryTarget implements ContractTarget {
  private final InMemoryEngine engine = InMemoryEngine.create();
  private final WorkflowClient client = InMemoryWorkflowClient.create(engine);

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
        .orElseThrow(() -> new IllegalStateException("no waiting task in " + instanceId));
    engine.completeJob(job.key(), variables);
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
