package io.flowport.testkit.fakes.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.flowport.testkit.fakes.FakeStartException;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.internal.RequestRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small base for REST engine fakes: an HTTP server (by default on {@code 127.0.0.1} and a free port;
 * {@link Builder#host} and {@link Builder#port} choose others) that hands every request to one
 * {@link FakeHandler}, injects the faults of a {@link FaultPlan} first, keeps a request log for
 * assertions and tells an optional {@link #onRequest listener} of each answer.
 *
 * <p>It runs on WireMock (the standalone, shaded artifact): one catch-all stub whose answer a
 * {@link ResponseDefinitionTransformerV2} computes. WireMock gives real socket-level faults
 * (a {@link Fault.Type#RESET} is a TCP reset, {@code SO_LINGER 0}), which the JDK's built-in server
 * cannot produce. Request journal, gzip and CORS stubs are off, so answers are byte-for-byte what the
 * handler returned.
 *
 * <p>Faults, by type: BACK_PRESSURE → 429 and UNAVAILABLE → 503 (the handler is not called);
 * LATENCY → the handler answers, and the answer leaves after the delay; RESET → connection reset
 * without an answer (the handler is not called); RESET_AFTER_PROCESSING → the handler runs, then the
 * connection is reset instead of answering; MALFORMED_BODY → 200 with truncated JSON;
 * HTML_ERROR → 502 with an HTML page, as a proxy sends; EMPTY_BODY → 200 with no body. The bodies of
 * 429 / 503 / malformed answers can be set per engine on the builder.
 */
public final class HttpFakeServer implements AutoCloseable {
  private static final String TRANSFORMER = "flowport-http-fake";

  private final WireMockServer server;
  private final String basePath;
  private final FakeHandler handler;
  private final FaultPlan faults = new FaultPlan();
  private final Function<FakeRequest, FakeResponse> backPressure;
  private final Function<FakeRequest, FakeResponse> unavailable;
  private final Function<FakeRequest, FakeResponse> malformed;
  private final RequestRecorder<RecordedRequest> log = new RequestRecorder<>(RecordedRequest::name);
  private final String host;
  private final String connectHost;
  private volatile Consumer<String> requestListener;

  private HttpFakeServer(Builder b) {
    this.host = b.host;
    this.connectHost = HostPort.bracketed(HostPort.connectHost(b.host));
    this.basePath = normalizeBasePath(b.basePath);
    this.handler = Objects.requireNonNull(b.handler, "handler == null");
    this.backPressure = b.backPressure;
    this.unavailable = b.unavailable;
    this.malformed = b.malformed;
    WireMockConfiguration config = WireMockConfiguration.options()
        .bindAddress(b.host)
        .port(b.port)
        .disableRequestJournal()
        .gzipDisabled(true)
        .stubCorsEnabled(false)
        .notifier(new ConsoleNotifier(false))
        .extensions(new Router());
    this.server = new WireMockServer(config);
    try {
      server.start();
    } catch (RuntimeException e) {
      // e.g. the port is in use: release what Jetty started
      try {
        server.stop();
      } catch (Exception suppressed) { // Jetty throws checked exceptions stopping a server that never started
        e.addSuppressed(suppressed);
      }
      // WireMock's own exception type stays inside: the caller gets the I/O error and the address.
      throw FakeStartException.of("the fake HTTP server", connectHost + ":" + b.port, e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
  }

  /**
   * {@return a builder around {@code handler}}
   *
   * @param handler the handler
   */
  public static Builder builder(FakeHandler handler) {
    return new Builder(handler);
  }

  /**
   * {@code http://127.0.0.1:<port><basePath>}, without a trailing slash (the bound host when it is not a wildcard).
   *
   * @return the base url
   */
  public String baseUrl() {
    return rootUrl() + basePath;
  }

  /**
   * {@code http://127.0.0.1:<port>} (the bound host when it is not a wildcard).
   *
   * @return the root url
   */
  public String rootUrl() {
    return "http://" + connectHost + ":" + server.port();
  }

  /** {@return the address the server is bound to ({@code 127.0.0.1} unless set on the builder)} */
  public String host() {
    return host;
  }

  /** {@return the base path the handler's {@link FakeRequest#path()} is relative to ("" for none)} */
  public String basePath() {
    return basePath;
  }

  /** {@return the port} */
  public int port() {
    return server.port();
  }

  /** {@return the faults the next requests get} */
  public FaultPlan faults() {
    return faults;
  }

  /** {@return the requests received so far, by name ({@code "METHOD /path"}), faulted ones included} */
  public RequestLog requestLog() {
    return log;
  }

  /** {@return every request received so far, in arrival order} */
  public List<RecordedRequest> requests() {
    return log.entries();
  }

  /**
   * {@return how many requests have a name ({@code "METHOD /path"}) starting with {@code prefix}}
   *
   * @param prefix the prefix
   */
  public int requestCount(String prefix) {
    return log.countStartingWith(prefix);
  }

  /** Forgets the request log. */
  public void clearRequests() {
    log.clear();
  }

  /**
   * Gets one line per request answered, just before the answer is sent:
   * {@code "<METHOD> <path and query as sent> <status> <n> ms"}, e.g.
   * {@code "GET /process-api/repository/process-definitions 200 3 ms"}; an injected fault is appended
   * ({@code "[fault BACK_PRESSURE]"}), a reset reads {@code "reset"} for the status, and the duration
   * includes an injected latency. {@code null} removes the listener. The listener must be quick and
   * must not throw (what it throws is ignored).
   *
   * @param listener the listener told of each call
   */
  public void onRequest(Consumer<String> listener) {
    this.requestListener = listener;
  }

  @Override
  public void close() {
    server.stop();
  }

  private static String normalizeBasePath(String p) {
    if (p == null || p.isBlank() || p.equals("/")) {
      return "";
    }
    String s = p.startsWith("/") ? p : "/" + p;
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private FakeRequest toFakeRequest(Request r) {
    String url = r.getUrl();
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? null : url.substring(q + 1);
    String path = rawPath;
    if (!basePath.isEmpty() && (rawPath.equals(basePath) || rawPath.startsWith(basePath + "/"))) {
      path = rawPath.substring(basePath.length());
      if (path.isEmpty()) {
        path = "/";
      }
    }
    boolean inside = basePath.isEmpty() || rawPath.equals(basePath) || rawPath.startsWith(basePath + "/");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : r.getHeaders().all()) {
      headers.computeIfAbsent(h.key().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(h.values());
    }
    return new FakeRequest(r.getMethod().getName().toUpperCase(Locale.ROOT), rawPath, path,
        FakeRequest.segmentsOf(path), FakeRequest.parseQuery(rawQuery), headers, r.getBody(), inside);
  }

  private void record(FakeRequest request, String rawQuery, int status, Fault fault) {
    log.record(new RecordedRequest(request.name(), rawQuery, request.bodyText(), status, fault, Instant.now(),
        request.headers()));
  }

  private void report(Request raw, long startNanos, int status, Fault fault, long delayMillis) {
    Consumer<String> listener = requestListener;
    if (listener == null) {
      return;
    }
    long ms = (System.nanoTime() - startNanos) / 1_000_000 + delayMillis;
    String line = raw.getMethod().getName().toUpperCase(Locale.ROOT) + " " + raw.getUrl() + " "
        + (status == 0 ? "reset" : String.valueOf(status)) + " " + ms + " ms"
        + (fault == null ? "" : " [fault " + fault.type() + "]");
    try {
      listener.accept(line);
    } catch (RuntimeException ignored) {
      // a broken listener must not break the answer
    }
  }

  private static ResponseDefinition render(FakeResponse response, long delayMillis) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
    response.headers().forEach((k, v) -> b.withHeader(k, v));
    if (response.body().length > 0) {
      b.withBody(response.body());
    }
    if (delayMillis > 0) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMillis));
    }
    return b.build();
  }

  private final class Router implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      long start = System.nanoTime();
      Request raw = serveEvent.getRequest();
      FakeRequest request = toFakeRequest(raw);
      String url = raw.getUrl();
      String rawQuery = url.indexOf('?') < 0 ? null : url.substring(url.indexOf('?') + 1);
      Fault fault = faults.take(request.name());
      FakeResponse response;
      long delay = 0;
      if (fault == null) {
        response = safeHandle(request);
      } else {
        switch (fault.type()) {
          case RESET -> {
            record(request, rawQuery, 0, fault);
            report(raw, start, 0, fault, 0);
            return ResponseDefinitionBuilder.responseDefinition()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
          }
          case RESET_AFTER_PROCESSING -> {
            safeHandle(request); // the engine does the work; its answer is lost
            record(request, rawQuery, 0, fault);
            report(raw, start, 0, fault, 0);
            return ResponseDefinitionBuilder.responseDefinition()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
          }
          case BACK_PRESSURE -> response = backPressure.apply(request);
          case UNAVAILABLE -> response = unavailable.apply(request);
          case LATENCY -> {
            response = safeHandle(request);
            delay = fault.delay().toMillis();
          }
          case MALFORMED_BODY -> response = malformed.apply(request);
          case HTML_ERROR -> response = FakeResponse.text(502, "text/html; charset=utf-8", """
              <html>
              <head><title>502 Bad Gateway</title></head>
              <body>
              <center><h1>502 Bad Gateway</h1></center>
              <hr><center>nginx</center>
              </body>
              </html>
              """);
          case EMPTY_BODY -> response = new FakeResponse(200, Map.of("Content-Type", "application/json"), new byte[0]);
          default -> throw new IllegalStateException("unknown fault " + fault);
        }
      }
      record(request, rawQuery, response.status(), fault);
      report(raw, start, response.status(), fault, delay);
      return render(response, delay);
    }

    private FakeResponse safeHandle(FakeRequest request) {
      try {
        return handler.handle(request);
      } catch (RuntimeException e) {
        // A bug in a fake must show as an answer, not as a hung client.
        return FakeResponse.text(500, "text/plain; charset=utf-8", "fake failed: " + e);
      }
    }
  }

  /** Builds an {@link HttpFakeServer}; {@link #start()} starts it. */
  public static final class Builder {
    private final FakeHandler handler;
    private String basePath = "";
    private String host = "127.0.0.1";
    private int port;
    private Function<FakeRequest, FakeResponse> backPressure = r -> FakeResponse.json(429,
        "{\"message\":\"Too Many Requests\",\"exception\":\"back pressure injected by the fake\"}");
    private Function<FakeRequest, FakeResponse> unavailable = r -> FakeResponse.json(503,
        "{\"message\":\"Service Unavailable\",\"exception\":\"unavailability injected by the fake\"}");
    private Function<FakeRequest, FakeResponse> malformed = r -> new FakeResponse(200,
        Map.of("Content-Type", "application/json"), "{\"data\":[{\"id\":\"1\",\"na".getBytes(StandardCharsets.UTF_8));

    private Builder(FakeHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
    }

    /**
     * {@return the path prefix stripped from request paths before the handler sees them (default none)}
     *
     * @param value the value
     */
    public Builder basePath(String value) {
      this.basePath = value;
      return this;
    }

    /**
     * {@return the answer to an injected back-pressure fault (default 429 with a small JSON body)}
     *
     * @param value the value
     */
    public Builder backPressureResponse(Function<FakeRequest, FakeResponse> value) {
      this.backPressure = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * {@return the answer to an injected unavailable fault (default 503 with a small JSON body)}
     *
     * @param value the value
     */
    public Builder unavailableResponse(Function<FakeRequest, FakeResponse> value) {
      this.unavailable = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * {@return the answer to an injected malformed-body fault (default 200 with truncated JSON)}
     *
     * @param value the value
     */
    public Builder malformedResponse(Function<FakeRequest, FakeResponse> value) {
      this.malformed = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * {@return the address to bind (default {@code 127.0.0.1}, loopback only); {@code "0.0.0.0"} listens on
     * every interface (e.g. in a container)}
     *
     * @param value the value
     */
    public Builder host(String value) {
      this.host = HostPort.checkHost(value);
      return this;
    }

    /**
     * {@return the port to bind, 0 (default) for a free one; {@link HttpFakeServer#port()} tells the bound port}
     *
     * @param value the value
     */
    public Builder port(int value) {
      this.port = HostPort.checkPort(value);
      return this;
    }

    /**
     * Starts the server (default: on a free port of 127.0.0.1). A port in use → FakeStartException, naming the address.
     *
     * @return this object
     */
    public HttpFakeServer start() {
      return new HttpFakeServer(this);
    }
  }
}
