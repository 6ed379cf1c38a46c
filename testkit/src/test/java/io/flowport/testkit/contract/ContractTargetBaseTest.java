package io.flowport.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DeployRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the public target base and the BPMN resources promise to an engine's target. */
class ContractTargetBaseTest {

  @Test
  void closeClosesTheClientThenWhatTheTargetOwnsInOrderEvenAfterAFailure() {
    List<String> closed = new ArrayList<>();
    InMemoryEngine engine = InMemoryEngine.create();
    WorkflowClient client = InMemoryWorkflowClient.create(engine);
    AbstractContractTarget target = new AbstractContractTarget(client, Expectations.builder().build(),
        () -> {
          closed.add("first");
          throw new IllegalStateException("first failed");
        },
        () -> closed.add("second"),
        engine) {
      @Override
      public Optional<DeployRequest> resources(Scenario scenario) {
        return Optional.empty();
      }

      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) {}
    };
    assertThatThrownBy(target::close).hasMessage("first failed");
    assertThat(closed).containsExactly("first", "second");
    assertThat(target.definitionId(Scenario.ONE_TASK)).isEqualTo("contract-task");
  }

  @ParameterizedTest
  @EnumSource(BpmnContractResources.class)
  void everyScenarioHasBpmnInEveryDialect(BpmnContractResources dialect) {
    for (Scenario scenario : Scenario.values()) {
      DeployRequest request = dialect.resources(scenario).orElseThrow();
      assertThat(request.resources()).as(scenario.name()).isNotEmpty();
      if (scenario != Scenario.INVALID_DEFINITION) {
        String xml = new String(request.resources().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).as(scenario.name()).contains("id=\"" + scenario.definitionId() + "\"");
      }
    }
  }

  @Test
  void theInMemoryEngineDeploysEveryZeebeScenarioAndRefusesTheInvalidOne() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      for (Scenario scenario : Scenario.values()) {
        var resource = BpmnContractResources.ZEEBE.resources(scenario).orElseThrow().resources().get(0);
        if (scenario == Scenario.INVALID_DEFINITION) {
          assertThatThrownBy(() -> engine.deploy(resource.name(), resource.content()))
              .isInstanceOf(io.flowport.testkit.engine.EngineException.class);
        } else {
          assertThat(engine.deploy(resource.name(), resource.content()).processId()).isEqualTo(scenario.definitionId());
        }
      }
    }
  }
}
