package io.flowport.rest.obs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ConflictException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.EngineInternalException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.UnknownStatusException;
import io.flowport.core.error.WorkflowException;
import io.flowport.rest.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link ObsErrors#TABLE}, from the answer OBS sends: JSON {@code {code, message,
 * request_id}} for the workflow services, XML {@code <Error>} for the gateway (authentication).
 */
class ObsErrorsTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        row(Operation.GET_INSTANCE, 403, xml("SignatureDoesNotMatch"), AuthenticationException.class),
        row(Operation.GET_INSTANCE, 403, xml("InvalidAccessKeyId"), AuthenticationException.class),
        row(Operation.START_INSTANCE, 403, xml("RequestTimeTooSkewed"), AuthenticationException.class),
        row(Operation.START_INSTANCE, 403, xml("AccessDenied"), PermissionDeniedException.class),
        row(Operation.START_INSTANCE, 403, json("SYS.0005"), PermissionDeniedException.class),
        row(Operation.GET_INSTANCE, 401, json("SYS.0004"), AuthenticationException.class),
        row(Operation.GET_INSTANCE, 404, json("SYS.0003"), RequestRejectedException.class),
        row(Operation.START_INSTANCE, 404, json("Workflow.GraphNotFound"), DefinitionNotFoundException.class),
        row(ObsOperations.START_WORKFLOW, 404, json("Workflow.GraphNotFound"), DefinitionNotFoundException.class),
        row(Operation.LIST_INSTANCES, 404, json("Workflow.GraphNotFound"), DefinitionNotFoundException.class),
        row(ObsOperations.LIST_EXECUTIONS, 404, json("Workflow.GraphNotFound"), DefinitionNotFoundException.class),
        row(Operation.GET_INSTANCE, 404, json("Workflow.ExecutionNotFound"), InstanceNotFoundException.class),
        row(Operation.RETRY_INSTANCE, 404, json("x"), InstanceNotFoundException.class),
        row(Operation.GET_NODE_TREE, 404, json("x"), InstanceNotFoundException.class),
        row(Operation.GET_VARIABLES, 404, json("x"), InstanceNotFoundException.class),
        row(ObsOperations.GET_EXECUTION, 404, json("x"), InstanceNotFoundException.class),
        row(ObsOperations.RESTORE_EXECUTION, 404, json("x"), InstanceNotFoundException.class),
        row(ObsOperations.GET_TEMPLATE, 404, json("Workflow.TemplateNotFound"), ResourceNotFoundException.class),
        row(ObsOperations.GET_WORKFLOW, 404, json("x"), ResourceNotFoundException.class),
        row(ObsOperations.GET_TRIGGER_POLICY, 404, json("x"), ResourceNotFoundException.class),
        row(ObsOperations.GET_WORKFLOW, 405, xml("MethodNotAllowed"), RequestRejectedException.class),
        row(ObsOperations.CREATE_TEMPLATE, 409, json("x"), AlreadyExistsException.class),
        row(ObsOperations.CREATE_WORKFLOW, 409, json("x"), AlreadyExistsException.class),
        row(Operation.RETRY_INSTANCE, 409, json("x"), IllegalTransitionException.class),
        row(ObsOperations.RESTORE_EXECUTION, 409, json("x"), IllegalTransitionException.class),
        row(ObsOperations.UPDATE_WORKFLOW, 409, json("x"), ConflictException.class),
        row(ObsOperations.START_WORKFLOW, 400, json("SYS.0010"), RequestRejectedException.class),
        row(ObsOperations.START_WORKFLOW, 429, json("SYS.0011"), BackPressureException.class),
        row(ObsOperations.START_WORKFLOW, 500, xml("InternalError"), EngineInternalException.class),
        row(Operation.GET_INSTANCE, 502, json("x"), EngineUnavailableException.class),
        row(Operation.GET_INSTANCE, 503, xml("ServiceUnavailable"), EngineUnavailableException.class),
        row(Operation.GET_INSTANCE, 504, json("x"), EngineUnavailableException.class),
        row(Operation.GET_INSTANCE, 418, json("x"), UnknownStatusException.class));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("rows")
  void mapsTheAnswer(Operation op, int status, Body body, Class<? extends WorkflowException> expected) {
    WorkflowException e = ObsErrors.READER.read(op, response(status, body.type, body.text, Map.of()));
    assertThat(e).isInstanceOf(expected);
    assertThat(e.wireStatus()).isEqualTo(String.valueOf(status));
    assertThat(e.engineCode()).isEqualTo(body.code);
    assertThat(e.engineMessage()).isEqualTo("message of " + body.code);
    assertThat(e.requestId()).isEqualTo("REQ-" + body.code);
    ObsResult r = ObsResult.of(e).orElseThrow();
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.errorCode()).isEqualTo(body.code);
    assertThat(r.errorMessage()).isEqualTo("message of " + body.code);
    assertThat(r.requestId()).isEqualTo("REQ-" + body.code);
  }

  @Test
  void theXmlErrorGivesTheWholeGetResultView() {
    WorkflowException e = ObsErrors.READER.read(Operation.GET_INSTANCE, response(403, "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>bad sig</Message>"
            + "<RequestId>R1</RequestId><HostId>host-9</HostId><Resource>/v2/workflows/g</Resource></Error>",
        Map.of("x-reserved-indicator", List.of("IND-1"), "x-obs-request-id", List.of("R-HEADER"))));
    ObsResult r = ObsResult.of(e).orElseThrow();
    assertThat(r).extracting(ObsResult::status, ObsResult::reason, ObsResult::errorCode, ObsResult::errorMessage,
            ObsResult::requestId, ObsResult::indicator, ObsResult::hostId, ObsResult::resource)
        .containsExactly(403, "Forbidden", "SignatureDoesNotMatch", "bad sig", "R1", "IND-1", "host-9", "/v2/workflows/g");
    assertThat(r.headers()).containsKey("x-reserved-indicator");
  }

  @Test
  void jsonIsReadOnlyForTheExactMediaTypeAsTheSdkDoes() {
    WorkflowException e = ObsErrors.READER.read(Operation.GET_INSTANCE, response(404, "application/json;charset=UTF-8",
        "{\"code\":\"Workflow.ExecutionNotFound\",\"message\":\"m\",\"request_id\":\"r\"}", Map.of()));
    assertThat(e).isInstanceOf(InstanceNotFoundException.class); // the status still decides
    assertThat(e.engineCode()).isNull();
    assertThat(e.engineMessage()).startsWith("unexpected error body: {\"code\"");
  }

  @Test
  void theCodeHeaderFillsInForABodyWithout() {
    WorkflowException e = ObsErrors.READER.read(Operation.GET_INSTANCE, response(403, null, "",
        Map.of("x-obs-error-code", List.of("InvalidAccessKeyId"), "x-obs-request-id", List.of("H-1"))));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.engineCode()).isEqualTo("InvalidAccessKeyId");
    assertThat(e.requestId()).isEqualTo("H-1");
  }

  @Test
  void htmlTruncatedOrEmptyBodiesGiveTheStatusMeaningWithAnExcerpt() {
    for (String body : List.of("<html><body><h1>502 Bad Gateway</h1></body></html>", "{\"code\":\"SYS", "",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Error><Code>&e;</Code></Error>")) {
      WorkflowException e = ObsErrors.READER.read(Operation.GET_INSTANCE, response(502, "text/html", body, Map.of()));
      assertThat(e).as(body).isInstanceOf(EngineUnavailableException.class);
      assertThat(e.engineCode()).isNull();
      assertThat(e.engineMessage()).startsWith("unexpected error body: ").doesNotContain("root:");
    }
  }

  @Test
  void backPressureAndUnavailableAreNotProcessedSoAnyCallMayRetry() {
    assertThat(ObsErrors.READER.read(ObsOperations.START_WORKFLOW, response(503, "application/json", "{}", Map.of()))
        .requestMayHaveBeenProcessed()).isFalse();
    assertThat(ObsErrors.READER.read(ObsOperations.START_WORKFLOW, response(500, "application/json", "{}", Map.of()))
        .requestMayHaveBeenProcessed()).isTrue();
  }

  record Body(String type, String text, String code) {
    @Override
    public String toString() {
      return (type.contains("json") ? "json " : "xml ") + code;
    }
  }

  private static Arguments row(Operation op, int status, Body body, Class<? extends WorkflowException> kind) {
    return Arguments.of(op, status, body, kind);
  }

  private static Body json(String code) {
    return new Body("application/json", "{\"code\":\"" + code + "\",\"message\":\"message of " + code
        + "\",\"request_id\":\"REQ-" + code + "\"}", code);
  }

  private static Body xml(String code) {
    return new Body("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
        + "</Code><Message>message of " + code + "</Message><RequestId>REQ-" + code + "</RequestId>"
        + "<HostId>h</HostId></Error>", code);
  }

  private static RestResponse response(int status, String type, String body, Map<String, List<String>> headers) {
    Map<String, List<String>> h = new java.util.HashMap<>(headers);
    if (type != null) {
      h.put("Content-Type", List.of(type));
    }
    String requestId = headers.containsKey("x-obs-request-id") ? headers.get("x-obs-request-id").get(0) : null;
    return new RestResponse("GET", "/v2/x", status, h, body.getBytes(StandardCharsets.UTF_8), requestId);
  }
}
