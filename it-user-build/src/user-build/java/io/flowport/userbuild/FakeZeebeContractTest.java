package io.flowport.userbuild;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;
import io.flowport.testkit.fakes.zeebe.ZeebeContractTargets;

/** The contract suite, as a user runs it from their build, over the Zeebe wire fake. */
class FakeZeebeContractTest extends WorkflowClientContract {
  @Override
  protected ContractTarget createTarget() {
    return ZeebeContractTargets.fake(ClientOptions.defaults());
  }
}
