package io.flowport.rest.flowable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.flowport.rest.flowable.WireMockFlowable.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ConflictException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.EngineInternalException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.error.InvalidVariablesException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.UnknownStatusException;
import io.flowport.core.error.VariableNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import java.nio.charset.StandardCharsets;
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

/**
 * Every row of {@link FlowableErrors#TABLE}, end to end: the scripted server answers with the
 * status and body Flowable sends (bodies from the real 7.2.0 where known), and the client call
 * fails with the unified exception.
 */
class FlowableErrorsTest {
  static WireMockFlowable flowable;
  static FlowableClient client;

  @BeforeAll
  static void start() {
    flowable = new WireMockFlowable();
    client = flowable.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    flowable.close();
  }

  static String body(String message, String exception) {
    return "{\"message\":\"" + message + "\",\"exception\":\"" + exception + "\"}";
  }

  static final Function<FlowableClient, CompletableFuture<?>> START =
      c -> c.instances().start(StartRequest.of("does-not-exist").build());
  static final Function<FlowableClient, CompletableFuture<?>> GET = c -> c.instances().get("i-1");
  static final Function<FlowableClient, CompletableFuture<?>> SUSPEND = c -> c.instances().suspend("i-1");
  static final Function<FlowableClient, CompletableFuture<?>> RESUME = c -> c.instances().resume("i-1");
  static final Function<FlowableClient, CompletableFuture<?>> CANCEL = c -> c.instances().cancel("i-1");
  static final Function<FlowableClient, CompletableFuture<?>> CREATE_VARS =
      c -> c.variables().create("i-1", Map.of("amount", 1));
  static final Function<FlowableClient, CompletableFuture<?>> GET_VAR = c -> c.variables().get("i-1", "nope");
  static final Function<FlowableClient, CompletableFuture<?>> DEPLOY = c -> c.definitions().deploy(
      DeployRequest.of(Resource.of("bad.bpmn20.xml", "<x/>".getBytes(StandardCharsets.UTF_8))));
  static final Function<FlowableClient, CompletableFuture<?>> LINKS = c -> c.getIdentityLinks("i-1");
  static final Function<FlowableClient, CompletableFuture<?>> REMOVE_LINK =
      c -> c.removeIdentityLink("i-1", "fozzie", "participant");
  static final Function<FlowableClient, CompletableFuture<?>> CREATE_BINARY =
      c -> c.createBinaryVariable("i-1", "blob", new byte[] {1, 2});
  static final Function<FlowableClient, CompletableFuture<?>> LIST =
      c -> c.instances().list(io.flowport.core.model.InstanceQuery.all());

