package io.flowport.it.flowable.adapter;

import io.flowport.core.auth.Credentials;
import io.flowport.it.flowable.RealFlowable;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.WorkflowClientContract;
import io.flowport.testkit.fakes.flowable.FlowableContractTargets;

/** The Flowable adapter keeps the contract against the real Flowable 7.2.0. */
class RealFlowableContractTest extends WorkflowClientContract {

  @Override
  protected ContractTarget createTarget() {
    RealFlowable flowable = RealFlowable.shared();
    return FlowableContractTargets.of(FlowableClient.builder()
        .baseUrl(flowable.baseUrl())
        .credentials(Credentials.basic(flowable.user(), flowable.password()))
        .build());
  }
}
