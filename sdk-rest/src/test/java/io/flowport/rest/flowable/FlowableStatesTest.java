package io.flowport.rest.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.InstanceState;
import io.flowport.core.spi.StateTable;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.flowable.internal.FlowableJson;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The state table row by row, and the typed-variable codec both ways. */
class FlowableStatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"active, RUNNING", "suspended, SUSPENDED", "completed, COMPLETED", "cancelled, CANCELLED",
      "ACTIVE, RUNNING", "failed, UNKNOWN", "'', UNKNOWN"})
  void rawStatusMapsToState(String raw, InstanceState state) {
    assertThat(FlowableStates.state(raw)).isEqualTo(state);
  }

  @Test
  void tableHasExactlyTheDocumentedRows() {
    assertThat(FlowableStates.TABLE.rows()).containsExactly(
        new StateTable.Row("active", InstanceState.RUNNING), new StateTable.Row("suspended", InstanceState.SUSPENDED),
        new StateTable.Row("completed", InstanceState.COMPLETED),
        new StateTable.Row("cancelled", InstanceState.CANCELLED));
    assertThat(FlowableStates.TABLE.fallback()).isEqualTo(InstanceState.UNKNOWN);
    assertThat(FlowableStates.state(null)).isEqualTo(InstanceState.UNKNOWN);
  }

  @ParameterizedTest(name = "runtime suspended={0} ended={1} -> {2}")
  @CsvSource({"false, false, active", "true, false, suspended", "false, true, completed", "true, true, completed"})
  void runtimeFlags(boolean suspended, boolean ended, String raw) {
    assertThat(FlowableStates.runtimeStatus(suspended, ended)).isEqualTo(raw);
  }

  @ParameterizedTest(name = "history endTime={0} deleteReason={1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "false, null, active", "true, null, completed", "true, '', completed", "true, ACTIVITY_DELETED, cancelled",
      "true, no longer needed, cancelled", "true, terminate end event (end), completed", "false, x, active"})
  void historyFlags(boolean ended, String deleteReason, String raw) {
    assertThat(FlowableStates.historicStatus(ended, deleteReason)).isEqualTo(raw);
  }

  @Test
  void runtimeAndHistoricAnswersGiveInstances() throws Exception {
    JsonNode runtime = JsonValues.MAPPER.readTree("""
        {"id":"7","suspended":true,"ended":false,"processDefinitionId":"order:12:99","businessKey":"b",
         "tenantId":"t","startTime":"2013-04-17T10:17:43.902+0000"}""");
    var i = FlowableJson.runtimeInstance(runtime);
    assertThat(i.state()).isEqualTo(InstanceState.SUSPENDED);
    assertThat(i.definitionId()).isEqualTo("order");
    assertThat(i.definitionVersion()).isEqualTo(12);
    assertThat(i.tenantId()).isEqualTo("t");
    assertThat(i.startTime()).isEqualTo(Instant.parse("2013-04-17T10:17:43.902Z"));

    JsonNode uuidDefinition = JsonValues.MAPPER.readTree("{\"id\":\"8\",\"processDefinitionId\":\"a1b2-c3\"}");
    assertThat(FlowableJson.runtimeInstance(uuidDefinition).definitionKey()).isEqualTo("a1b2-c3");
  }

  @Test
  void variableTypesAreInferred() {
    assertThat(FlowableJson.typeOf("s")).isEqualTo("string");
    assertThat(FlowableJson.typeOf(1)).isEqualTo("integer");
    assertThat(FlowableJson.typeOf(1L)).isEqualTo("long");
    assertThat(FlowableJson.typeOf(BigInteger.TEN)).isEqualTo("long");
    assertThat(FlowableJson.typeOf(1.5)).isEqualTo("double");
    assertThat(FlowableJson.typeOf(true)).isEqualTo("boolean");
    assertThat(FlowableJson.typeOf(Map.of())).isEqualTo("json");
    assertThat(FlowableJson.typeOf(List.of())).isEqualTo("json");
    assertThat(FlowableJson.typeOf(null)).isNull();
  }

  @Test
  void valuesRoundTripWithTheirTypes() {
    Map<String, Object> in = new java.util.LinkedHashMap<>();
    in.put("s", "x");
    in.put("i", 7);
    in.put("l", 7L);
    in.put("d", 7.0);
    in.put("b", true);
    in.put("m", Map.of("a", List.of(1, "two")));
    in.put("n", null);
    var out = FlowableJson.valuesByName(FlowableJson.readVariables(FlowableJson.variables(in)));
    assertThat(out).isEqualTo(in);
    assertThat(out.get("i")).isInstanceOf(Integer.class);
    assertThat(out.get("l")).isInstanceOf(Long.class);
    assertThat(out.get("d")).isInstanceOf(Double.class);
  }

  @Test
  void jsonSentAsTextIsReadAsJson() throws Exception {
    JsonNode v = JsonValues.MAPPER.readTree("{\"name\":\"j\",\"type\":\"json\",\"value\":\"{\\\"a\\\":1}\"}");
    assertThat(FlowableJson.readVariable(v).value()).isEqualTo(Map.of("a", 1));
  }
}
