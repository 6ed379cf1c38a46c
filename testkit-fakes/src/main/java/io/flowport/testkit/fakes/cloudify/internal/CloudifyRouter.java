package io.flowport.testkit.fakes.cloudify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.testkit.fakes.http.FakeHandler;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP side of the fake manager: checks in the manager's order (maintenance mode, auth, the
 * exact {@code application/json} content type, a JSON body), then the route. Errors are
 * {@code {"message", "error_code", "server_traceback"}}; a malformed JSON body gets werkzeug's HTML
 * 400. Scripted answers ({@link #answerNext}) come first, for error codes the fake's rules never
 * produce.
 */
public final class CloudifyRouter implements FakeHandler {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String MALFORMED_HTML = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
      + "<h1>Bad Request</h1>\n<p>Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)</p>\n";

  private final Manager manager;
  private final Executions executions;
  private final Groups groups;
  private final String user;
  private final String password;
  private final String token;
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private volatile String maintenance;

  /** A scripted error answer for the next request whose name starts with {@code prefix}. */
  private record Scripted(String prefix, int status, Map<String, Object> body) {}

  public CloudifyRouter(Manager manager, String user, String password, String token) {
    this.manager = manager;
    this.executions = new Executions(manager);
    this.groups = new Groups(manager, executions);
    this.user = user;
    this.password = password;
    this.token = token;
  }

  /** The next request named {@code prefix...} gets this error body (a null traceback is sent as null). */
  public void answerNext(String prefix, int status, String errorCode, String message, String traceback) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("error_code", errorCode);
    body.put("server_traceback", traceback);
    synchronized (scripted) {
      scripted.add(new Scripted(prefix, status, body));
    }
  }

  /** {@code null} (off), {@code "activated"} or {@code "activating"}: every request gets the 503 of that state. */
  public void maintenanceMode(String state) {
    this.maintenance = state;
  }

  @Override
  public FakeResponse handle(FakeRequest r) {
    FakeResponse script = takeScripted(r.name());
    if (script != null) {
      return script;
    }
    try {
      if (maintenance != null) {
        throw "activating".equals(maintenance)
            ? new ManagerError(503, "entering_maintenance_mode", "Your request was rejected since Cloudify manager is"
                + " entering maintenance mode")
            : new ManagerError(503, "maintenance_mode_active", "Your request was rejected since Cloudify manager is"
                + " currently under maintenance mode");
      }
      authenticate(r);
      return route(r);
    } catch (ManagerError e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (MalformedBody e) {
      return FakeResponse.text(400, "text/html; charset=utf-8", MALFORMED_HTML);
    }
  }

  private FakeResponse takeScripted(String name) {
    synchronized (scripted) {
      for (Scripted s : scripted) {
        if (name.startsWith(s.prefix())) {
          scripted.remove(s);
          return json(s.status(), s.body());
        }
      }
    }
    return null;
  }

  private void authenticate(FakeRequest r) {
    if (user == null && token == null) {
      return;
    }
    String basic = r.header("authorization");
    if (user != null && basic != null && basic.startsWith("Basic ")) {
      String expected = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      if (basic.substring(6).trim().equals(expected)) {
        return;
      }
    }
    if (token != null && token.equals(r.header("authentication-token"))) {
      return;
    }
    String executionToken = r.header("execution-token");
    if (executionToken != null && manager.activeExecutionToken(executionToken)) {
      return;
    }
    throw new ManagerError(401, "unauthorized_error", "User unauthorized: No authentication info provided");
  }

  private FakeResponse route(FakeRequest r) {
    List<String> s = r.segments();
    String method = r.method();
    String tenant = r.header("tenant") == null ? Manager.DEFAULT_TENANT : r.header("tenant");
    Map<String, List<String>> q = r.query();
    if (s.size() == 1 && s.get(0).equals("executions")) {
      return switch (method) {
        case "GET" -> ok(() -> executions.list(q, tenant));
        case "POST" -> answer(201, () -> executions.start(body(r), tenant));
        case "DELETE" -> ok(() -> executions.delete(q, body(r)));
        default -> notAllowed(r);
      };
    }
    if (s.size() == 2 && s.get(0).equals("executions")) {
      String id = s.get(1);
      return switch (method) {
        case "GET" -> ok(() -> executions.get(id, q));
        case "POST" -> ok(() -> executions.action(id, body(r)));
        case "PATCH" -> ok(() -> executions.update(id, body(r)));
        default -> notAllowed(r);
      };
    }
    if (s.size() == 3 && s.get(0).equals("executions") && s.get(2).equals("should-start")) {
      return method.equals("GET") ? ok(() -> executions.shouldStart(s.get(1))) : notAllowed(r);
    }
    if (s.size() == 1 && s.get(0).equals("execution-groups")) {
      return switch (method) {
        case "GET" -> ok(() -> groups.list(q, tenant));
        case "POST" -> ok(() -> groups.create(body(r), tenant));
        default -> notAllowed(r);
      };
    }
    if (s.size() == 2 && s.get(0).equals("execution-groups")) {
      String id = s.get(1);
      return switch (method) {
        case "GET" -> ok(() -> groups.get(id, q));
        case "POST" -> ok(() -> groups.action(id, body(r)));
        case "PATCH" -> ok(() -> groups.update(id, body(r)));
        default -> notAllowed(r);
      };
    }
    return error(404, "not_found_error", "404 Not Found: The requested URL was not found on the server.");
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
