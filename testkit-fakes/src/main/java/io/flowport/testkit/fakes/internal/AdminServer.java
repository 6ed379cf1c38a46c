package io.flowport.testkit.fakes.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flowport.testkit.fakes.FakeServers;
import io.flowport.testkit.fakes.FakeStartException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The admin API of the standalone fakes, in the spirit of WireMock's {@code /__admin}: JSON over
 * HTTP on its own port (loopback by default), served by the JDK's HTTP server. This class is the
 * plumbing (binding, routing, JSON answers, one log line per request); {@link AdminApi} has the
 * endpoints. Errors answer {@code {"status": 4xx, "error": "<code>", "message": "..."}}. Not API.
 */
public final class AdminServer implements AutoCloseable {
  /** Every admin path starts with this. */
  public static final String BASE = "/__admin";
  /** The largest request body taken (a BPMN file to deploy is the biggest). */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer server;
  private final ExecutorService executor;
  private final AdminApi api;
  private final Consumer<String> log;
  private final String host;

  private AdminServer(HttpServer server, ExecutorService executor, AdminApi api, Consumer<String> log, String host) {
    this.server = server;
    this.executor = executor;
    this.api = api;
    this.log = log;
    this.host = host;
  }

  /** Binds {@code host:port} (0: a free port) and serves the admin API of {@code servers}. */
  public static AdminServer start(FakeServers servers, String host, int port, Consumer<String> log) {
    Objects.requireNonNull(servers, "servers == null");
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(HostPort.checkHost(host), HostPort.checkPort(port)), 0);
    } catch (IOException e) {
      throw new FakeStartException("the admin API", HostPort.of(host, port), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "flowport-fakes-admin");
      t.setDaemon(true);
      return t;
    });
    AdminServer admin = new AdminServer(http, executor, new AdminApi(servers), log, host);
    http.setExecutor(executor);
    http.createContext("/", admin::handle);
    http.start();
    return admin;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** For the banner: where it listens. */
  public String describe() {
    return "admin API listening on " + HostPort.of(host, port()) + ", base URL http://"
        + HostPort.of(HostPort.connectHost(host), port()) + BASE;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ one request

  /** A request as the endpoints see it: method, path below {@link #BASE} split on '/', query, body. */
  record Request(String method, List<String> path, Map<String, String> query, byte[] body) {
    /** The body as a JSON object (empty body: {@code {}}); not JSON or not an object → 400. */
    Map<String, Object> json() {
      if (body.length == 0) {
        return Map.of();
      }
      Object value;
      try {
        value = JSON.readValue(body, Object.class);
      } catch (IOException e) {
        throw AdminError.badRequest("the body is not JSON: " + firstLine(e.getMessage()));
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw AdminError.badRequest("the body must be a JSON object, like {\"duration\": \"PT5S\"}");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return object;
    }
  }

  /** An answer: status and a value Jackson writes as the JSON body. */
  record Answer(int status, Object body) {
    static Answer ok(Object body) {
      return new Answer(200, body);
    }

    static Answer created(Object body) {
      return new Answer(201, body);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    Answer answer;
    try {
      answer = api.answer(read(exchange, method, rawPath));
    } catch (AdminError e) {
      answer = new Answer(e.status, e.body());
    } catch (RuntimeException e) {
      answer = new Answer(500, new AdminError(500, "internal", "the admin API failed: " + e).body());
    }
    byte[] bytes = JSON.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
    try {
      log.accept(method + " " + rawPath + " " + answer.status() + " "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    } catch (RuntimeException ignored) {
      // logging must not stop the admin API
    }
  }

  private static Request read(HttpExchange exchange, String method, String rawPath) throws IOException {
    if (!rawPath.equals(BASE) && !rawPath.startsWith(BASE + "/")) {
      throw AdminError.notFound("no such admin path: " + rawPath + " (the admin API is under " + BASE + ")");
    }
    List<String> path = new ArrayList<>();
    for (String segment : rawPath.substring(BASE.length()).split("/")) {
      if (!segment.isEmpty()) {
        path.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> query = new LinkedHashMap<>();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new AdminError(413, "too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return new Request(method, List.copyOf(path), query, body);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
