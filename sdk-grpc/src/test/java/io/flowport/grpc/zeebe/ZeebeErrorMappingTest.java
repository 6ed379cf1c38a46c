package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AwaitTimeoutException;
import io.flowport.core.error.*;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per entry of the status table, over a real socket to a scripted gateway. */
class ZeebeErrorMappingTest {
  static ScriptedGateway gateway;
  static ZeebeClient client;

  @BeforeAll
  static void start() throws Exception {
    gateway = new ScriptedGateway();
    client = TestClients.plain(gateway.address(), TestClients.fast().retryPolicy(RetryPolicy.none()).build());
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    gateway.close();
  }

  /** A call on the client and the RPC it makes. */
  record Call(String name, String rpc, Function<ZeebeClient, CompletableFuture<?>> run) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Call START = new Call("start", "CreateProcessInstance",
      c -> c.instances().start(StartRequest.of("order").variable("a", 1).build()));
  static final Call START_AWAIT = new Call("startAndAwait", "CreateProcessInstanceWithResult",
      c -> c.instances().startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(1)));
  static final Call CANCEL = new Call("cancel", "CancelProcessInstance", c -> c.instances().cancel("123"));
  static final Call DEPLOY = new Call("deploy", "DeployResource", c -> c.definitions().deploy(
      DeployRequest.of(Resource.of("x.bpmn", "<x/>".getBytes(StandardCharsets.UTF_8)))));
  static final Call PUBLISH = new Call("publish", "PublishMessage",
      c -> c.messages().publish(MessageRequest.builder("m", "k").messageId("id-1").build()));
  static final Call UPSERT = new Call("upsertVariables", "SetVariables",
      c -> c.variables().upsert("123", Map.of("a", 1)));
  static final Call SET_VARIABLES = new Call("setVariables", "SetVariables",
      c -> c.setVariables(123, Map.of("a", 1), true));
  static final Call COMPLETE = new Call("completeJob", "CompleteJob", c -> c.completeJob(1, Map.of()));
  static final Call FAIL = new Call("failJob", "FailJob", c -> c.failJob(1, 0, "boom"));
  static final Call THROW = new Call("throwError", "ThrowError", c -> c.throwError(1, "E1", "bad"));
  static final Call RETRIES = new Call("updateJobRetries", "UpdateJobRetries", c -> c.updateJobRetries(1, 2));
  static final Call ACTIVATE = new Call("activateJobs", "ActivateJobs",
      c -> c.activateJobs("t", 1, Duration.ofSeconds(10), "w"));
  static final Call RESOLVE = new Call("resolveIncident", "ResolveIncident", c -> c.resolveIncident(9));
  static final Call TOPOLOGY = new Call("topology", "Topology", ZeebeClient::topology);
  static final Call SIGNAL = new Call("broadcastSignal", "BroadcastSignal", c -> c.broadcastSignal("s", Map.of()));

  static Stream<Arguments> rows() {
    return Stream.of(
        // operation-aware rows (pyzeebe's per-call tables)
        Arguments.of(START, Status.Code.NOT_FOUND, DefinitionNotFoundException.class),
        Arguments.of(START_AWAIT, Status.Code.NOT_FOUND, DefinitionNotFoundException.class),
        Arguments.of(START, Status.Code.INVALID_ARGUMENT, InvalidVariablesException.class),
        Arguments.of(START_AWAIT, Status.Code.INVALID_ARGUMENT, InvalidVariablesException.class),
        Arguments.of(START, Status.Code.FAILED_PRECONDITION, NoStartEventException.class),
        Arguments.of(START_AWAIT, Status.Code.FAILED_PRECONDITION, NoStartEventException.class),
        Arguments.of(START, Status.Code.DEADLINE_EXCEEDED, WorkflowTimeoutException.class),
        Arguments.of(START_AWAIT, Status.Code.DEADLINE_EXCEEDED, AwaitTimeoutException.class),
        Arguments.of(CANCEL, Status.Code.NOT_FOUND, InstanceNotFoundException.class),
        Arguments.of(DEPLOY, Status.Code.INVALID_ARGUMENT, InvalidDefinitionException.class),
        Arguments.of(PUBLISH, Status.Code.ALREADY_EXISTS, AlreadyExistsException.class),
        Arguments.of(COMPLETE, Status.Code.NOT_FOUND, ResourceNotFoundException.class),
        Arguments.of(FAIL, Status.Code.NOT_FOUND, ResourceNotFoundException.class),
        Arguments.of(THROW, Status.Code.NOT_FOUND, ResourceNotFoundException.class),
        Arguments.of(RETRIES, Status.Code.NOT_FOUND, ResourceNotFoundException.class),
        Arguments.of(COMPLETE, Status.Code.FAILED_PRECONDITION, IllegalTransitionException.class),
        Arguments.of(FAIL, Status.Code.FAILED_PRECONDITION, IllegalTransitionException.class),
        Arguments.of(THROW, Status.Code.FAILED_PRECONDITION, IllegalTransitionException.class),
        Arguments.of(ACTIVATE, Status.Code.INVALID_ARGUMENT, RequestRejectedException.class),
        Arguments.of(UPSERT, Status.Code.NOT_FOUND, InstanceNotFoundException.class),
        Arguments.of(SET_VARIABLES, Status.Code.NOT_FOUND, InstanceNotFoundException.class),
        Arguments.of(RESOLVE, Status.Code.NOT_FOUND, ResourceNotFoundException.class),
        // the same status means something else on another operation
        Arguments.of(DEPLOY, Status.Code.NOT_FOUND, UnknownStatusException.class),
        Arguments.of(CANCEL, Status.Code.INVALID_ARGUMENT, UnknownStatusException.class),
        Arguments.of(PUBLISH, Status.Code.NOT_FOUND, UnknownStatusException.class),
        Arguments.of(START, Status.Code.ALREADY_EXISTS, UnknownStatusException.class),
        // general rows
        Arguments.of(START, Status.Code.RESOURCE_EXHAUSTED, BackPressureException.class),
        Arguments.of(COMPLETE, Status.Code.RESOURCE_EXHAUSTED, BackPressureException.class),
        Arguments.of(CANCEL, Status.Code.UNAVAILABLE, EngineUnavailableException.class),
        Arguments.of(DEPLOY, Status.Code.CANCELLED, EngineUnavailableException.class),
        Arguments.of(PUBLISH, Status.Code.INTERNAL, EngineInternalException.class),
        Arguments.of(TOPOLOGY, Status.Code.DEADLINE_EXCEEDED, WorkflowTimeoutException.class),
        Arguments.of(DEPLOY, Status.Code.PERMISSION_DENIED, PermissionDeniedException.class),
        Arguments.of(SIGNAL, Status.Code.UNAUTHENTICATED, AuthenticationException.class),
        Arguments.of(START, Status.Code.UNKNOWN, UnknownStatusException.class),
        Arguments.of(TOPOLOGY, Status.Code.UNIMPLEMENTED, UnknownStatusException.class),
        Arguments.of(CANCEL, Status.Code.ABORTED, UnknownStatusException.class),
        Arguments.of(START, Status.Code.OUT_OF_RANGE, UnknownStatusException.class),
        Arguments.of(ACTIVATE, Status.Code.DATA_LOSS, UnknownStatusException.class));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("rows")
  void statusMapsToException(Call call, Status.Code code, Class<? extends WorkflowException> expected) {
    String description = "Command rejected with code '" + code + "': scripted for " + call.name();
    gateway.script(call.rpc(), ScriptedGateway.Answer.error(code, description));

    WorkflowException e = failure(call.run().apply(client));

    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.engine()).isEqualTo("zeebe");
    assertThat(e.wireStatus()).isEqualTo(code.name());
    assertThat(e.engineMessage()).isEqualTo(description);
    assertThat(e.getMessage()).contains(description).contains(code.name());
    assertThat(e.getCause()).isInstanceOf(io.grpc.StatusRuntimeException.class);
  }

  @Test
  void answeredRejectionsWereNotProcessedButUnknownOutcomesMayHaveBeen() {
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.NOT_FOUND, "nf"));
    assertThat(failure(START.run().apply(client)).requestMayHaveBeenProcessed()).isFalse();
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.RESOURCE_EXHAUSTED, "bp"));
    assertThat(failure(START.run().apply(client)).requestMayHaveBeenProcessed()).isFalse();
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.DEADLINE_EXCEEDED, "late"));
    assertThat(failure(START.run().apply(client)).requestMayHaveBeenProcessed()).isTrue();
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.UNAVAILABLE, "gateway sick"));
    assertThat(failure(START.run().apply(client)).requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void tableIsOperationAwareAsData() {
    ErrorTable t = ZeebeErrors.TABLE;
    assertThat(t.engine()).isEqualTo("zeebe");
    assertThat(t.kindFor(Operation.START_INSTANCE, "NOT_FOUND", null, null)).isEqualTo(ErrorKind.DEFINITION_NOT_FOUND);
    assertThat(t.kindFor(Operation.CANCEL_INSTANCE, "NOT_FOUND", null, null)).isEqualTo(ErrorKind.INSTANCE_NOT_FOUND);
    assertThat(t.kindFor(Operation.DEPLOY, "INVALID_ARGUMENT", null, null)).isEqualTo(ErrorKind.INVALID_DEFINITION);
    assertThat(t.kindFor(Operation.START_INSTANCE, "INVALID_ARGUMENT", null, null))
        .isEqualTo(ErrorKind.INVALID_VARIABLES);
    assertThat(t.kindFor(Operation.GET_INSTANCE, "NOT_FOUND", null, null)).isEqualTo(ErrorKind.UNKNOWN_STATUS);
  }
}
