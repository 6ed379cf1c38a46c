package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A target whose engine reads BPMN: its resources per scenario are the contract's processes in
 * one {@link BpmnContractResources} dialect. Subclasses add the engine-specific steps.
 */
public abstract class BpmnContractTarget extends AbstractContractTarget {
  private final BpmnContractResources dialect;

  /**
   * A target on {@code client} reading {@code dialect}, with the engine's {@code expectations},
   * closing {@code owned} after the client.
   *
   * @param client the client
   * @param dialect the dialect
   * @param expectations the expectations
   * @param owned the owned
   */
  protected BpmnContractTarget(WorkflowClient client, BpmnContractResources dialect, Expectations expectations,
      AutoCloseable... owned) {
    super(client, expectations, owned);
    this.dialect = Objects.requireNonNull(dialect, "dialect == null");
  }

  @Override
  public final Optional<DeployRequest> resources(Scenario scenario) {
    return dialect.resources(scenario);
  }
}
