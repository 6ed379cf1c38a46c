package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static io.flowport.testkit.contract.WorkflowClientContract.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: starting, reading, listing, cancelling, suspending and awaiting instances,
 * with the error each illegal state gets.
 */
abstract class InstancesContract extends ContractPart {

  @Test
  @DisplayName("start returns a running instance with an id")
  void startReturnsRunningInstance() {
    require(Operation.START_INSTANCE);
    Instance started = await(client().instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    assertFalse(started.id().isBlank());
    assertEquals(target().expectations().startedState(), started.state());
    assertEquals(target().definitionId(Scenario.ONE_TASK), started.definitionId());
  }

  @Test
  @DisplayName("starting an unknown definition fails with DefinitionNotFoundException")
  void startUnknownDefinition() {
    require(Operation.START_INSTANCE);
    assertInstanceOf(DefinitionNotFoundException.class,
        failure(client().instances().start(StartRequest.of("contract-does-not-exist").build())));
  }

  @Test
  @DisplayName("start by message starts the definition with that message start event")
  void startByMessage() {
    require(Operation.START_INSTANCE);
    assumeTrue(target().expectations().startByMessage(), "this engine starts message start events only by publishing");
    String expected = definition(Scenario.MESSAGE_START);
    Instance started = await(client().instances().start(StartRequest.builder().messageName("contract-go").build()));
    assertEquals(expected, started.definitionId());
  }

  @Test
  @DisplayName("start-and-await returns the completed instance with its variables")
  void startAndAwaitReturnsResult() {
    require(Operation.START_AND_AWAIT);
    Instance done = await(client().instances().startAndAwait(
        StartRequest.of(definition(Scenario.NOOP)).variable("answer", 42).variable("who", "contract").build(),
        Duration.ofSeconds(20)));
    assertEquals(InstanceState.COMPLETED, done.state());
    assertEquals(42, ((Number) done.variables().get("answer")).intValue());
    assertEquals("contract", done.variables().get("who"));
  }

  /**
   * The await's one behaviour on every engine: it ends when the engine reports the instance in a
   * terminal state (COMPLETED, CANCELLED, or FAILED where the engine reports FAILED: the in-memory
   * engine and bk-sops), completing normally with that state; an instance the engine
   * still holds as running (Flowable and Zeebe keep an instance with a failed job or an incident
   * active) has not ended, and the await fails with a not retryable AwaitTimeoutException.
   */
  @Test
  @DisplayName("start-and-await on an instance that waits fails with a not retryable AwaitTimeoutException")
  void startAndAwaitTimesOut() {
    require(Operation.START_AND_AWAIT);
    Throwable error = failure(client().instances().startAndAwait(
        StartRequest.of(definition(Scenario.ONE_TASK)).build(), Duration.ofMillis(500)));
    AwaitTimeoutException timeout = assertInstanceOf(AwaitTimeoutException.class, error);
    assertFalse(timeout.isRetryable(), "a repeat would start a second instance");
    assertTrue(timeout.getMessage().contains("may still be running"), timeout.getMessage());
    assertEquals(target().expectations().awaitTimeoutKnowsInstance(), timeout.instanceId().isPresent(),
        "whether the timeout carries the started instance's id");
    if (timeout.instanceId().isPresent() && client().capabilities().supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.RUNNING, await(client().instances().get(timeout.instanceId().get())).state(),
          "the instance it names is the one still running");
    }
  }

  @Test
  @DisplayName("start-and-await completes once the task is done")
  void startAndAwaitAfterTask() throws Exception {
    require(Operation.START_AND_AWAIT);
    require(Operation.LIST_INSTANCES);
    requireBusinessKeys();
    String key = unique();
    CompletableFuture<Instance> done = client().instances().startAndAwait(
        StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).variable("key", key).build(), Duration.ofSeconds(20));
    Instance running = awaitInstanceWithBusinessKey(key);
    target().completeTask(running.id(), Map.of("result", "done"));
    Instance ended = await(done);
    assertEquals(InstanceState.COMPLETED, ended.state());
    assertEquals("done", ended.variables().get("result"));
  }

  @Test
  @DisplayName("get returns what start returned")
  void getReturnsStartedInstance() {
    require(Operation.START_INSTANCE);
    require(Operation.GET_INSTANCE);
    requireBusinessKeys();
    String key = unique();
    Instance started = await(client().instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).build()));
    Instance got = await(client().instances().get(started.id()));
    assertEquals(started.id(), got.id());
    assertEquals(InstanceState.RUNNING, got.state());
    assertEquals(key, got.businessKey());
    assertEquals(target().definitionId(Scenario.ONE_TASK), got.definitionId());
  }

  @Test
  @DisplayName("get of an unknown instance fails with InstanceNotFoundException")
  void getUnknownInstance() {
    require(Operation.GET_INSTANCE);
    assertInstanceOf(InstanceNotFoundException.class, failure(client().instances().get("424242424242")));
  }

  @Test
  @DisplayName("list pages through instances, and forEach visits them all")
  void listPages() {
    require(Operation.START_INSTANCE);
    require(Operation.LIST_INSTANCES);
    requireBusinessKeys();
    String key = unique();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(await(client().instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).build())).id());
    }
    InstanceQuery query = InstanceQuery.builder().businessKey(key).pageSize(2).build();
    Page<Instance> first = await(client().instances().list(query));
    assertEquals(2, first.items().size());
    assertTrue(first.hasNext(), "a second page");
    Page<Instance> second = await(client().instances().list(query.next(first)));
    assertEquals(1, second.items().size());
    assertFalse(second.hasNext());
    List<String> seen = new ArrayList<>();
    first.items().forEach(i -> seen.add(i.id()));
    second.items().forEach(i -> seen.add(i.id()));
    assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(seen));
    List<String> visited = java.util.Collections.synchronizedList(new ArrayList<>());
    await(client().instances().forEach(query, i -> visited.add(i.id())));
    assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(visited));
  }

  @Test
  @DisplayName("cancel ends an instance; cancelling it again fails with InstanceNotFoundException")
  void cancelThenCancelAgain() {
    require(Operation.START_INSTANCE);
    require(Operation.CANCEL_INSTANCE);
    Instance started = await(client().instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    await(client().instances().cancel(started.id()));
    if (supports(Operation.GET_INSTANCE) && target().expectations().endedInstancesReadable()) {
      assertEquals(InstanceState.CANCELLED, await(client().instances().get(started.id())).state());
    }
    assertInstanceOf(target().expectations().cancelOfEndedFailsWith(),
        failure(client().instances().cancel(started.id())));
  }

  @Test
  @DisplayName("cancel of an unknown instance fails with InstanceNotFoundException")
  void cancelUnknownInstance() {
    require(Operation.CANCEL_INSTANCE);
    assertInstanceOf(InstanceNotFoundException.class, failure(client().instances().cancel("424242424243")));
  }

  @Test
  @DisplayName("suspend and resume; doing either twice fails with IllegalTransitionException")
  void suspendAndResume() {
    require(Operation.START_INSTANCE);
    require(Operation.SUSPEND_INSTANCE);
    require(Operation.RESUME_INSTANCE);
    Instance started = await(client().instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    await(client().instances().suspend(started.id()));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.SUSPENDED, await(client().instances().get(started.id())).state());
    }
    assertInstanceOf(IllegalTransitionException.class, failure(client().instances().suspend(started.id())));
    await(client().instances().resume(started.id()));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.RUNNING, await(client().instances().get(started.id())).state());
    }
    assertInstanceOf(IllegalTransitionException.class, failure(client().instances().resume(started.id())));
  }
}
