package io.flowport.rest.cloudify;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.model.InstanceState;
import io.flowport.core.spi.StateTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every status of {@code cloudify/models_states.py}, row by row. */
class CloudifyStatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "pending, CREATED", "started, RUNNING", "cancelling, CANCELLING", "force_cancelling, CANCELLING",
      "kill_cancelling, CANCELLING", "queued, QUEUED", "scheduled, QUEUED", "terminated, COMPLETED",
      "failed, FAILED", "cancelled, CANCELLED", "STARTED, RUNNING", "no-such-status, UNKNOWN"})
  void eachStatusMaps(String raw, InstanceState state) {
    assertThat(CloudifyStates.state(raw)).isEqualTo(state);
  }

  @Test
  void theTableListsEveryDocumentedStatusOnce() {
    assertThat(CloudifyStates.TABLE.rows()).extracting(StateTable.Row::raw).containsExactly("pending", "started",
        "cancelling", "force_cancelling", "kill_cancelling", "queued", "scheduled", "terminated", "failed", "cancelled");
    assertThat(CloudifyStates.state(null)).isEqualTo(InstanceState.UNKNOWN);
  }

  @Test
  void unifiedStatesFilterByTheirRawStatuses() {
    assertThat(CloudifyStates.rawStatuses(InstanceState.CANCELLING))
        .containsExactly("cancelling", "force_cancelling", "kill_cancelling");
    assertThat(CloudifyStates.rawStatuses(InstanceState.QUEUED)).containsExactly("queued", "scheduled");
    assertThat(CloudifyStates.rawStatuses(InstanceState.UNKNOWN)).isEmpty();
  }

  @Test
  void statusDisplayShowsCompleted() {
    assertThat(CloudifyStates.display("terminated")).isEqualTo("completed");
    assertThat(CloudifyStates.display("failed")).isEqualTo("failed");
  }
}
