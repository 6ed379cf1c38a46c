package io.flowport.testkit.fakes.flowable.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.EngineException.Reason;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.ErrorBody;
import io.flowport.testkit.fakes.rest.StatusTable;
import java.time.Instant;
import java.util.Set;

/**
 * Flowable 7.2.0's error answers as data: the engine-failure statuses, the error shape
 * {@code {"message":"<reason>","exception":"<detail>"}} (BaseExceptionHandlerAdvice), Spring
 * Security's 401 and Spring's answers for an unknown path or a wrong method.
 */
final class FlowableErrors {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Engine failure → status. Flowable's REST layer maps FlowableObjectNotFoundException to 404,
   * FlowableIllegalArgumentException to 400 and FlowableConflict to 409; any other FlowableException is a 500.
   */
  static final StatusTable STATUSES = StatusTable.builder()
      .map(404, Reason.INSTANCE_NOT_FOUND, Reason.VARIABLE_NOT_FOUND, Reason.JOB_NOT_FOUND, Reason.NODE_NOT_FOUND)
      .map(409, Reason.ALREADY_EXISTS)
      .map(400, Reason.INVALID_ARGUMENT, Reason.DEFINITION_NOT_FOUND)
      .otherwise(500)
      .build();

  /** Flowable's error shape. */
  static final ErrorBody BODY = (status, detail, request) -> error(status, detail);

  private FlowableErrors() {}

  /** {@code {"message":"<reason of status>","exception":"<detail>"}}. */
  static FakeResponse error(int status, String detail) {
    ObjectNode body = NODES.objectNode();
    body.put("message", reason(status));
    body.put("exception", detail);
    return FakeResponse.json(status, body.toString());
  }

  /** Flowable's {@code message} for a status (BaseExceptionHandlerAdvice). */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 415 -> "Content is not supported";
      default -> "Internal server error";
    };
  }

  /** Spring Boot 3.5 / Flowable 7.2.0: an unmapped path is a 500 with NoResourceFoundException's text. */
  static FakeResponse noEndpoint(FakeRequest req) {
    return error(500, "No endpoint " + req.method() + " " + req.rawPath() + ".");
  }

  /** A known path with another method: a 500 with HttpRequestMethodNotSupportedException's text. */
  static FakeResponse methodNotSupported(FakeRequest req, Set<String> allowed) {
    return error(500, "Request method '" + req.method() + "' is not supported");
  }

  /** Spring Security's 401, not Flowable's error shape. */
  static FakeResponse unauthorized(FakeRequest req) {
    ObjectNode body = NODES.objectNode();
    body.put("timestamp", FlowableVariables.DATE.format(Instant.now()));
    body.put("status", 401);
    body.put("error", "Unauthorized");
    body.put("path", req.rawPath());
    return FakeResponse.json(401, body.toString()).withHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
  }
}
