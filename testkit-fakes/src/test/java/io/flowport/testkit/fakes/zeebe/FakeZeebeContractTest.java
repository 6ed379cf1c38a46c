package io.flowport.testkit.fakes.zeebe;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;

/**
 * The Zeebe adapter keeps the contract over the fake gateway on a real socket; the contract's
 * task is completed through the job API, as a Zeebe worker would. Zeebe's differences are in
 * {@link ZeebeContractTargets#expectations()}; the gateway cannot read instances, so the
 * get/list tests skip.
 */
class FakeZeebeContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    return ZeebeContractTargets.fake(ClientOptions.defaults());
  }
}
