package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.VariableNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: reading and writing instance variables, and the refusal of what is not JSON.
 */
abstract class VariablesContract extends ContractPart {

  @Test
  @DisplayName("variables: create refuses an existing name and writes nothing; upsert overwrites")
  void variablesCreateAndUpsert() {
    require(Operation.START_INSTANCE);
    require(Operation.CREATE_VARIABLES);
    require(Operation.GET_VARIABLES);
    Instance started = await(client().instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("amount", 10).build()));
    await(client().variables().create(started.id(), Map.of("note", "first")));
    WorkflowException conflict = failure(client().variables().create(started.id(), Map.of("amount", 99, "fresh", true)));
    assertInstanceOf(AlreadyExistsException.class, conflict);
    Map<String, Object> vars = await(client().variables().getAll(started.id()));
    assertEquals(10, ((Number) vars.get("amount")).intValue(), "the conflicting create wrote nothing");
    assertFalse(vars.containsKey("fresh"), "the conflicting create wrote nothing");
    assertEquals("first", vars.get("note"));
    if (supports(Operation.UPSERT_VARIABLES)) {
      await(client().variables().upsert(started.id(), Map.of("amount", 11, "nested", Map.of("a", List.of(1, 2)))));
      Map<String, Object> after = await(client().variables().getAll(started.id()));
      assertEquals(11, ((Number) after.get("amount")).intValue());
      assertEquals(Map.of("a", List.of(1, 2)), after.get("nested"));
    }
  }

  @Test
  @DisplayName("variables: get one, and VariableNotFoundException for a missing one")
  void variableGetOne() {
    require(Operation.START_INSTANCE);
    require(Operation.GET_VARIABLE);
    Instance started = await(client().instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("color", "blue").build()));
    assertEquals("blue", await(client().variables().get(started.id(), "color")));
    assertInstanceOf(VariableNotFoundException.class, failure(client().variables().get(started.id(), "nope")));
  }

  @Test
  @DisplayName("upsert on an unknown instance fails with InstanceNotFoundException")
  void upsertUnknownInstance() {
    require(Operation.UPSERT_VARIABLES);
    assertInstanceOf(InstanceNotFoundException.class,
        failure(client().variables().upsert("424242424244", Map.of("x", 1))));
  }

  @Test
  @DisplayName("a variable that is not JSON is refused before the wire, naming the variable")
  void nonJsonVariableIsRefused() {
    require(Operation.START_INSTANCE);
    WorkflowException e = failure(client().instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("ratio", Double.NaN).build()));
    assertInstanceOf(ClientValidationException.class, e);
    assertTrue(e.getMessage().contains("ratio"), e::getMessage);
  }
}
