package io.flowport.testkit.contract;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;

/**
 * What every part of the contract reads from the suite it runs in: the target, the client and
 * the suite's helpers. Each part is a nested class of {@link WorkflowClientContract}, so it shares
 * the suite's one target.
 */
abstract class ContractPart {

  /** The suite this part runs in. */
  abstract WorkflowClientContract contract();

  ContractTarget target() {
    return contract().target();
  }

  WorkflowClient client() {
    return contract().client();
  }

  void require(Operation op) {
    contract().require(op);
  }

  boolean supports(Operation op) {
    return contract().supports(op);
  }

  void requireBusinessKeys() {
    contract().requireBusinessKeys();
  }

  DeployRequest resources(Scenario scenario) {
    return contract().resources(scenario);
  }

  String definition(Scenario scenario) {
    return contract().definition(scenario);
  }

  Instance awaitEnded(String instanceId) {
    return contract().awaitEnded(instanceId);
  }

  Instance awaitInstanceWithBusinessKey(String businessKey) {
    return contract().awaitInstanceWithBusinessKey(businessKey);
  }
}
