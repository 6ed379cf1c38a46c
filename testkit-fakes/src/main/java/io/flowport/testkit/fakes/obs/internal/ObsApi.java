package io.flowport.testkit.fakes.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.testkit.engine.EngineException.Reason;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.PathVars;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestRoutes;
import io.flowport.testkit.fakes.rest.RouteHandler;
import io.flowport.testkit.fakes.rest.StatusTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The OBS fake's API on the kit's {@link RestApi}: the signature check in front (its refusals are
 * the gateway's XML {@code <Error>}), the routes of the workflow service, and OBS's error shapes.
 * Every answer has an {@code x-obs-request-id} and a {@code Date}; workflow errors are JSON
 * {@code {code, message, request_id}} with {@code Content-Type: application/json}; an unknown
 * route is 404 {@code SYS.0003}, a wrong method 405 {@code MethodNotAllowed} (XML).
 */
public final class ObsApi {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final String TRIGGER_POLICY = "obsworkflowtriggerpolicy";
  private static final String PREFIX = "x-workflow-prefix";
  /** In-memory engine failures (a bug of the fake's own bookkeeping if one shows): by meaning. */
  private static final StatusTable STATUSES = StatusTable.builder()
      .map(404, Reason.DEFINITION_NOT_FOUND, Reason.INSTANCE_NOT_FOUND, Reason.NODE_NOT_FOUND)
      .map(409, Reason.ILLEGAL_STATE, Reason.ALREADY_EXISTS)
      .map(400, Reason.INVALID_ARGUMENT, Reason.INVALID_DEFINITION)
      .otherwise(500)
      .build();

  private final ObsWorkflowStore store;
  private final Clock clock;

  private ObsApi(ObsWorkflowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The API over {@code store}.
   *
   * @param keys access key id to {secret key, security token or absent}; empty for no signature check
   * @param clock the fake's clock, for the skew check and its {@code Date}
   */
  public static RestApi create(ObsWorkflowStore store, Map<String, String[]> keys, Clock clock) {
    ObsApi api = new ObsApi(store, clock);
    RestApi.Builder b = RestApi.builder()
        .routes(api.routes())
        .errors((status, detail, request) -> api.error(ObsFakeError.json(status, codeOf(status), detail), request))
        .statuses(STATUSES)
        .backPressureAnswer(r -> api.error(ObsFakeError.json(429, "SYS.0011", "back pressure injected by FakeObsServer"), r))
        .unavailableAnswer(r -> api.error(ObsFakeError.json(503, "ServiceUnavailable",
            "unavailability injected by FakeObsServer"), r));
    if (!keys.isEmpty()) {
      Map<String, ObsSignatureCheck.Key> k = new java.util.HashMap<>();
      keys.forEach((ak, v) -> k.put(ak, new ObsSignatureCheck.Key(v[0], v.length > 1 ? v[1] : null)));
      ObsSignatureCheck signatures = new ObsSignatureCheck(k, clock);
      b.auth(r -> signatures.check(r).isEmpty(), r -> api.error(signatures.check(r).orElseThrow(), r));
    }
    return b.build();
  }

  private RestRoutes routes() {
    return RestRoutes.builder()
        .route("GET", "/v2/workflowtemplates", obs(r -> json(store.listTemplates(null, start(r), limit(r)))))
        .route("POST", "/v2/workflowtemplates/{name}", obs((r, p) -> json(store.createTemplate(p.get("name"), body(r)))))
        .route("GET", "/v2/workflowtemplates/{name}", obs((r, p) -> json(r.query().containsKey(PREFIX)
            ? store.listTemplates(p.get("name"), start(r), limit(r)) : store.template(p.get("name")))))
        .route("DELETE", "/v2/workflowtemplates/{name}", obs((r, p) -> {
          store.deleteTemplate(p.get("name"));
          return noContent();
        }))
        .route("GET", "/v2/workflows", obs(r -> json(store.listWorkflows(null, start(r), limit(r)))))
        .route("POST", "/v2/workflows/{graph}", obs((r, p) -> json(r.query().containsKey("x-workflow-template-name")
            ? store.createWorkflow(p.get("graph"), r.queryParam("x-workflow-template-name"), body(r))
            : store.start(p.get("graph"), body(r)))))
        .route("GET", "/v2/workflows/{graph}", obs((r, p) -> json(r.query().containsKey(PREFIX)
            ? store.listWorkflows(p.get("graph"), start(r), limit(r)) : store.workflow(p.get("graph")))))
        .route("PUT", "/v2/workflows/{graph}", obs((r, p) -> json(store.updateWorkflow(p.get("graph"), body(r)))))
        .route("DELETE", "/v2/workflows/{graph}", obs((r, p) -> {
          store.deleteWorkflow(p.get("graph"));
          return noContent();
        }))
        .route("GET", "/v2/workflowexecutions", obs(r -> json(store.listExecutions(r.queryParam("x-workflow-graph-name"),
            r.queryParam("x-workflow-execution-type"), r.queryParam("x-workflow-next-marker"), limit(r)))))
        .route("GET", "/v2/workflowexecutions/{name}",
            obs((r, p) -> json(store.execution(p.get("name"), r.queryParam("x-workflow-graph-name")))))
        .route("PUT", "/v2/workflowexecutions/{name}",
            obs((r, p) -> json(store.restore(p.get("name"), r.queryParam("x-workflow-graph-name")))))
        .route("PUT", "/{bucket}", obs(policy((r, bucket) -> {
          store.putTriggerPolicy(bucket, body(r));
          return stamp(FakeResponse.empty(200));
        })))
        .route("GET", "/{bucket}", obs(policy((r, bucket) -> json(store.triggerPolicy(bucket)))))
        .route("DELETE", "/{bucket}", obs(policy((r, bucket) -> {
          store.deleteTriggerPolicy(bucket);
          return noContent();
        })))
        .unknownPath(r -> error(unsupported(r), r))
        .wrongMethod((r, allowed) -> error(ObsFakeError.xml(405, "MethodNotAllowed",
            "The specified method is not allowed against this resource."), r))
        .build();
  }

  /** A bucket route: only with {@code ?obsworkflowtriggerpolicy}; any other bucket API is not the fake's. */
  private RouteHandler policy(java.util.function.BiFunction<FakeRequest, String, FakeResponse> handler) {
    return (r, p) -> {
      if (!r.query().containsKey(TRIGGER_POLICY)) {
        throw unsupported(r);
      }
      return handler.apply(r, p.get("bucket"));
    };
  }

  /** The handler, with the fake's OBS errors answered in their shape (code and all). */
  private RouteHandler obs(RouteHandler handler) {
    return (r, p) -> {
      try {
        return handler.handle(r, p);
      } catch (ObsFakeError e) {
        return error(e, r);
      }
    };
  }

  private RouteHandler obs(Function<FakeRequest, FakeResponse> handler) {
    return obs((r, p) -> handler.apply(r));
  }

  private static String start(FakeRequest r) {
    return r.queryParam("x-workflow-start");
  }

  private static String limit(FakeRequest r) {
    return r.queryParam("x-workflow-limit");
  }

  private static JsonNode body(FakeRequest r) {
    return ResponseBodies.parseJson(r.body()).orElseThrow(() -> ObsFakeError.badRequest("the body is not JSON"));
  }

  private static ObsFakeError unsupported(FakeRequest r) {
    return ObsFakeError.notFound("SYS.0003", "unsupported API: " + r.method() + " " + r.path());
  }

  /** The code the fake gives an error that has none of its own: by status. */
  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "SYS.0010";
      case 404 -> "Workflow.NotFound";
      case 409 -> "Workflow.Conflict";
      default -> "InternalError";
    };
  }

  private FakeResponse json(JsonNode node) {
    return stamp(new FakeResponse(200, Map.of("Content-Type", "application/json"),
        node.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private FakeResponse noContent() {
    return stamp(FakeResponse.empty(204));
  }

  private FakeResponse stamp(FakeResponse response) {
    return stamp(response, requestId());
  }

  private FakeResponse stamp(FakeResponse response, String requestId) {
    return response.withHeader("x-obs-request-id", requestId).withHeader("Date", HTTP_DATE.format(clock.instant()));
  }

  FakeResponse error(ObsFakeError e, FakeRequest request) {
    String requestId = requestId();
    FakeResponse r;
    if (e.xml) {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + e.code + "</Code><Message>"
          + escape(e.getMessage()) + "</Message><RequestId>" + requestId + "</RequestId><HostId>fake-obs-host</HostId>"
          + "<Resource>" + escape(request.path()) + "</Resource></Error>";
      r = FakeResponse.text(e.status, "application/xml", xml).withHeader("x-obs-error-code", e.code);
    } else {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("code", e.code).put("message", e.getMessage()).put("request_id", requestId);
      r = new FakeResponse(e.status, Map.of("Content-Type", "application/json"),
          body.toString().getBytes(StandardCharsets.UTF_8));
    }
    return stamp(r, requestId);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016X%08X", random.nextLong(), random.nextInt());
  }
}
