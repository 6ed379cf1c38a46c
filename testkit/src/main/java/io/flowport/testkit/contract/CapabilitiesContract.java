package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract, part: what every client says about itself, and how it refuses what it cannot do:
 * unsupported operations fail fast, blank ids never reach the wire.
 */
abstract class CapabilitiesContract extends ContractPart {

  @Test
  @DisplayName("the client names its engine and what it supports")
  void clientDescribesItself() {
    assertNotNull(client().engine());
    assertFalse(client().engine().isBlank());
    assertEquals(client().engine(), client().capabilities().engine());
    assertFalse(client().capabilities().operations().isEmpty());
  }

  @TestFactory
  @DisplayName("every operation outside capabilities() fails fast with OperationNotSupportedException")
  Stream<DynamicTest> unsupportedOperationsFailFast() {
    List<DynamicTest> tests = new ArrayList<>();
    calls().forEach((op, call) -> {
      if (!supports(op)) {
        tests.add(DynamicTest.dynamicTest(op.name(), () -> {
          WorkflowException e = failure(call.apply(client()));
          assertInstanceOf(OperationNotSupportedException.class, e);
          assertEquals(op, e.operation());
          assertEquals(client().engine(), e.engine());
        }));
      }
    });
    if (tests.isEmpty()) {
      tests.add(DynamicTest.dynamicTest("(every operation is supported)", () -> { }));
    }
    return tests.stream();
  }

  /** One call per operation with harmless arguments, for the unsupported-operations check. */
  private static Map<Operation, Function<WorkflowClient, CompletableFuture<?>>> calls() {
    Map<Operation, Function<WorkflowClient, CompletableFuture<?>>> m = new LinkedHashMap<>();
    String id = "contract-missing";
    m.put(Operation.DEPLOY, c -> c.definitions().deploy(DeployRequest.of(
        Resource.of("x.bpmn", "<x/>".getBytes(StandardCharsets.UTF_8)))));
    m.put(Operation.START_INSTANCE, c -> c.instances().start(StartRequest.of(id).build()));
    m.put(Operation.START_AND_AWAIT, c -> c.instances().startAndAwait(StartRequest.of(id).build(), Duration.ofSeconds(1)));
    m.put(Operation.GET_INSTANCE, c -> c.instances().get(id));
    m.put(Operation.LIST_INSTANCES, c -> c.instances().list(InstanceQuery.all()));
    m.put(Operation.CANCEL_INSTANCE, c -> c.instances().cancel(id));
    m.put(Operation.SUSPEND_INSTANCE, c -> c.instances().suspend(id));
    m.put(Operation.RESUME_INSTANCE, c -> c.instances().resume(id));
    m.put(Operation.RETRY_INSTANCE, c -> c.instances().retry(id));
    m.put(Operation.DELETE_INSTANCE, c -> c.instances().delete(id, null));
    m.put(Operation.GET_VARIABLES, c -> c.variables().getAll(id));
    m.put(Operation.GET_VARIABLE, c -> c.variables().get(id, "x"));
    m.put(Operation.CREATE_VARIABLES, c -> c.variables().create(id, Map.of("x", 1)));
    m.put(Operation.UPSERT_VARIABLES, c -> c.variables().upsert(id, Map.of("x", 1)));
    m.put(Operation.PUBLISH_MESSAGE, c -> c.messages().publish(MessageRequest.builder("x", "y").build()));
    m.put(Operation.GET_NODE_TREE, c -> c.nodes().tree(id));
    m.put(Operation.PAUSE_NODE, c -> c.nodes().pause(id, "n"));
    m.put(Operation.RESUME_NODE, c -> c.nodes().resume(id, "n"));
    m.put(Operation.RETRY_NODE, c -> c.nodes().retry(id, "n", Map.of()));
    m.put(Operation.SKIP_NODE, c -> c.nodes().skip(id, "n"));
    m.put(Operation.SKIP_EXCLUSIVE_GATEWAY, c -> c.nodes().skipExclusiveGateway(id, "n", "f"));
    m.put(Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
        c -> c.nodes().skipConditionalParallelGateway(id, "n", List.of("f")));
    m.put(Operation.FORCE_FAIL_NODE, c -> c.nodes().forceFail(id, "n", "m"));
    m.put(Operation.CALLBACK_NODE, c -> c.nodes().callback(id, "n", Map.of(), "v"));
    m.put(Operation.RETRY_SUBPROCESS, c -> c.nodes().retrySubprocess(id, "n"));
    m.put(Operation.GET_NODE_DATA, c -> c.nodes().data(id, "n"));
    m.put(Operation.GET_NODE_HISTORY, c -> c.nodes().histories(id, "n"));
    m.put(Operation.START_GROUP, c -> c.groups().start(new GroupRequest("g", "w", Map.of(), 1, false)));
    m.put(Operation.CANCEL_GROUP, c -> c.groups().cancel("g"));
    m.put(Operation.SET_GROUP_CONCURRENCY, c -> c.groups().setConcurrency("g", 1));
    m.put(Operation.SET_GROUP_TARGETS, c -> c.groups().setTargetGroups("g", "s", "f"));
    return m;
  }

  @Test
  @DisplayName("null and blank ids are refused before the wire with ClientValidationException")
  void blankIdsAreRefused() {
    List<Function<WorkflowClient, CompletableFuture<?>>> calls = new ArrayList<>();
    if (supports(Operation.GET_INSTANCE)) {
      calls.add(c -> c.instances().get(" "));
      calls.add(c -> c.instances().get(null));
    }
    if (supports(Operation.CANCEL_INSTANCE)) {
      calls.add(c -> c.instances().cancel(""));
    }
    if (supports(Operation.UPSERT_VARIABLES)) {
      calls.add(c -> c.variables().upsert("\t", Map.of("x", 1)));
    }
    if (supports(Operation.START_INSTANCE)) {
      calls.add(c -> c.instances().start(StartRequest.of(" ").build()));
    }
    assumeTrue(!calls.isEmpty(), "no operation with an id is supported");
    for (Function<WorkflowClient, CompletableFuture<?>> call : calls) {
      assertInstanceOf(ClientValidationException.class, failure(call.apply(client())));
    }
  }
}