  static Stream<Arguments> rows() {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    return Stream.of(
        // 400
        Arguments.of("start, unknown key", START, 400,
            body("Bad request", "No process definition found for key 'does-not-exist'"), DefinitionNotFoundException.class),
        Arguments.of("start, unknown id", START, 400,
            body("Bad request", "no deployed process definition found with id 'nope:1:1'"), DefinitionNotFoundException.class),
        Arguments.of("start, old body shape", START, 400,
            "{\"statusCode\":400,\"errorMessage\":\"No process definition found for key 'x'\"}",
            DefinitionNotFoundException.class),
        Arguments.of("start, no key", START, 400,
            body("Bad request", "Either processDefinitionId, processDefinitionKey or message is required."),
            RequestRejectedException.class),
        Arguments.of("start, HTML 400", START, 400, "<html>Bad Request</html>", RequestRejectedException.class),
        Arguments.of("variables, unsupported type", CREATE_VARS, 400,
            body("Bad request", "Variable 't' has unsupported type: 'nosuchtype'."), InvalidVariablesException.class),
        Arguments.of("malformed JSON", SUSPEND, 400,
            body("Bad request", "JSON parse error: Unexpected end-of-input"), RequestRejectedException.class),
        // 401 / 403
        Arguments.of("401 Spring body", GET, 401,
            "{\"timestamp\":\"2026-11-22T23:20:11.374+00:00\",\"status\":401,\"error\":\"Unauthorized\","
                + "\"path\":\"/process-api/runtime/process-instances\"}", AuthenticationException.class),
        Arguments.of("401 empty body", GET, 401, "", AuthenticationException.class),
        Arguments.of("403", GET, 403, body("Forbidden", "no privilege"), PermissionDeniedException.class),
        // 404
        Arguments.of("get unknown instance", SUSPEND, 404,
            body("Not found", "Could not find a process instance with id 'does-not-exist'."),
            InstanceNotFoundException.class),
        Arguments.of("variables of unknown instance", CREATE_VARS, 404,
            body("Not found", "Could not find an execution with id 'does-not-exist'."), InstanceNotFoundException.class),
        Arguments.of("missing variable", GET_VAR, 404,
            body("Not found", "Execution 'i-1' does not have a variable with name: 'nope'."),
            VariableNotFoundException.class),
        Arguments.of("missing identity link", REMOVE_LINK, 404,
            body("Not found", "Could not find the requested identity link."), ResourceNotFoundException.class),
        Arguments.of("instance op, HTML 404", CANCEL, 404, "<html>Not Found</html>", InstanceNotFoundException.class),
        Arguments.of("instance op, empty 404", LINKS, 404, "", InstanceNotFoundException.class),
        Arguments.of("instance op, truncated 404", SUSPEND, 404, "{\"message\":\"Not fo",
            InstanceNotFoundException.class),
        Arguments.of("other op, 404", LIST, 404, body("Not found", "?"), ResourceNotFoundException.class),
        // 405 / 409 / 415
        Arguments.of("405", LIST, 405, "", RequestRejectedException.class),
        Arguments.of("create existing variable", CREATE_VARS, 409,
            body("Conflict", "Variable 'amount' is already present on execution 'i-1'."), AlreadyExistsException.class),
        Arguments.of("create existing binary variable", CREATE_BINARY, 409,
            body("Conflict", "Variable 'blob' is already present"), AlreadyExistsException.class),
        Arguments.of("suspend a suspended instance", SUSPEND, 409,
            body("Conflict", "Process instance with id 'i-1' is already suspended."), IllegalTransitionException.class),
        Arguments.of("activate an active instance", RESUME, 409,
            body("Conflict", "Process instance with id 'i-1' is already active."), IllegalTransitionException.class),
        Arguments.of("other 409", CANCEL, 409, body("Conflict", "something"), ConflictException.class),
        Arguments.of("binary create of an existing variable (real 7.2.0 answers 500)", CREATE_BINARY, 500,
            body("Internal server error", "Variable 'blob' is already present on execution 'e-1'."),
            AlreadyExistsException.class),
        Arguments.of("415", CREATE_BINARY, 415, body("Content is not supported", "no class"),
            RequestRejectedException.class),
        // 429 / 5xx
        Arguments.of("429", GET, 429, "", BackPressureException.class),
        Arguments.of("deploy invalid BPMN", DEPLOY, 500, body("Internal server error",
            "javax.xml.transform.TransformerException: cvc-id.1: There is no ID/IDREF binding for IDREF 'nowhere'."),
            InvalidDefinitionException.class),
        Arguments.of("deploy, 500 without detail", DEPLOY, 500, "{\"message\":\"Internal server error\"}",
            InvalidDefinitionException.class),
        Arguments.of("unknown endpoint (wrong base path)", GET, 500,
            body("Internal server error", "No endpoint GET /process-api/runtime/nope."), RequestRejectedException.class),
        Arguments.of("500 elsewhere", GET, 500, "{\"message\":\"Internal server error\"}", EngineInternalException.class),
        Arguments.of("502 HTML from a proxy", GET, 502, html, EngineUnavailableException.class),
        Arguments.of("503", GET, 503, "", EngineUnavailableException.class),
        Arguments.of("504", SUSPEND, 504, html, EngineUnavailableException.class),
        Arguments.of("unknown status", GET, 418, "teapot", UnknownStatusException.class));
  }

  @ParameterizedTest(name = "{0}: {2} -> {4}")
  @MethodSource("rows")
  void answersMapToTheUnifiedErrors(String name, Function<FlowableClient, CompletableFuture<?>> call, int status,
      String body, Class<? extends WorkflowException> expected) {
    flowable.server.resetAll();
    flowable.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)
        .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json")));

    Throwable t = failure(call.apply(client));

