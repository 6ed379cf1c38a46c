package io.flowport.userbuild;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;
import io.flowport.testkit.fakes.flowable.FlowableContractTargets;

/** The contract suite, as a user runs it from their build, over the Flowable wire fake. */
class FakeFlowableContractTest extends WorkflowClientContract {
  @Override
  protected ContractTarget createTarget() {
    return FlowableContractTargets.fake(ClientOptions.defaults());
  }
}
