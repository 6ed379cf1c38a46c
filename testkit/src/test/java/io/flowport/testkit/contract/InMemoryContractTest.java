package io.flowport.testkit.contract;

/** The in-memory client keeps the contract. */
class InMemoryContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    return new InMemoryContractTarget();
  }
}
