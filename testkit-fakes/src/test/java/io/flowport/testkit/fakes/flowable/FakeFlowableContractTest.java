package io.flowport.testkit.fakes.flowable;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;

/**
 * The Flowable adapter keeps the contract over the Flowable fake on a real socket; tasks are
 * completed over Flowable's task REST API, as a Flowable user would.
 */
class FakeFlowableContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    return FlowableContractTargets.fake(ClientOptions.defaults());
  }
}
