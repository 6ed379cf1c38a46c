package io.flowport.testkit.fakes.cloudify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestAuth;
import io.flowport.testkit.fakes.rest.RestRoutes;
import io.flowport.testkit.fakes.rest.RouteHandler;
import io.flowport.testkit.fakes.rest.StatusTable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP side of the fake manager, as a {@link RestApi}: auth ({@code 401 unauthorized_error}),
 * then the route table; each route checks, in the manager's order, maintenance mode, the exact
 * {@code application/json} content type and a JSON object body, then runs on the {@link Manager}.
 * Errors are {@code {"message", "error_code", "server_traceback"}}; a malformed JSON body gets
 * werkzeug's HTML 400. Scripted answers ({@link #answerNext}) come first, for error codes the
 * fake's rules never produce.
 */
public final class CloudifyRouter {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String MALFORMED_HTML = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
      + "<h1>Bad Request</h1>\n<p>Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)</p>\n";

  private final Manager manager;
  private final Executions executions;
  private final Groups groups;
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private volatile String maintenance;

  /** A scripted answer for the next request whose name starts with {@code prefix}. */
  private record Scripted(String prefix, FakeResponse answer) {}

  public CloudifyRouter(Manager manager) {
    this.manager = manager;
    this.executions = new Executions(manager);
    this.groups = new Groups(manager, executions);
  }

