package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: deploying: what a deployment reports, how re-deploys version, and the
 * refusal of an invalid definition.
 */
abstract class DefinitionsContract extends ContractPart {

  @Test
  @DisplayName("deploy reports each definition with id, version and key")
  void deployReportsDefinitions() {
    require(Operation.DEPLOY);
    Deployment d = await(client().definitions().deploy(resources(Scenario.NOOP)));
    DeployedDefinition def = d.definition(target().definitionId(Scenario.NOOP));
    assertTrue(def.version() >= 1, () -> "version from 1: " + def);
    assertNotNull(def.key());
  }

  @Test
  @DisplayName("re-deploying identical content keeps or adds a version, as the engine documents")
  void redeployVersioning() {
    require(Operation.DEPLOY);
    String id = target().definitionId(Scenario.NOOP);
    DeployedDefinition first = await(client().definitions().deploy(resources(Scenario.NOOP))).definition(id);
    DeployedDefinition second = await(client().definitions().deploy(resources(Scenario.NOOP))).definition(id);
    if (target().expectations().redeployKeepsVersion()) {
      assertEquals(first.version(), second.version(), "identical content keeps the version");
      assertEquals(first.key(), second.key());
    } else {
      assertEquals(first.version() + 1, second.version(), "identical content adds a version");
    }
  }

  @Test
  @DisplayName("an invalid definition is refused with InvalidDefinitionException")
  void invalidDefinitionIsRefused() {
    require(Operation.DEPLOY);
    assertInstanceOf(InvalidDefinitionException.class,
        failure(client().definitions().deploy(resources(Scenario.INVALID_DEFINITION))));
  }
}
