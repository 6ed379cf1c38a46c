package io.flowport.testkit.fakes.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.testkit.fakes.http.FakeHandler;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The OBS fake's routes: the signature check first, then the workflow service. Every answer has
 * an {@code x-obs-request-id} and a {@code Date}; errors of the workflow service are JSON
 * {@code {code, message, request_id}} with {@code Content-Type: application/json}, those of the
 * signature check XML {@code <Error>}. An unknown route is 404 {@code SYS.0003}.
 */
public final class ObsRouter implements FakeHandler {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final String TRIGGER_POLICY = "obsworkflowtriggerpolicy";

  private final ObsWorkflowStore store;
  private final ObsSignatureCheck signatures;
  private final Clock clock;

  /**
   * @param keys access key id to secret key and token (null for permanent keys); empty for no signature check
   * @param clock the fake's clock, for the skew check and its {@code Date}
   */
  public ObsRouter(ObsWorkflowStore store, Map<String, String[]> keys, Clock clock) {
    this.store = store;
    Map<String, ObsSignatureCheck.Key> k = new java.util.HashMap<>();
    keys.forEach((ak, v) -> k.put(ak, new ObsSignatureCheck.Key(v[0], v.length > 1 ? v[1] : null)));
    this.signatures = new ObsSignatureCheck(k, clock);
    this.clock = clock;
  }

  @Override
  public FakeResponse handle(FakeRequest request) {
    String requestId = requestId();
    try {
      if (signatures.enabled()) {
        Optional<ObsFakeError> denied = signatures.check(request);
        if (denied.isPresent()) {
          throw denied.get();
        }
      }
      return answer(route(request), requestId);
    } catch (ObsFakeError e) {
      return error(e, request, requestId);
    }
  }

  private FakeResponse route(FakeRequest r) {
    List<String> s = r.segments();
    String method = r.method();
    if (r.query().containsKey(TRIGGER_POLICY) && s.size() == 1) {
      return triggerPolicy(method, s.get(0), r);
    }
    if (s.isEmpty() || !s.get(0).equals("v2") || s.size() > 3) {
      throw unsupported(r);
    }
    String kind = s.size() > 1 ? s.get(1) : "";
    String name = s.size() > 2 ? s.get(2) : null;
    boolean listing = r.query().containsKey("x-workflow-prefix");
    switch (kind) {
      case "workflowtemplates" -> {
        if (method.equals("GET") && listing) {
          return json(store.listTemplates(name, r.queryParam("x-workflow-start"), r.queryParam("x-workflow-limit")));
        }
        requireName(name, r);
        return switch (method) {
          case "POST" -> json(store.createTemplate(name, body(r)));
          case "GET" -> json(store.template(name));
          case "DELETE" -> {
            store.deleteTemplate(name);
            yield noContent();
          }
          default -> throw methodNotAllowed(r);
        };
      }
      case "workflows" -> {
        if (method.equals("GET") && listing) {
          return json(store.listWorkflows(name, r.queryParam("x-workflow-start"), r.queryParam("x-workflow-limit")));
        }
        requireName(name, r);
        return switch (method) {
          case "POST" -> r.query().containsKey("x-workflow-template-name")
              ? json(store.createWorkflow(name, r.queryParam("x-workflow-template-name"), body(r)))
              : json(store.start(name, body(r)));
          case "GET" -> json(store.workflow(name));
          case "PUT" -> json(store.updateWorkflow(name, body(r)));
          case "DELETE" -> {
            store.deleteWorkflow(name);
            yield noContent();
          }
          default -> throw methodNotAllowed(r);
        };
      }
      case "workflowexecutions" -> {
        String graph = r.queryParam("x-workflow-graph-name");
        if (name == null) {
          if (!method.equals("GET")) {
            throw methodNotAllowed(r);
          }
          return json(store.listExecutions(graph, r.queryParam("x-workflow-execution-type"),
              r.queryParam("x-workflow-next-marker"), r.queryParam("x-workflow-limit")));
        }
        return switch (method) {
          case "GET" -> json(store.execution(name, graph));
          case "PUT" -> json(store.restore(name, graph));
          default -> throw methodNotAllowed(r);
        };
      }
      default -> throw unsupported(r);
    }
  }

  private FakeResponse triggerPolicy(String method, String bucket, FakeRequest r) {
    return switch (method) {
      case "PUT" -> {
        store.putTriggerPolicy(bucket, body(r));
        yield FakeResponse.empty(200);
      }
      case "GET" -> json(store.triggerPolicy(bucket));
      case "DELETE" -> {
        store.deleteTriggerPolicy(bucket);
        yield noContent();
      }
      default -> throw methodNotAllowed(r);
    };
  }

  private FakeResponse noContent() {
    return FakeResponse.empty(204);
  }

  private static void requireName(String name, FakeRequest r) {
    if (name == null) {
      throw unsupported(r);
    }
  }

  private static JsonNode body(FakeRequest r) {
    return ResponseBodies.parseJson(r.body()).orElseThrow(() -> ObsFakeError.badRequest("the body is not JSON"));
  }

  private static FakeResponse json(JsonNode node) {
    return new FakeResponse(200, Map.of("Content-Type", "application/json"), node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static ObsFakeError unsupported(FakeRequest r) {
    return ObsFakeError.notFound("SYS.0003", "unsupported API: " + r.method() + " " + r.path());
  }

  private static ObsFakeError methodNotAllowed(FakeRequest r) {
    return ObsFakeError.xml(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  }

  private FakeResponse answer(FakeResponse response, String requestId) {
    return response.withHeader("x-obs-request-id", requestId).withHeader("Date", HTTP_DATE.format(clock.instant()));
  }

  private FakeResponse error(ObsFakeError e, FakeRequest request, String requestId) {
    FakeResponse r;
    if (e.xml) {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + e.code + "</Code><Message>"
          + escape(e.getMessage()) + "</Message><RequestId>" + requestId + "</RequestId><HostId>fake-obs-host</HostId>"
          + "<Resource>" + escape(request.path()) + "</Resource></Error>";
      r = FakeResponse.text(e.status, "application/xml", xml).withHeader("x-obs-error-code", e.code);
    } else {
      com.fasterxml.jackson.databind.node.ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("code", e.code).put("message", e.getMessage()).put("request_id", requestId);
      r = new FakeResponse(e.status, Map.of("Content-Type", "application/json"),
          body.toString().getBytes(StandardCharsets.UTF_8));
    }
    return answer(r, requestId);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016X%08X", random.nextLong(), random.nextInt());
  }
}
