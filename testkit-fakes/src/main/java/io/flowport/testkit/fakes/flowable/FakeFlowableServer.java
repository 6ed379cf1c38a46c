package io.flowport.testkit.fakes.flowable;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.flowable.internal.FlowableRouter;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.http.HttpFakeServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A wire fake of Flowable 7.2.0's process REST API ({@code flowable-spring-boot-starter-process-rest}),
 * backed by an {@link InMemoryEngine}, on a free port of {@code 127.0.0.1} (or the host and port set
 * on the {@link #builder()}):
 *
 * <pre>{@code
 * try (FakeFlowableServer flowable = FakeFlowableServer.start()) {
 *   FlowableClient client = FlowableClient.builder().baseUrl(flowable.baseUrl()).build();
 *   flowable.faults().next(2, Fault.unavailable(), Requests.named("POST /runtime/process-instances"));
 *   ...
 *   assertThat(flowable.requestCount("POST /runtime/process-instances")).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Status codes and error bodies are the ones the real engine answered (real-engines.md B): errors
 * are {@code {"message":"Bad request"|"Not found"|"Conflict"|"Internal server error","exception":..}};
 * a missing definition on start is 400, invalid BPMN 500, an unknown endpoint 500 "No endpoint ...";
 * ended instances leave the runtime (404) and stay in history. With credentials set, requests without
 * the right basic auth get Spring Security's 401.
 *
 * <p>Endpoints: {@code repository/deployments} (multipart, first file only; .bpmn20.xml, .bpmn, .bar,
 * .zip), {@code repository/process-definitions}, {@code runtime/process-instances} (start by key / id /
 * message, list, get, suspend / activate, delete, variables), {@code query/process-instances},
 * {@code runtime/executions} (message subscriptions, {@code messageEventReceived}, {@code trigger}),
 * {@code runtime/tasks} (user tasks: list, get, complete, claim), {@code history/historic-process-instances},
 * {@code runtime/process-instances/{id}/identitylinks} (user links; the authenticated starter gets a "starter" link).
 *
 * <p>Simplifications: execution id = process instance id; task id = the engine's job key; process
 * definition id = {@code key:version:<engine key>}; transient variables are validated but not kept;
 * a deleted variable is hidden from the REST API while the engine's conditions still see it;
 * binary variables, signals, timers and diagrams are not served (500 "No endpoint").
 * Requests are named {@code "METHOD /path"} with the path below the base path, e.g.
 * {@code "POST /runtime/process-instances"}; faults come before the auth check (they model the
 * network or a proxy in front of the engine).
 */
public final class FakeFlowableServer implements AutoCloseable {
  /** Flowable's Spring Boot starter default ({@code flowable.process.servlet.path}). */
  public static final String DEFAULT_BASE_PATH = "/process-api";

  private final InMemoryEngine engine;
  private final boolean ownsEngine;
  private final HttpFakeServer http;

  private FakeFlowableServer(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : InMemoryEngine.create(engineOptions());
    AtomicReference<HttpFakeServer> server = new AtomicReference<>();
    FlowableRouter router = new FlowableRouter(engine, () -> server.get().baseUrl(), b.basePath, b.user, b.password);
    try {
      this.http = HttpFakeServer.builder(router)
          .basePath(b.basePath)
          .host(b.host)
          .port(b.port)
          .backPressureResponse(r -> FakeResponse.json(429,
              "{\"message\":\"Too Many Requests\",\"exception\":\"back pressure injected by FakeFlowableServer\"}"))
          .unavailableResponse(r -> FakeResponse.json(503,
              "{\"message\":\"Service Unavailable\",\"exception\":\"unavailability injected by FakeFlowableServer\"}"))
          .start();
    } catch (RuntimeException e) {
      if (ownsEngine) {
        engine.close();
      }
      throw e;
    }
    server.set(http);
    if (b.requestListener != null) {
      http.onRequest(b.requestListener);
    }
  }

  /** The engine options that behave like Flowable: every deploy adds a version, no tenant is {@code ""}. */
  public static EngineOptions engineOptions() {
    return EngineOptions.builder().duplicateFiltering(false).defaultTenantId("").build();
  }

  /** Starts a fake on a new engine ({@link #engineOptions()}), base path {@code /process-api}, no auth. */
  public static FakeFlowableServer start() {
    return builder().start();
  }

  /**
   * Starts a fake on {@code engine} (not closed by {@link #close()}). Create it with
   * {@link #engineOptions()} to get Flowable's versioning and tenant.
   */
  public static FakeFlowableServer start(InMemoryEngine engine) {
    return builder().engine(engine).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>/process-api} (or the configured host and base path), no trailing slash. */
  public String baseUrl() {
    return http.baseUrl();
  }

  /** The bound port. */
  public int port() {
    return http.port();
  }

  /** The address the server is bound to ({@code 127.0.0.1} unless set on the builder). */
  public String host() {
    return http.host();
  }

  /**
   * Gets one line per request answered: {@code "GET /process-api/repository/process-definitions 200 3 ms"}
   * (method, path and query as sent, status, duration; {@code "[fault TYPE]"} when one was injected).
   * {@code null} removes the listener. Returns this fake. See {@link HttpFakeServer#onRequest}.
   */
  public FakeFlowableServer onRequest(Consumer<String> listener) {
    http.onRequest(listener);
    return this;
  }

  /** The engine behind the fake, for arranging and asserting state directly. */
  public InMemoryEngine engine() {
    return engine;
  }

  /** The faults the next requests get; requests are named {@code "METHOD /path"} below the base path. */
  public FaultPlan faults() {
    return http.faults();
  }

  /** How many requests had a name ({@code "METHOD /path"}, e.g. {@code "POST /runtime/process-instances"}) starting with {@code prefix}. */
  public int requestCount(String methodAndPathPrefix) {
    return http.requestCount(methodAndPathPrefix);
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return http.requests();
  }

  /** Forgets the request log (faults and engine state stay). */
  public void clearRequests() {
    http.clearRequests();
  }

  /** Stops the server, and the engine if the fake created it. */
  @Override
  public void close() {
    http.close();
    if (ownsEngine) {
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "FakeFlowableServer[" + baseUrl() + "]";
  }

  /** Builds a {@link FakeFlowableServer}. */
  public static final class Builder {
    private InMemoryEngine engine;
    private String basePath = DEFAULT_BASE_PATH;
    private String user;
    private String password;
    private String host = "127.0.0.1";
    private int port;
    private Consumer<String> requestListener;

    private Builder() {}

    /**
     * The address to bind (default {@code 127.0.0.1}, loopback only); {@code "0.0.0.0"} listens on
     * every interface (e.g. in a container).
     */
    public Builder host(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("host must not be null or blank");
      }
      this.host = value.strip();
      return this;
    }

    /** The port to bind, 0 (default) for a free one; {@link FakeFlowableServer#port()} tells the bound port. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + value);
      }
      this.port = value;
      return this;
    }

    /** A listener of the answered requests from the first one on; see {@link FakeFlowableServer#onRequest}. */
    public Builder onRequest(Consumer<String> listener) {
      this.requestListener = listener;
      return this;
    }

    /** The engine to serve (default: a new one with {@link #engineOptions()}, closed with the fake). */
    public Builder engine(InMemoryEngine value) {
      this.engine = value;
      return this;
    }

    /** The base path (default {@code /process-api}; the flowable-rest webapp uses {@code /flowable-rest/service}). */
    public Builder basePath(String value) {
      this.basePath = value;
      return this;
    }

    /** Requires HTTP basic auth with this user and password (default: no auth, as the starter without Spring Security). */
    public Builder basicAuth(String user, String password) {
      if (user == null || password == null) {
        throw new IllegalArgumentException("user and password must not be null");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    /** Starts the fake (default: on a free port of 127.0.0.1). A port in use fails here. */
    public FakeFlowableServer start() {
      return new FakeFlowableServer(this);
    }
  }
}
