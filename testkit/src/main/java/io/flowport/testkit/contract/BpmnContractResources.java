package io.flowport.testkit.contract;

import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The contract's scenarios as BPMN, once per dialect. Both dialects describe the same processes:
 * Zeebe wants {@code zeebe:taskDefinition} and subscriptions with a correlation key, Flowable a
 * user task where Zeebe has a service task.
 */
public enum BpmnContractResources {
  /** Zeebe's BPMN (also read by the in-memory engine). */
  ZEEBE("zeebe"),
  /** Flowable's BPMN. */
  FLOWABLE("flowable");

  /** Truncated XML: every BPMN engine refuses it. */
  private static final byte[] BROKEN =
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\""
          .getBytes(StandardCharsets.UTF_8);

  private final String folder;

  BpmnContractResources(String folder) {
    this.folder = folder;
  }

  /**
   * {@return the deploy request of {@code scenario} in this dialect; every scenario has one}
   *
   * @param scenario the scenario
   */
  public Optional<DeployRequest> resources(Scenario scenario) {
    if (scenario == Scenario.INVALID_DEFINITION) {
      return Optional.of(DeployRequest.of(Resource.of("contract-broken.bpmn", BROKEN)));
    }
    return Optional.of(DeployRequest.of(Resource.fromClasspath(resourcePath(scenario.definitionId()))));
  }

  /**
   * {@return the class path resource of contract process {@code name} in this dialect}
   *
   * @param name the name
   */
  public String resourcePath(String name) {
    return "io/flowport/testkit/contract/" + folder + "/" + name + ".bpmn";
  }
}
