package io.flowport.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.VariableNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The unified semantics every client must keep, as one JUnit 5 suite. Extend it, build the target
 * in {@link #createTarget()}, and run it like any test class:
 *
 * <pre>{@code
 * class MyAdapterContractTest extends WorkflowClientContract {
 *   protected ContractTarget createTarget() {
 *     return new MyTarget(MyClient.builder()...build());
 *   }
 * }
 * }</pre>
 *
 * <p>The suite speaks of {@link Scenario}s, not of files: the target supplies what its engine
 * deploys for each ({@link ContractTarget#resources(Scenario)}); the suite deploys a scenario's
 * resources the first time a test needs it, and a scenario the target cannot express skips the
 * tests that need it.
 *
 * <p>A test that needs an operation the client does not support is skipped with the reason shown
 * (never passed silently), and {@link #unsupportedOperationsFailFast()} checks every such
 * operation fails fast with {@link OperationNotSupportedException}. Where engines differ by design
 * (re-deploy versions, message ids), {@link Expectations} states the difference.
 *
 * <p>One target serves the whole class (real engines start slowly); tests use unique keys so they
 * don't see each other's instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WorkflowClientContract {
  /** How long any single step may take before the suite calls the client hung. */
  protected static final Duration STEP = Duration.ofSeconds(30);

  private ContractTarget target;
  private WorkflowClient client;
  private final Set<Scenario> deployed = EnumSet.noneOf(Scenario.class);

  /** Makes the target; called once before the tests of the class. */
  protected abstract ContractTarget createTarget() throws Exception;

  @BeforeAll
  void startTarget() throws Exception {
    target = createTarget();
    client = target.client();
  }

  @AfterAll
  void stopTarget() throws Exception {
    if (target != null) {
      target.close();
    }
  }

  /** The target, for subclasses that add engine-specific tests. */
  protected ContractTarget target() {
    return target;
  }

  // ------------------------------------------------------------------ capabilities

  @Test
  @DisplayName("the client names its engine and what it supports")
  void clientDescribesItself() {
    assertNotNull(client.engine());
    assertFalse(client.engine().isBlank());
    assertEquals(client.engine(), client.capabilities().engine());
    assertFalse(client.capabilities().operations().isEmpty());
  }

  @TestFactory
  @DisplayName("every operation outside capabilities() fails fast with OperationNotSupportedException")
  Stream<DynamicTest> unsupportedOperationsFailFast() {
    List<DynamicTest> tests = new ArrayList<>();
    calls().forEach((op, call) -> {
      if (!supports(op)) {
        tests.add(DynamicTest.dynamicTest(op.name(), () -> {
          WorkflowException e = failure(call.apply(client));
          assertInstanceOf(OperationNotSupportedException.class, e);
          assertEquals(op, e.operation());
          assertEquals(client.engine(), e.engine());
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
      assertInstanceOf(ClientValidationException.class, failure(call.apply(client)));
    }
  }

  // ------------------------------------------------------------------ definitions

  @Test
  @DisplayName("deploy reports each definition with id, version and key")
  void deployReportsDefinitions() {
    require(Operation.DEPLOY);
    Deployment d = await(client.definitions().deploy(resources(Scenario.NOOP)));
    DeployedDefinition def = d.definition(target.definitionId(Scenario.NOOP));
    assertTrue(def.version() >= 1, () -> "version from 1: " + def);
    assertNotNull(def.key());
  }

  @Test
  @DisplayName("re-deploying identical content keeps or adds a version, as the engine documents")
  void redeployVersioning() {
    require(Operation.DEPLOY);
    String id = target.definitionId(Scenario.NOOP);
    DeployedDefinition first = await(client.definitions().deploy(resources(Scenario.NOOP))).definition(id);
    DeployedDefinition second = await(client.definitions().deploy(resources(Scenario.NOOP))).definition(id);
    if (target.expectations().redeployKeepsVersion()) {
      assertEquals(first.version(), second.version(), "identical content keeps the version");
      assertEquals(first.key(), second.key());
    } else {
      assertEquals(first.version() + 1, second.version(), "identical content adds a version");
    }
  }

  @Test
  @DisplayName("an invalid definition is refused with InvalidDefinitionException")
  void invalidDefinitionIsRefused() {
    require(Operation.DEPLOY);
assertInstanceOf(InvalidDefinitionException.class, failure(client.definitions().deploy(resources(Scenario.INVALID_DEFINITION))));
  }

  // ------------------------------------------------------------------ instances

  @Test
  @DisplayName("start returns a running instance with an id")
  void startReturnsRunningInstance() {
    require(Operation.START_INSTANCE);
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    assertFalse(started.id().isBlank());
    assertEquals(InstanceState.RUNNING, started.state());
    assertEquals(target.definitionId(Scenario.ONE_TASK), started.definitionId());
  }

  @Test
  @DisplayName("starting an unknown definition fails with DefinitionNotFoundException")
  void startUnknownDefinition() {
    require(Operation.START_INSTANCE);
    assertInstanceOf(DefinitionNotFoundException.class,
        failure(client.instances().start(StartRequest.of("contract-does-not-exist").build())));
  }

  @Test
  @DisplayName("start by message starts the definition with that message start event")
  void startByMessage() {
    require(Operation.START_INSTANCE);
    assumeTrue(target.expectations().startByMessage(), "this engine starts message start events only by publishing");
    String expected = definition(Scenario.MESSAGE_START);
    Instance started = await(client.instances().start(StartRequest.builder().messageName("contract-go").build()));
    assertEquals(expected, started.definitionId());
  }

  @Test
  @DisplayName("start-and-await returns the completed instance with its variables")
  void startAndAwaitReturnsResult() {
    require(Operation.START_AND_AWAIT);
    Instance done = await(client.instances().startAndAwait(
        StartRequest.of(definition(Scenario.NOOP)).variable("answer", 42).variable("who", "contract").build(),
        Duration.ofSeconds(20)));
    assertEquals(InstanceState.COMPLETED, done.state());
    assertEquals(42, ((Number) done.variables().get("answer")).intValue());
    assertEquals("contract", done.variables().get("who"));
  }

  @Test
  @DisplayName("start-and-await on an instance that waits fails with WorkflowTimeoutException")
  void startAndAwaitTimesOut() {
    require(Operation.START_AND_AWAIT);
    assertInstanceOf(WorkflowTimeoutException.class, failure(client.instances().startAndAwait(
        StartRequest.of(definition(Scenario.ONE_TASK)).build(), Duration.ofMillis(500))));
  }

  @Test
  @DisplayName("start-and-await completes once the task is done")
  void startAndAwaitAfterTask() throws Exception {
    require(Operation.START_AND_AWAIT);
    require(Operation.LIST_INSTANCES);
    requireBusinessKeys();
    String key = unique();
    CompletableFuture<Instance> done = client.instances().startAndAwait(
        StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).variable("key", key).build(), Duration.ofSeconds(20));
    Instance running = awaitInstanceWithBusinessKey(key);
    target.completeTask(running.id(), Map.of("result", "done"));
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
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).build()));
    Instance got = await(client.instances().get(started.id()));
    assertEquals(started.id(), got.id());
    assertEquals(InstanceState.RUNNING, got.state());
    assertEquals(key, got.businessKey());
    assertEquals(target.definitionId(Scenario.ONE_TASK), got.definitionId());
  }

  @Test
  @DisplayName("get of an unknown instance fails with InstanceNotFoundException")
  void getUnknownInstance() {
    require(Operation.GET_INSTANCE);
    assertInstanceOf(InstanceNotFoundException.class, failure(client.instances().get("424242424242")));
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
      ids.add(await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).businessKey(key).build())).id());
    }
    InstanceQuery query = InstanceQuery.builder().businessKey(key).pageSize(2).build();
    Page<Instance> first = await(client.instances().list(query));
    assertEquals(2, first.items().size());
    assertTrue(first.hasNext(), "a second page");
    Page<Instance> second = await(client.instances().list(query.next(first)));
    assertEquals(1, second.items().size());
    assertFalse(second.hasNext());
    List<String> seen = new ArrayList<>();
    first.items().forEach(i -> seen.add(i.id()));
    second.items().forEach(i -> seen.add(i.id()));
    assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(seen));
    List<String> visited = java.util.Collections.synchronizedList(new ArrayList<>());
    await(client.instances().forEach(query, i -> visited.add(i.id())));
    assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(visited));
  }

  @Test
  @DisplayName("cancel ends an instance; cancelling it again fails with InstanceNotFoundException")
  void cancelThenCancelAgain() {
    require(Operation.START_INSTANCE);
    require(Operation.CANCEL_INSTANCE);
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    await(client.instances().cancel(started.id()));
    if (supports(Operation.GET_INSTANCE) && target.expectations().endedInstancesReadable()) {
      assertEquals(InstanceState.CANCELLED, await(client.instances().get(started.id())).state());
    }
    assertInstanceOf(InstanceNotFoundException.class, failure(client.instances().cancel(started.id())));
  }

  @Test
  @DisplayName("cancel of an unknown instance fails with InstanceNotFoundException")
  void cancelUnknownInstance() {
    require(Operation.CANCEL_INSTANCE);
    assertInstanceOf(InstanceNotFoundException.class, failure(client.instances().cancel("424242424243")));
  }

  @Test
  @DisplayName("suspend and resume; doing either twice fails with IllegalTransitionException")
  void suspendAndResume() {
    require(Operation.START_INSTANCE);
    require(Operation.SUSPEND_INSTANCE);
    require(Operation.RESUME_INSTANCE);
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    await(client.instances().suspend(started.id()));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.SUSPENDED, await(client.instances().get(started.id())).state());
    }
    assertInstanceOf(IllegalTransitionException.class, failure(client.instances().suspend(started.id())));
    await(client.instances().resume(started.id()));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.RUNNING, await(client.instances().get(started.id())).state());
    }
    assertInstanceOf(IllegalTransitionException.class, failure(client.instances().resume(started.id())));
  }

  // ------------------------------------------------------------------ variables

  @Test
  @DisplayName("variables: create refuses an existing name and writes nothing; upsert overwrites")
  void variablesCreateAndUpsert() {
    require(Operation.START_INSTANCE);
    require(Operation.CREATE_VARIABLES);
    require(Operation.GET_VARIABLES);
    Instance started = await(client.instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("amount", 10).build()));
    await(client.variables().create(started.id(), Map.of("note", "first")));
    WorkflowException conflict = failure(client.variables().create(started.id(), Map.of("amount", 99, "fresh", true)));
    assertInstanceOf(AlreadyExistsException.class, conflict);
    Map<String, Object> vars = await(client.variables().getAll(started.id()));
    assertEquals(10, ((Number) vars.get("amount")).intValue(), "the conflicting create wrote nothing");
    assertFalse(vars.containsKey("fresh"), "the conflicting create wrote nothing");
    assertEquals("first", vars.get("note"));
    if (supports(Operation.UPSERT_VARIABLES)) {
      await(client.variables().upsert(started.id(), Map.of("amount", 11, "nested", Map.of("a", List.of(1, 2)))));
      Map<String, Object> after = await(client.variables().getAll(started.id()));
      assertEquals(11, ((Number) after.get("amount")).intValue());
      assertEquals(Map.of("a", List.of(1, 2)), after.get("nested"));
    }
  }

  @Test
  @DisplayName("variables: get one, and VariableNotFoundException for a missing one")
  void variableGetOne() {
    require(Operation.START_INSTANCE);
    require(Operation.GET_VARIABLE);
    Instance started = await(client.instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("color", "blue").build()));
    assertEquals("blue", await(client.variables().get(started.id(), "color")));
    assertInstanceOf(VariableNotFoundException.class, failure(client.variables().get(started.id(), "nope")));
  }

  @Test
  @DisplayName("upsert on an unknown instance fails with InstanceNotFoundException")
  void upsertUnknownInstance() {
    require(Operation.UPSERT_VARIABLES);
    assertInstanceOf(InstanceNotFoundException.class,
        failure(client.variables().upsert("424242424244", Map.of("x", 1))));
  }

  @Test
  @DisplayName("a variable that is not JSON is refused before the wire, naming the variable")
  void nonJsonVariableIsRefused() {
    require(Operation.START_INSTANCE);
    WorkflowException e = failure(client.instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("ratio", Double.NaN).build()));
    assertInstanceOf(ClientValidationException.class, e);
    assertTrue(e.getMessage().contains("ratio"), e::getMessage);
  }

  // ------------------------------------------------------------------ messages

  @Test
  @DisplayName("a published message reaches the instance waiting for it")
  void messageCorrelates() {
    require(Operation.PUBLISH_MESSAGE);
    String key = unique();
    StartRequest.Builder builder = StartRequest.of(definition(Scenario.MESSAGE_CATCH)).variable("orderId", key);
    if (target.expectations().businessKeys()) {
      builder.businessKey(key); // engines without correlation keys correlate on it
    }
    StartRequest start = builder.build();
    if (supports(Operation.GET_INSTANCE) && supports(Operation.START_INSTANCE)) {
      Instance waiting = await(client.instances().start(start));
      assertEquals(InstanceState.RUNNING, waiting.state());
      await(client.messages().publish(MessageRequest.builder("contract-ping", key).variable("pinged", true).build()));
      Instance after = awaitEnded(waiting.id());
      assertEquals(InstanceState.COMPLETED, after.state());
    } else {
      require(Operation.START_AND_AWAIT);
      assumeTrue(target.expectations().messageBuffering(), "needs message buffering to avoid a race");
      CompletableFuture<Instance> done = client.instances().startAndAwait(start, Duration.ofSeconds(20));
      await(client.messages().publish(MessageRequest.builder("contract-ping", key)
          .timeToLive(Duration.ofMinutes(1)).variable("pinged", true).build()));
      Instance ended = await(done);
      assertEquals(InstanceState.COMPLETED, ended.state());
      assertEquals(Boolean.TRUE, ended.variables().get("pinged"));
    }
  }

  @Test
  @DisplayName("a second message with a live message id fails with AlreadyExistsException")
  void duplicateMessageIdIsRejected() {
    require(Operation.PUBLISH_MESSAGE);
    assumeTrue(target.expectations().messageDeduplication(), "this engine has no message ids");
    String id = unique();
    MessageRequest message = MessageRequest.builder("contract-ping", unique())
        .messageId(id).timeToLive(Duration.ofMinutes(5)).build();
    await(client.messages().publish(message));
    assertInstanceOf(AlreadyExistsException.class, failure(client.messages().publish(message)));
  }

  // ------------------------------------------------------------------ nodes

  @Test
  @DisplayName("nodes: the tree shows the waiting task; force-fail, retry and skip steer it")
  void nodeOperations() {
    require(Operation.START_INSTANCE);
    require(Operation.GET_NODE_TREE);
    require(Operation.FORCE_FAIL_NODE);
    require(Operation.RETRY_NODE);
    require(Operation.SKIP_NODE);
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    var work = await(client.nodes().tree(started.id())).find("work");
    assertNotNull(work, "the tree holds the task node");
    assertEquals(io.flowport.core.model.NodeState.RUNNING, work.state());
    assertInstanceOf(IllegalTransitionException.class,
        failure(client.nodes().retry(started.id(), "work", Map.of())), "retry needs a FAILED node");
    await(client.nodes().forceFail(started.id(), "work", "forced by the contract"));
    assertEquals(io.flowport.core.model.NodeState.FAILED, await(client.nodes().tree(started.id())).find("work").state());
    await(client.nodes().retry(started.id(), "work", Map.of("attempt", 2)));
    var retried = await(client.nodes().tree(started.id())).find("work");
    assertEquals(1, retried.retry());
    await(client.nodes().forceFail(started.id(), "work", "again"));
    await(client.nodes().skip(started.id(), "work"));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.COMPLETED, awaitEnded(started.id()).state());
    }
    if (supports(Operation.GET_NODE_HISTORY)) {
      assertFalse(await(client.nodes().histories(started.id(), "work")).isEmpty(), "the runs before are recorded");
    }
  }

  @Test
  @DisplayName("a callback with a stale version is refused")
  void staleCallbackIsRefused() {
    require(Operation.START_INSTANCE);
    require(Operation.GET_NODE_TREE);
    require(Operation.CALLBACK_NODE);
    Instance started = await(client.instances().start(StartRequest.of(definition(Scenario.ONE_TASK)).build()));
    String version = await(client.nodes().tree(started.id())).find("work").version();
    assertInstanceOf(io.flowport.core.error.StaleVersionException.class,
        failure(client.nodes().callback(started.id(), "work", Map.of(), version + "-stale")));
    await(client.nodes().callback(started.id(), "work", Map.of("ok", true), version));
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.COMPLETED, awaitEnded(started.id()).state());
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Skips the test, with the reason shown, when the client does not support {@code op}. */
  protected void require(Operation op) {
    assumeTrue(supports(op), () -> client.engine() + " does not support '" + op + "'");
  }

  private void requireBusinessKeys() {
    assumeTrue(target.expectations().businessKeys(), () -> client.engine() + " has no business keys");
  }

  protected boolean supports(Operation op) {
    return client.capabilities().supports(op);
  }

  private Operation firstSupported(Operation... ops) {
    for (Operation op : ops) {
      if (supports(op)) {
        return op;
      }
    }
    assumeTrue(false, "none of the operations needed is supported");
    return null;
  }

  /** The target's resources for {@code scenario}; skips the test, naming it, when there are none. */
  protected DeployRequest resources(Scenario scenario) {
    Optional<DeployRequest> request = target.resources(scenario);
    assumeTrue(request.isPresent(), () -> client.engine() + " has no resources for scenario " + scenario);
    return request.get();
  }

  /**
   * The id to start {@code scenario} by, deploying its resources the first time (when the client
   * deploys; otherwise the target has put the definition there). Skips the test when the target
   * has no resources for it.
   */
  protected String definition(Scenario scenario) {
    String id = target.definitionId(scenario);
    if (!deployed.contains(scenario) && supports(Operation.DEPLOY)) {
      Deployment d = await(client.definitions().deploy(resources(scenario)));
      assertFalse(d.definitions().isEmpty(), () -> "deploying " + scenario + " reports its definition: " + d);
      deployed.add(scenario);
    }
    return id;
  }

  protected static String unique() {
    return "c-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** The future's value; fails the test if it does not complete within {@link #STEP}. */
  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("the call did not complete within " + STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** The WorkflowException the future fails with; fails the test if it succeeds or hangs. */
  protected static WorkflowException failure(CompletableFuture<?> future) {
    try {
      Object value = future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected a failure, got " + value);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WorkflowException we) {
        return we;
      }
      return fail("expected a WorkflowException, got " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("the call did not complete within " + STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** Polls {@code get} until the instance has ended (engines finish asynchronously). */
  protected Instance awaitEnded(String instanceId) {
    long deadline = System.nanoTime() + STEP.toNanos();
    Instance last = null;
    while (System.nanoTime() < deadline) {
      last = await(client.instances().get(instanceId));
      if (last.state().isTerminal()) {
        return last;
      }
      pause();
    }
    return fail("instance " + instanceId + " did not end; last seen " + last);
  }

  private Instance awaitInstanceWithBusinessKey(String businessKey) {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < deadline) {
      List<Instance> found = await(client.instances().list(
          InstanceQuery.builder().businessKey(businessKey).build())).items();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      pause();
    }
    return fail("no instance with business key " + businessKey + " appeared");
  }

  private static void pause() {
    try {
      Thread.sleep(20); // polling a remote engine; in-memory engines answer at once
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }
}