    assertThat(t).as(name + ": " + t).isExactlyInstanceOf(expected);
    WorkflowException e = (WorkflowException) t;
    assertThat(e.engine()).isEqualTo("flowable");
    assertThat(e.wireStatus()).isEqualTo(String.valueOf(status));
    assertThat(e.getMessage()).doesNotContain("rest-admin").doesNotContain("dGVzdA");
    if (body.isEmpty()) {
      assertThat(e.engineMessage()).contains("<empty body>");
    } else if (!body.startsWith("{\"message\"") && !body.startsWith("{\"statusCode\"") && !body.startsWith("{\"timestamp\"")) {
      assertThat(e.engineMessage()).contains(body.substring(0, Math.min(12, body.length())));
    }
  }

  @Test
  void anUnknownEndpointSaysToCheckTheBaseUrl() {
    flowable.server.resetAll();
    flowable.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)
        .withBody(body("Internal server error", "No endpoint GET /wrong/runtime/process-instances/1."))
        .withHeader("Content-Type", "application/json")));

    WorkflowException e = (WorkflowException) failure(client.instances().get("1"));

    assertThat(e).isInstanceOf(RequestRejectedException.class);
    assertThat(e.getMessage()).contains("No endpoint GET").contains("Check the base URL (" + client.baseUrl() + ")");
  }

  @Test
  void theMessageIsFlowablesDetail() {
    assertThat(FlowableErrors.TABLE.kindFor(Operation.START_INSTANCE, "400", null,
        "No process definition found for key 'x'")).isEqualTo(ErrorKind.DEFINITION_NOT_FOUND);
    assertThat(FlowableErrors.TABLE.kindFor(Operation.GET_INSTANCE, "400", null,
        "No process definition found for key 'x'")).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(FlowableErrors.TABLE.kindFor(Operation.PUBLISH_MESSAGE, "400", null,
        "Cannot start process instance by message: no subscription to message with name 'm' found"))
        .isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(FlowableErrors.TABLE.kindFor(Operation.PUBLISH_MESSAGE, "404", null,
        "Could not find an execution with id 'x'.")).isEqualTo(ErrorKind.INSTANCE_NOT_FOUND);
  }

  @Test
  void publishWithNothingWaitingAndNoMessageStartIsNotFound() {
    flowable.server.resetAll();
    flowable.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl())
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":[],\"total\":0}")));
    flowable.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(anyUrl())
        .willReturn(aResponse().withStatus(400).withBody(body("Bad request",
            "Cannot start process instance by message: no subscription to message with name 'ping' found"))));
    Throwable t = failure(client.messages().publish(MessageRequest.builder("ping", "order-1").build()));
    assertThat(t).isExactlyInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ping");
  }

  /** Empty 200 answers that mean an error: the backend names them with a code, the table gives the meaning. */
  static Stream<Arguments> derived() {
    String empty = "{\"data\":[],\"total\":0}";
    return Stream.of(
        Arguments.of("start by id and version: no such version", FlowableErrors.NO_SUCH_VERSION,
            (Function<FlowableClient, CompletableFuture<?>>) c -> c.instances().start(
                StartRequest.builder().definition(io.flowport.core.model.DefinitionRef.version("order", 3)).build()),
            empty, DefinitionNotFoundException.class),
        Arguments.of("message to an instance: nothing waits", FlowableErrors.NO_WAITING_EXECUTION,
            (Function<FlowableClient, CompletableFuture<?>>) c -> c.messageInstance("i-1", "ping", null),
            empty, InstanceNotFoundException.class),
        Arguments.of("complete task: none open", FlowableErrors.NO_OPEN_TASK,
            (Function<FlowableClient, CompletableFuture<?>>) c -> c.completeTask("i-1", "approve", null),
            empty, ResourceNotFoundException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("derived")
  void emptyAnswersThatMeanAnErrorGoThroughTheTable(String name, String code,
      Function<FlowableClient, CompletableFuture<?>> call, String body, Class<? extends WorkflowException> expected) {
    flowable.server.resetAll();
    flowable.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)
        .withHeader("Content-Type", "application/json")));
    Throwable t = failure(call.apply(client));
    assertThat(t).as(name).isExactlyInstanceOf(expected);
    assertThat(((WorkflowException) t).engineCode()).isEqualTo(code);
    assertThat(((WorkflowException) t).wireStatus()).isEqualTo("200");
    assertThat(FlowableErrors.TABLE.rows()).anyMatch(r -> code.equals(r.engineCode()));
  }

  @Test
  void aVariableAnEndedInstanceLacksIsVariableNotFound() {
    flowable.server.resetAll();
    flowable.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/runtime/.*"))
        .willReturn(aResponse().withStatus(404).withBody(body("Not found",
            "Could not find a process instance with id 'i-1'."))));
    flowable.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/history/.*"))
        .willReturn(aResponse().withStatus(200).withBody(
            "{\"data\":[{\"id\":\"i-1\",\"variables\":[{\"name\":\"a\",\"type\":\"integer\",\"value\":1}]}]}")));
    Throwable t = failure(client.variables().get("i-1", "nope"));
    assertThat(t).isExactlyInstanceOf(VariableNotFoundException.class).hasMessageContaining("'nope'");
    assertThat(((WorkflowException) t).engineCode()).isEqualTo(FlowableErrors.NO_SUCH_HISTORIC_VARIABLE);
    assertThat(client.variables().get("i-1", "a").join()).isEqualTo(1);
  }
}
