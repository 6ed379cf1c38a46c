package io.flowport.testkit.fakes.cloudify;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;

/** The contract suite over the Cloudify adapter and the fake manager. */
class FakeCloudifyContractTest extends WorkflowClientContract {
  @Override
  protected ContractTarget createTarget() {
    return CloudifyContractTargets.fake(ClientOptions.defaults());
  }
}
