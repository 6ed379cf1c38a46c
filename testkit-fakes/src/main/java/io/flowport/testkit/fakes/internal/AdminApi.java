package io.flowport.testkit.fakes.internal;

import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.fakes.FakeServers;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.StandaloneClock;
import io.flowport.testkit.fakes.internal.AdminServer.Answer;
import io.flowport.testkit.fakes.internal.AdminServer.Request;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The endpoints of the admin API ({@link AdminServer} serves them), all below {@code /__admin}.
 * Engines are the running fakes of {@link FakeServers}, by their provider's name; nothing here
 * names one. The endpoint list is {@link #ENDPOINTS}, answered by {@code GET /__admin}. Not API.
 */
final class AdminApi {
  /** Every endpoint, as {@code GET /__admin} lists it. */
  static final List<String> ENDPOINTS = List.of(
      "GET /__admin",
      "GET /__admin/clock",
      "PUT /__admin/clock {\"now\": \"2026-01-01T09:00:00Z\"} (frozen clock only)",
      "POST /__admin/clock/advance {\"duration\": \"PT5S\"} (frozen clock only)",
      "POST /__admin/reset",
      "POST /__admin/deployments?name=FILE.bpmn (body: the file; every engine of its dialect)",
      "GET|DELETE /__admin/requests",
      "GET /__admin/state",
      "GET /__admin/engines",
      "GET /__admin/engines/{engine}",
      "POST /__admin/engines/{engine}/deployments?name=FILE.bpmn (body: the file)",
      "GET|POST|DELETE /__admin/engines/{engine}/faults "
          + "{\"fault\": \"BACK_PRESSURE\", \"times\": 2, \"request\": \"CreateProcessInstance\"}",
      "GET|DELETE /__admin/engines/{engine}/requests",
      "GET /__admin/engines/{engine}/state");

  private final FakeServers servers;

  AdminApi(FakeServers servers) {
    this.servers = servers;
  }

  /** Routes one request; a refused one → {@link AdminError}. */
  Answer answer(Request r) {
    List<String> p = r.path();
    String at = AdminServer.BASE + (p.isEmpty() ? "" : "/" + String.join("/", p));
    if (p.isEmpty()) {
      allow(r, at, "GET");
      return Answer.ok(overview());
    }
    switch (p.get(0)) {
      case "clock" -> {
        if (p.size() == 1) {
          return allow(r, at, "GET", "PUT").equals("GET") ? Answer.ok(AdminViews.clock(servers.clock())) : setClock(r);
        }
        if (p.size() == 2 && p.get(1).equals("advance")) {
          allow(r, at, "POST");
          return advanceClock(r);
        }
      }
      case "reset" -> {
        if (p.size() == 1) {
          allow(r, at, "POST");
          return reset();
        }
      }
      case "deployments" -> {
        if (p.size() == 1) {
          allow(r, at, "POST");
          return deployEverywhere(r);
        }
      }
      case "requests" -> {
        if (p.size() == 1) {
          return Answer.ok(requests(allow(r, at, "GET", "DELETE"), servers.fakes()));
        }
      }
      case "state" -> {
        if (p.size() == 1) {
          allow(r, at, "GET");
          Map<String, Object> all = new LinkedHashMap<>();
          servers.fakes().forEach((name, f) -> all.put(name, AdminViews.state(name, f.engine())));
          return Answer.ok(all);
        }
      }
      case "engines" -> {
        return engines(r, at, p);
      }
      default -> {
        // not found below
      }
    }
    throw AdminError.notFound("no such admin path: " + at + "; GET " + AdminServer.BASE + " lists the endpoints");
  }

  private Answer engines(Request r, String at, List<String> p) {
    if (p.size() == 1) {
      allow(r, at, "GET");
      return Answer.ok(AdminViews.fakes(servers));
    }
    String name = p.get(1);
    RunningFake fake = servers.fakes().get(name);
    if (fake == null) {
      throw AdminError.notFound("no engine '" + name + "' is running; running: " + servers.fakes().keySet());
    }
    if (p.size() == 2) {
      allow(r, at, "GET");
      return Answer.ok(AdminViews.fake(name, fake));
    }
    if (p.size() == 3) {
      switch (p.get(2)) {
        case "deployments" -> {
          allow(r, at, "POST");
          return deployOne(r, name);
        }
        case "faults" -> {
          return faults(r, allow(r, at, "GET", "POST", "DELETE"), name, fake.faults());
        }
        case "requests" -> {
          return Answer.ok(requests(allow(r, at, "GET", "DELETE"), Map.of(name, fake)).get(name));
        }
        case "state" -> {
          allow(r, at, "GET");
          return Answer.ok(AdminViews.state(name, fake.engine()));
        }
        default -> {
          // not found below
        }
      }
    }
    throw AdminError.notFound("no such admin path: " + at + "; GET " + AdminServer.BASE + " lists the endpoints");
  }

  // ------------------------------------------------------------------ endpoints

  private Map<String, Object> overview() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clock", AdminViews.clock(servers.clock()));
    m.put("engines", AdminViews.fakes(servers));
    m.put("endpoints", ENDPOINTS);
    return m;
  }

  private Answer setClock(Request r) {
    Object now = r.json().get("now");
    if (!(now instanceof String text)) {
      throw AdminError.badRequest("give the instant to set: {\"now\": \"2026-01-01T09:00:00Z\"}");
    }
    Instant instant;
    try {
      instant = Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw AdminError.badRequest("now: not an ISO-8601 instant (like 2026-01-01T09:00:00Z): '" + text + "'");
    }
    requireFrozen();
    servers.clock().set(instant);
    return Answer.ok(AdminViews.clock(servers.clock()));
  }

  private Answer advanceClock(Request r) {
    Object value = r.json().get("duration");
    if (!(value instanceof String text)) {
      throw AdminError.badRequest("give how far to move: {\"duration\": \"PT5S\"} (ISO-8601 duration)");
    }
    Duration duration;
    try {
      duration = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw AdminError.badRequest("duration: not an ISO-8601 duration (like PT5S or P1D): '" + text + "'");
    }
    if (duration.isNegative()) {
      throw AdminError.badRequest("duration: must not be negative, was " + text + " (PUT /__admin/clock sets it back)");
    }
    requireFrozen();
    servers.clock().advance(duration);
    return Answer.ok(AdminViews.clock(servers.clock()));
  }

  private void requireFrozen() {
    StandaloneClock clock = servers.clock();
    if (!clock.isFrozen()) {
      throw AdminError.conflict("the clock follows the wall clock (now " + clock.now()
          + "); start the fakes with --clock frozen (or --clock frozen=INSTANT) to set or advance it");
    }
  }

  private Answer reset() {
    try {
      servers.reset();
    } catch (IllegalStateException e) {
      throw new AdminError(500, "reset_failed", e.getMessage());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reset", List.copyOf(servers.fakes().keySet()));
    m.put("clock", AdminViews.clock(servers.clock()));
    return Answer.ok(m);
  }

  private Answer deployOne(Request r, String engine) {
    String resource = resourceName(r);
    try {
      EngineDeployment d = servers.deploy(engine, resource, r.body());
      return Answer.created(AdminViews.deployment(engine, resource, d));
    } catch (RuntimeException e) {
      throw new AdminError(400, "not_deployed", engine + " did not deploy " + resource + ": " + message(e));
    }
  }

  /** Deploys into every engine, as {@code --definitions} does: each engine of the file's dialect takes it. */
  private Answer deployEverywhere(Request r) {
    String resource = resourceName(r);
    List<Object> deployed = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String engine : servers.fakes().keySet()) {
      try {
        deployed.add(AdminViews.deployment(engine, resource, servers.deploy(engine, resource, r.body())));
      } catch (RuntimeException e) {
        skipped.put(engine, message(e));
      }
    }
    if (deployed.isEmpty()) {
      throw new AdminError(400, "not_deployed", "no engine deployed " + resource + ": " + skipped);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deployed", deployed);
    m.put("skipped", skipped);
    return Answer.created(m);
  }

  private static String resourceName(Request r) {
    String name = r.query().get("name");
    if (name == null || name.isBlank()) {
      throw AdminError.badRequest("give the file name in the query, like ?name=order.bpmn (the engines read its extension)");
    }
    if (r.body().length == 0) {
      throw AdminError.badRequest("the body is empty: send the definition file, like curl --data-binary @order.bpmn");
    }
    return name.strip();
  }

  /** The journals of {@code fakes} by name, cleared first for DELETE. */
  private static Map<String, Object> requests(String method, Map<String, RunningFake> fakes) {
    Map<String, Object> m = new LinkedHashMap<>();
    fakes.forEach((name, f) -> {
      if (method.equals("DELETE")) {
        f.requestLog().clear();
      }
      m.put(name, AdminViews.requests(f.requestLog()));
    });
    return m;
  }

  private static Answer faults(Request r, String method, String engine, FaultPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", engine);
    if (method.equals("DELETE")) {
      plan.clear();
    } else if (method.equals("POST")) {
      m.put("planned", plan(r.json(), plan));
    }
    m.put("pending", plan.pending());
    return method.equals("POST") ? Answer.created(m) : Answer.ok(m);
  }

  /** Reads a fault request and puts it in {@code plan}; answers what was planned. */
  private static Map<String, Object> plan(Map<String, Object> body, FaultPlan plan) {
    for (String key : body.keySet()) {
      if (!List.of("fault", "times", "request", "requestStartingWith", "delay", "always").contains(key)) {
        throw AdminError.badRequest("unknown field '" + key
            + "'; a fault takes fault, times, request or requestStartingWith, delay (LATENCY) and always");
      }
    }
    Fault fault = fault(body);
    Object always = body.getOrDefault("always", false);
    if (!(always instanceof Boolean)) {
      throw AdminError.badRequest("always: true or false, was " + always);
    }
    Map<String, Object> planned = new LinkedHashMap<>();
    planned.put("fault", fault.type().name());
    if (fault.type() == Fault.Type.LATENCY) {
      planned.put("delay", fault.delay().toString());
    }
    if ((Boolean) always) {
      if (body.containsKey("times") || body.containsKey("request") || body.containsKey("requestStartingWith")) {
        throw AdminError.badRequest("always applies to every request: give it without times, request or requestStartingWith");
      }
      plan.always(fault);
      planned.put("always", true);
      return planned;
    }
    Object times = body.getOrDefault("times", 1);
    if (!(times instanceof Integer n) || n < 1) {
      throw AdminError.badRequest("times: a whole number of at least 1, was " + times);
    }
    Object exact = body.get("request");
    Object prefix = body.get("requestStartingWith");
    if (exact != null && prefix != null) {
      throw AdminError.badRequest("give request or requestStartingWith, not both");
    }
    Predicate<String> which = name -> true;
    Object given = exact != null ? exact : prefix;
    if (given != null) {
      if (!(given instanceof String text)) {
        throw AdminError.badRequest("request / requestStartingWith: a string, like \"CreateProcessInstance\" or \"POST /runtime/\"");
      }
      which = exact != null ? text::equals : name -> name.startsWith(text);
      planned.put(exact != null ? "request" : "requestStartingWith", text);
    }
    plan.next(n, fault, which);
    planned.put("times", n);
    return planned;
  }

  private static Fault fault(Map<String, Object> body) {
    Object type = body.get("fault");
    String valid = Arrays.toString(Fault.Type.values());
    if (!(type instanceof String text)) {
      throw AdminError.badRequest("give the fault: {\"fault\": \"BACK_PRESSURE\"}, one of " + valid);
    }
    Fault.Type t;
    try {
      t = Fault.Type.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw AdminError.badRequest("fault: one of " + valid + ", not '" + text + "'");
    }
    Object delay = body.get("delay");
    if (t != Fault.Type.LATENCY) {
      if (delay != null) {
        throw AdminError.badRequest("delay is for LATENCY only");
      }
      return new Fault(t, null);
    }
    if (!(delay instanceof String d)) {
      throw AdminError.badRequest("LATENCY needs a delay: {\"fault\": \"LATENCY\", \"delay\": \"PT2S\"}");
    }
    try {
      Duration duration = Duration.parse(d.strip());
      if (duration.isNegative()) {
        throw AdminError.badRequest("delay: must not be negative, was " + d);
      }
      return Fault.latency(duration);
    } catch (DateTimeParseException e) {
      throw AdminError.badRequest("delay: not an ISO-8601 duration (like PT2S): '" + d + "'");
    }
  }

  /** Checks the method; answers it (one of {@code allowed}). */
  private static String allow(Request r, String at, String... allowed) {
    for (String a : allowed) {
      if (a.equals(r.method())) {
        return a;
      }
    }
    throw AdminError.methodNotAllowed(r.method(), at, String.join(" or ", allowed));
  }

  private static String message(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
