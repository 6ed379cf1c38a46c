package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.returningNull;
import static io.flowport.core.testing.ScriptedBackend.throwing;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.EngineInternalException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.testing.Calls;
import io.flowport.core.testing.Calls.Call;
import io.flowport.core.testing.ScriptedBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation returns a future that completes, and never throws: bad arguments, missing
 * capabilities, misbehaving backends and listeners all end as an exceptionally completed future.
 */
class EveryFutureCompletesTest {
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** The failure the future ends with, waiting at most 5 s; fails the test when it does not fail. */
  static Throwable failureOf(CompletableFuture<?> future) {
    Throwable t = catchThrowable(() -> future.get(5, TimeUnit.SECONDS));
    assertThat(t).as("the future fails").isNotNull();
    return CallExecutor.unwrap(t);
  }

  static Stream<Call> invalidCalls() {
    return Calls.invalid().stream();
  }

  static Stream<Call> validCalls() {
    return Calls.valid().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCalls")
  void badArgumentsFailTheFutureBeforeTheWire(Call call) {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    CompletableFuture<?> f = call.on(client); // must not throw

    Throwable error = failureOf(f);
    assertThat(error).isInstanceOf(ClientValidationException.class);
    WorkflowException we = (WorkflowException) error;
    assertThat(we.engine()).isEqualTo(ScriptedBackend.ENGINE);
    assertThat(we.operation()).isEqualTo(call.operation());
    assertThat(we.isRetryable()).isFalse();
    assertThat(we.requestMayHaveBeenProcessed()).isFalse();
    assertThat(backend.attempts()).as("the backend is never called").isEmpty();
  }

  @Test
  void theInvalidTableCoversEveryOperation() {
    assertThat(Calls.invalid().stream().map(Call::operation).distinct())
        .containsExactlyInAnyOrderElementsOf(ScriptedBackend.ALL_OPERATIONS);
    assertThat(Calls.valid().stream().map(Call::operation).distinct())
        .containsExactlyInAnyOrderElementsOf(ScriptedBackend.ALL_OPERATIONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCalls")
  void unsupportedOperationFailsFastNamingEngineAndOperation(Call call) {
    ScriptedBackend backend = ScriptedBackend.with(); // can do nothing
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    Throwable error = failureOf(call.on(client));

    assertThat(error).isInstanceOf(OperationNotSupportedException.class);
    WorkflowException we = (WorkflowException) error;
    assertThat(we.engine()).isEqualTo(ScriptedBackend.ENGINE);
    assertThat(we.operation()).isEqualTo(call.operation());
    assertThat(we.getMessage()).contains(ScriptedBackend.ENGINE).contains(call.operation().name());
    assertThat(client.capabilities().supports(call.operation())).isFalse();
    assertThat(backend.attempts()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCalls")
  void aBackendThatThrowsGivesAnInternalErrorNotAThrow(Call call) {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    IllegalStateException boom = new IllegalStateException("boom in " + call.name());
    ScriptedBackend.ALL_OPERATIONS.forEach(op -> backend.otherwise(op, throwing(boom)));
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(RetryPolicy.none()).build());

    Throwable error = failureOf(call.on(client));

    assertThat(error).isInstanceOf(EngineInternalException.class).hasCause(boom);
    assertThat(error.getMessage()).contains("boom in " + call.name());
    assertThat(((WorkflowException) error).operation()).isEqualTo(call.operation());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCalls")
  void aBackendThatReturnsNullGivesAnInternalError(Call call) {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    ScriptedBackend.ALL_OPERATIONS.forEach(op -> backend.otherwise(op, returningNull()));
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(RetryPolicy.none()).build());

    Throwable error = failureOf(call.on(client));

    assertThat(error).isInstanceOf(EngineInternalException.class);
    assertThat(error.getMessage()).contains("no future");
  }

  @Test
  void aBackendThatThrowsAWorkflowExceptionHasItDelivered() {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    WorkflowException notFound = ErrorKind.INSTANCE_NOT_FOUND.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, Operation.GET_INSTANCE, "404", null, "no such instance", null));
    backend.script(Operation.GET_INSTANCE, throwing(notFound));
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    assertThat(failureOf(client.instances().get("i-1"))).isSameAs(notFound);
    assertThat(backend.attempts()).hasSize(1);
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheCall() {
    ScriptedBackend backend = ScriptedBackend.allOperations()
        .script(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    List<Integer> seenBySecondListener = new java.util.concurrent.CopyOnWriteArrayList<>();
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .listener(e -> seenBySecondListener.add(e.attempt()))
        .build());

    assertThat(client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join().id()).isEqualTo("i-1");
    assertThat(seenBySecondListener).as("later listeners still run").containsExactly(1);
  }

  @Test
  void aListenerThatThrowsDoesNotChangeAFailure() {
    WorkflowException notFound = ErrorKind.INSTANCE_NOT_FOUND.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, Operation.GET_INSTANCE, "404", null, "gone", null));
    ScriptedBackend backend = ScriptedBackend.allOperations()
        .script(Operation.GET_INSTANCE, ScriptedBackend.error(notFound));
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .build());

    assertThat(failureOf(client.instances().get("i-1"))).isSameAs(notFound).isInstanceOf(InstanceNotFoundException.class);
  }

