package io.flowport.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link Instance}. */
class InstanceTest {
  private final Map<String, Object> vars = new LinkedHashMap<>();

  private Instance instance() {
    vars.put("a", 1);
    vars.put("b", null);
    vars.put("c", "x");
    return Instance.builder().id("1").state(InstanceState.COMPLETED).variables(vars).build();
  }

  @Test
  void noNamesKeepsEveryVariable() {
    Instance all = instance();
    assertThat(all.withOnlyVariables(List.of())).isSameAs(all);
  }

  @Test
  void namesPickThoseTheInstanceHasNullValuesIncluded() {
    Instance picked = instance().withOnlyVariables(List.of("c", "b", "missing"));
    assertThat(picked.variables()).containsOnlyKeys("c", "b").containsEntry("c", "x").containsEntry("b", null);
    assertThat(picked.id()).isEqualTo("1");
    assertThat(picked.state()).isEqualTo(InstanceState.COMPLETED);
  }
}
