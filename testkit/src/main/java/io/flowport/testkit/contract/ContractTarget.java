package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import java.util.Map;
import java.util.Optional;

/**
 * What the contract suite runs against: a client, the engine's resources for each
 * {@link Scenario}, and a way to drive the engine where the unified API has no operation for it
 * (completing the contract's task, preparing a group of targets). Closed after the suite.
 *
 * <p>Most targets extend {@link AbstractContractTarget}; those of BPMN engines extend
 * {@link BpmnContractTarget}, which takes the resources from {@link BpmnContractResources}.
 */
public interface ContractTarget extends AutoCloseable {

  /** {@return the client under test} */
  WorkflowClient client();

  /**
   * {@return what to deploy for {@code scenario} on this engine, or empty when the engine cannot express
   * it (the tests that need it then skip, naming the scenario)} Called once per scenario; the
   * suite deploys the request only when the client supports deploying.
   *
   * @param scenario the scenario
   */
  Optional<DeployRequest> resources(Scenario scenario);

  /**
   * {@return the id the suite starts {@code scenario} by; {@link Scenario#definitionId()} unless the
   * engine assigns ids its own way}
   *
   * @param scenario the scenario
   */
  default String definitionId(Scenario scenario) {
    return scenario.definitionId();
  }

  /**
   * Completes the waiting task {@code work} of a {@link Scenario#ONE_TASK} instance, with
   * variables. For Zeebe that is a job of type {@code contract-work}; for Flowable a user task.
   *
   * @param instanceId the engine's id of the instance
   * @param variables the variables, by name
   * @throws Exception when the engine refuses or cannot be reached; the contract test fails with it
   */
  void completeTask(String instanceId, Map<String, Object> variables) throws Exception;

  /**
   * Prepares a group of {@code size} targets that an execution group runs
   * {@link Scenario#GROUP_MEMBER} on (Cloudify: a deployment group), returning its id; empty when
   * the engine has no groups. Called once per group test, so each gets a fresh group.
   *
   * @param size how many targets the group holds
   * @return the group's id, or empty when the engine has no groups
   * @throws Exception when the group cannot be made; the contract test fails with it
   */
  default Optional<String> prepareTargetGroup(int size) throws Exception {
    return Optional.empty();
  }

  /** {@return where this engine differs from the others in ways the contract states rather than hides} */
  default Expectations expectations() {
    return Expectations.builder().build();
  }

  @Override
  default void close() throws Exception {
    client().close();
  }
}
