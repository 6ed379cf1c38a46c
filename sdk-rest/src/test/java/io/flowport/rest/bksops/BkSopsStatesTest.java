package io.flowport.rest.bksops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.model.InstanceState;
import io.flowport.core.model.NodeState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the bk-sops state tables. */
class BkSopsStatesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "CREATED, CREATED", "READY, CREATED", "RUNNING, RUNNING", "BLOCKED, RUNNING", "NODE_SUSPENDED, RUNNING",
      "PENDING_PROCESSING, RUNNING", "PENDING_APPROVAL, RUNNING", "PENDING_CONFIRMATION, RUNNING",
      "PENDING_CONTINUE, RUNNING", "SUSPENDED, SUSPENDED", "FAILED, FAILED", "FINISHED, COMPLETED",
      "REVOKED, CANCELLED", "EXPIRED, CANCELLED", "finished, COMPLETED", "SOMETHING_NEW, UNKNOWN"})
  void taskStates(String raw, InstanceState expected) {
    assertThat(BkSopsStates.instanceState(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "READY, READY", "RUNNING, RUNNING", "SUSPENDED, SUSPENDED", "NODE_SUSPENDED, SUSPENDED", "FAILED, FAILED",
      "FINISHED, FINISHED", "REVOKED, REVOKED", "LOOP_READY, LOOP_READY", "ROLLING_BACK, ROLLING_BACK",
      "EXPIRED, UNKNOWN"})
  void nodeStates(String raw, NodeState expected) {
    assertThat(BkSopsStates.nodeState(raw)).isEqualTo(expected);
  }
}
