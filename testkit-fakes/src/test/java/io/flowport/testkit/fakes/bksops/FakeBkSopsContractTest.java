package io.flowport.testkit.fakes.bksops;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;

/** The contract suite over BkSopsClient and the fake bk-sops gateway. */
class FakeBkSopsContractTest extends WorkflowClientContract {
  @Override
  protected ContractTarget createTarget() {
    return BkSopsContractTargets.fake(ClientOptions.defaults());
  }
}
