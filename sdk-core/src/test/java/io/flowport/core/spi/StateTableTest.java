package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.model.InstanceState;
import org.junit.jupiter.api.Test;

class StateTableTest {
  private final StateTable table = StateTable.builder("demo")
      .row("started", InstanceState.RUNNING)
      .row("terminated", InstanceState.COMPLETED)
      .row("failed", InstanceState.FAILED)
      .build();

  @Test
  void mapsEachRowAndListsThemInOrder() {
    assertThat(table.rows()).extracting(StateTable.Row::raw).containsExactly("started", "terminated", "failed");
    for (StateTable.Row row : table.rows()) {
      assertThat(table.state(row.raw())).isEqualTo(row.state());
    }
  }

  @Test
  void matchesWithoutRegardToCaseByDefault() {
    assertThat(table.state("STARTED")).isEqualTo(InstanceState.RUNNING);
    assertThat(table.knows("Terminated")).isTrue();
    assertThat(table.isCaseSensitive()).isFalse();
  }

  @Test
  void unknownAndNullStatusesGetTheFallback() {
    assertThat(table.state("exploded")).isEqualTo(InstanceState.UNKNOWN);
    assertThat(table.state(null)).isEqualTo(InstanceState.UNKNOWN);
    assertThat(table.knows(null)).isFalse();
    StateTable queued = StateTable.builder("demo").row("a", InstanceState.RUNNING)
        .fallback(InstanceState.QUEUED).build();
    assertThat(queued.state("b")).isEqualTo(InstanceState.QUEUED);
    assertThat(queued.fallback()).isEqualTo(InstanceState.QUEUED);
  }

  @Test
  void aCaseSensitiveTableTellsCasesApart() {
    StateTable strict = StateTable.builder("demo").caseSensitive()
        .row("Running", InstanceState.RUNNING)
        .row("running", InstanceState.QUEUED)
        .build();
    assertThat(strict.state("Running")).isEqualTo(InstanceState.RUNNING);
    assertThat(strict.state("running")).isEqualTo(InstanceState.QUEUED);
    assertThat(strict.state("RUNNING")).isEqualTo(InstanceState.UNKNOWN);
  }

  @Test
  void aStatusTwiceUnderTheCaseRuleIsRejected() {
    assertThatThrownBy(() -> StateTable.builder("demo").row("a", InstanceState.RUNNING).row("A", InstanceState.FAILED)
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A' appears twice");
    assertThatThrownBy(() -> StateTable.builder("demo").row(" ", InstanceState.RUNNING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateTable.builder("demo").row("a", null)).isInstanceOf(NullPointerException.class);
  }
}
