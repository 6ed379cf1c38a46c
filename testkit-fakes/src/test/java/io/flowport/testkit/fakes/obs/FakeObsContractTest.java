package io.flowport.testkit.fakes.obs;

import io.flowport.core.ClientOptions;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;

/**
 * The OBS adapter keeps the contract over the fake OBS workflow service on a real socket, every
 * request signed and checked; what OBS lacks (deploy, cancel, suspend, messages, node steering)
 * skips with the reason shown and fails fast.
 */
class FakeObsContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    return ObsContractTargets.fake(ClientOptions.defaults());
  }
}
