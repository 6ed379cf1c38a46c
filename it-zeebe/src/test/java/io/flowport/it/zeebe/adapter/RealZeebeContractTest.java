package io.flowport.it.zeebe.adapter;

import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;
import io.flowport.testkit.fakes.zeebe.ZeebeContractTargets;

/** The Zeebe adapter keeps the contract against the real Zeebe engine. */
class RealZeebeContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    return ZeebeContractTargets.of(ZeebeClient.builder()
        .gatewayAddress(RealZeebeEngine.shared().address())
        .usePlaintext()
        .build());
  }
}
