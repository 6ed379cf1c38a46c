package io.flowport.testkit.contract;

import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory client on a fresh engine of its own, reading Zeebe's BPMN and completing the
 * contract's task straight on the engine. Closing it closes both.
 */
public final class InMemoryContractTarget extends BpmnContractTarget {
  private final InMemoryEngine engine;
  private final AtomicInteger nextGroup = new AtomicInteger();

  /** A target on a fresh engine. */
  public InMemoryContractTarget() {
    this(InMemoryEngine.create());
  }

  private InMemoryContractTarget(InMemoryEngine engine) {
    super(InMemoryWorkflowClient.create(engine), BpmnContractResources.ZEEBE, Expectations.builder().build(), engine);
    this.engine = engine;
  }

  /** {@return the engine behind the client} */
  public InMemoryEngine engine() {
    return engine;
  }

  /** A group of targets named {@code t1..tN} on the engine, under a fresh id. */
  @Override
  public Optional<String> prepareTargetGroup(int size) {
    String id = "targets-" + nextGroup.incrementAndGet();
    List<String> targets = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      targets.add(id + "-t" + i);
    }
    engine.createTargetGroup(id, targets);
    return Optional.of(id);
  }

  @Override
  public void completeTask(String instanceId, Map<String, Object> variables) {
    JobSnapshot job = engine.activeJobs("contract-work").stream()
        .filter(j -> j.instanceId().equals(instanceId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no contract-work job for instance " + instanceId));
    engine.completeJob(job.key(), variables);
  }
}