  static Stream<Arguments> callsWithAVariableThatIsNotJson() {
    Map<String, Object> bad = new java.util.LinkedHashMap<>();
    bad.put("fine", 1);
    bad.put("amount", Double.NaN);
    Function<WorkflowClient, CompletableFuture<?>> start =
        c -> c.instances().start(StartRequest.of("order").variables(bad).build());
    Function<WorkflowClient, CompletableFuture<?>> startAndAwait =
        c -> c.instances().startAndAwait(StartRequest.of("order").variables(bad).build(), java.time.Duration.ofSeconds(1));
    Function<WorkflowClient, CompletableFuture<?>> create = c -> c.variables().create("i", bad);
    Function<WorkflowClient, CompletableFuture<?>> upsert = c -> c.variables().upsert("i", bad);
    Function<WorkflowClient, CompletableFuture<?>> publish =
        c -> c.messages().publish(MessageRequest.builder("m", "k").variables(bad).build());
    Function<WorkflowClient, CompletableFuture<?>> retryNode = c -> c.nodes().retry("i", "n", bad);
    Function<WorkflowClient, CompletableFuture<?>> callback = c -> c.nodes().callback("i", "n", bad, null);
    Function<WorkflowClient, CompletableFuture<?>> group =
        c -> c.groups().start(new GroupRequest("g", "w", bad, 1, false));
    return Stream.of(
        Arguments.of("instances.start", Operation.START_INSTANCE, start),
        Arguments.of("instances.startAndAwait", Operation.START_AND_AWAIT, startAndAwait),
        Arguments.of("variables.create", Operation.CREATE_VARIABLES, create),
        Arguments.of("variables.upsert", Operation.UPSERT_VARIABLES, upsert),
        Arguments.of("messages.publish", Operation.PUBLISH_MESSAGE, publish),
        Arguments.of("nodes.retry", Operation.RETRY_NODE, retryNode),
        Arguments.of("nodes.callback", Operation.CALLBACK_NODE, callback),
        Arguments.of("groups.start", Operation.START_GROUP, group));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callsWithAVariableThatIsNotJson")
  void aVariableThatIsNotJsonFailsNamingTheVariable(
      String name, Operation op, Function<WorkflowClient, CompletableFuture<?>> call) {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    Throwable error = failureOf(call.apply(client));

    assertThat(error).isInstanceOf(ClientValidationException.class);
    assertThat(error.getMessage()).contains("'amount'").doesNotContain("'fine'");
    assertThat(((WorkflowException) error).operation()).isEqualTo(op);
    assertThat(backend.attempts()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCalls")
  void everyValidCallReachesTheBackendOnceWithItsOperation(Call call) {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    ScriptedBackend.ALL_OPERATIONS.forEach(op -> backend.otherwise(op, value(null)));
    backend.otherwise(Operation.LIST_INSTANCES, value(new io.flowport.core.model.Page<>(List.of(), null, 0)));
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    call.on(client).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempts()).singleElement().satisfies(a -> {
      assertThat(a.operation()).isEqualTo(call.operation());
      assertThat(a.context().operation()).isEqualTo(call.operation());
      assertThat(a.context().engine()).isEqualTo(ScriptedBackend.ENGINE);
      assertThat(a.context().attempt()).isEqualTo(1);
    });
  }

  @Test
  void callsAfterCloseFailInsteadOfHanging() {
    ScriptedBackend backend = ScriptedBackend.allOperations()
        .otherwise(Operation.GET_INSTANCE, ScriptedBackend.error(
            ScriptedBackend.refused(Operation.GET_INSTANCE, "connection refused")));
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().baseDelay(java.time.Duration.ofMillis(5)).jitter(0).build())
        .build());
    client.close();

    Throwable error = failureOf(client.instances().get("i-1"));

    assertThat(error).isInstanceOf(WorkflowException.class);
    assertThat(backend.isClosed()).isTrue();
  }
}
