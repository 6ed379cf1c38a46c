package io.flowport.rest.obs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.model.InstanceState;
import io.flowport.core.model.NodeState;
import org.junit.jupiter.api.Test;

/** Every documented OBS state, row by row. */
class ObsStatesTest {

  @Test
  void executionStates() {
    assertThat(ObsStates.EXECUTIONS.rows()).hasSize(3);
    assertThat(ObsStates.execution("RUNNING")).isEqualTo(InstanceState.RUNNING);
    assertThat(ObsStates.execution("SUCCESS")).isEqualTo(InstanceState.COMPLETED);
    assertThat(ObsStates.execution("FAILED")).isEqualTo(InstanceState.FAILED);
    assertThat(ObsStates.execution("success")).isEqualTo(InstanceState.COMPLETED);
    assertThat(ObsStates.execution("PAUSED")).isEqualTo(InstanceState.UNKNOWN);
    assertThat(ObsStates.execution(null)).isEqualTo(InstanceState.UNKNOWN);
  }

  @Test
  void nodeStates() {
    assertThat(ObsStates.node("NOTRUNNING")).isEqualTo(NodeState.CREATED);
    assertThat(ObsStates.node("RUNNING")).isEqualTo(NodeState.RUNNING);
    assertThat(ObsStates.node("SUCCESS")).isEqualTo(NodeState.FINISHED);
    assertThat(ObsStates.node("FAILED")).isEqualTo(NodeState.FAILED);
    assertThat(ObsStates.node("WHATEVER")).isEqualTo(NodeState.UNKNOWN);
    assertThat(ObsStates.node(null)).isEqualTo(NodeState.UNKNOWN);
  }

  @Test
  void unifiedStatesOBSCanFilterOn() {
    assertThat(ObsStates.rawExecutionState(InstanceState.RUNNING)).isEqualTo("RUNNING");
    assertThat(ObsStates.rawExecutionState(InstanceState.COMPLETED)).isEqualTo("SUCCESS");
    assertThat(ObsStates.rawExecutionState(InstanceState.FAILED)).isEqualTo("FAILED");
    assertThat(ObsStates.rawExecutionState(InstanceState.SUSPENDED)).isNull();
  }
}