  /** The next request named {@code prefix...} gets this error body (a null traceback is sent as null). */
  public void answerNext(String prefix, int status, String errorCode, String message, String traceback) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("error_code", errorCode);
    body.put("server_traceback", traceback);
    answerNext(prefix, json(status, body));
  }

  /** The next request named {@code prefix...} gets {@code answer} as it is (an HTML page, a truncated body). */
  public void answerNext(String prefix, FakeResponse answer) {
    synchronized (scripted) {
      scripted.add(new Scripted(prefix, answer));
    }
  }

  /** {@code null} (off), {@code "activated"} or {@code "activating"}: every request gets the 503 of that state. */
  public void maintenanceMode(String state) {
    this.maintenance = state;
  }

  /** The API: {@code auth} (may be null for none) in front of the manager's routes. */
  public RestApi api(RestAuth auth) {
    RestRoutes routes = RestRoutes.builder()
        .route("GET", "/executions", serve((r, p) -> ok(() -> executions.list(r.query(), tenant(r)))))
        .route("POST", "/executions", serve((r, p) -> answer(201, () -> executions.start(body(r), tenant(r)))))
        .route("DELETE", "/executions", serve((r, p) -> ok(() -> executions.delete(r.query(), body(r)))))
        .route("GET", "/executions/{id}", serve((r, p) -> ok(() -> executions.get(p.get("id"), r.query()))))
        .route("POST", "/executions/{id}", serve((r, p) -> ok(() -> executions.action(p.get("id"), body(r)))))
        .route("PATCH", "/executions/{id}", serve((r, p) -> ok(() -> executions.update(p.get("id"), body(r)))))
        .route("GET", "/executions/{id}/should-start", serve((r, p) -> ok(() -> executions.shouldStart(p.get("id")))))
        .route("GET", "/execution-groups", serve((r, p) -> ok(() -> groups.list(r.query(), tenant(r)))))
        .route("POST", "/execution-groups", serve((r, p) -> ok(() -> groups.create(body(r), tenant(r)))))
        .route("GET", "/execution-groups/{id}", serve((r, p) -> ok(() -> groups.get(p.get("id"), r.query()))))
        .route("POST", "/execution-groups/{id}", serve((r, p) -> ok(() -> groups.action(p.get("id"), body(r)))))
        .route("PATCH", "/execution-groups/{id}", serve((r, p) -> ok(() -> groups.update(p.get("id"), body(r)))))
        .unknownPath(r -> error(404, "not_found_error", "404 Not Found: The requested URL was not found on the server."))
        .wrongMethod((r, allowed) -> error(405, "method_not_allowed_error",
            "The method " + r.method() + " is not allowed for the requested URL."))
        .build();
    RestApi.Builder api = RestApi.builder()
        .routes(routes)
        .errors(CloudifyRouter::errorOfStatus)
        .statuses(StatusTable.builder().otherwise(500).build()) // the engine only runs workflows here
        .backPressureAnswer(r -> error(429, null, "Too many requests (back pressure injected by FakeCloudifyManager)"))
        .unavailableAnswer(r -> error(503, null, "Service unavailable (injected by FakeCloudifyManager)"));
    if (auth != null) {
      api.auth(r -> auth.allows(r) || activeExecutionToken(r),
          r -> error(401, "unauthorized_error", "User unauthorized: No authentication info provided"));
    }
    return api.build();
  }

  /** Scripted answers, maintenance mode, then the route; the manager's errors in its shape. */
  private RouteHandler serve(RouteHandler route) {
    return (r, p) -> {
      FakeResponse script = takeScripted(r.name());
      if (script != null) {
        return script;
      }
      try {
        if (maintenance != null) {
          throw "activating".equals(maintenance)
              ? new ManagerError(503, "entering_maintenance_mode", "Your request was rejected since Cloudify"
                  + " manager is entering maintenance mode")
              : new ManagerError(503, "maintenance_mode_active", "Your request was rejected since Cloudify"
                  + " manager is currently under maintenance mode");
        }
        return route.handle(r, p);
      } catch (ManagerError e) {
        return error(e.status(), e.code(), e.getMessage());
      } catch (MalformedBody e) {
        return FakeResponse.text(400, "text/html; charset=utf-8", MALFORMED_HTML);
      }
    };
  }

  private boolean activeExecutionToken(FakeRequest r) {
    String token = r.header("execution-token");
    return token != null && manager.activeExecutionToken(token);
  }

  private static String tenant(FakeRequest r) {
    return r.header("tenant") == null ? Manager.DEFAULT_TENANT : r.header("tenant");
  }

  private FakeResponse takeScripted(String name) {
    synchronized (scripted) {
      for (Scripted s : scripted) {
        if (name.startsWith(s.prefix())) {
          scripted.remove(s);
          return s.answer();
        }
      }
    }
    return null;
  }

  private FakeResponse ok(Supplier<Object> op) {
    return answer(200, op);
  }

  private FakeResponse answer(int status, Supplier<Object> op) {
    return json(status, manager.respond(op));
  }

  /** {@code get_json_and_verify_params}: exactly application/json, a JSON object. */
  private static Map<String, Object> body(FakeRequest r) {
    String type = r.header("content-type");
    if (!"application/json".equals(type)) {
      throw new ManagerError(415, "unsupported_content_type_error", "Content type must be application/json");
    }
    try {
      Object parsed = JSON.readValue(r.body(), Object.class);
      if (!(parsed instanceof Map)) {
        throw ManagerError.badParameters("The request body must be a JSON object");
      }
      return JSON.convertValue(parsed, MAP);
    } catch (IOException e) {
      throw new MalformedBody();
    }
  }

  private static FakeResponse notAllowed(FakeRequest r) {
    return error(405, "method_not_allowed_error", "The method " + r.method() + " is not allowed for the requested URL.");
  }

  /** A 4xx/5xx of the shared layer (an unexpected failure in a route) in the manager's shape. */
  private static FakeResponse errorOfStatus(int status, String detail, FakeRequest request) {
    String code = switch (status) {
      case 400 -> "bad_parameters_error";
      case 401 -> "unauthorized_error";
      case 404 -> "not_found_error";
      case 409 -> "conflict_error";
      default -> status >= 500 ? "internal_server_error" : null;
    };
    return error(status, code, detail);
  }

  /** The manager's error body. */
  public static FakeResponse error(int status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("error_code", code);
    body.put("server_traceback", null);
    return json(status, body);
  }

  static FakeResponse json(int status, Object body) {
    try {
      return new FakeResponse(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A body werkzeug cannot decode. */
  private static final class MalformedBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBody() {
      super(null, null, false, false);
    }
  }
}
