package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.http.HttpFakeServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The base of every REST engine fake: an {@link HttpFakeServer} serving one {@link RestApi} on an
 * {@link InMemoryEngine} the fake creates (and closes) or borrows, with {@link #faults()} and a
 * {@link #requestLog()}. A fake is a subclass with a builder that extends {@link Builder}:
 *
 * <pre>{@code
 * public final class FakeThingServer extends RestFakeServer {
 *   private FakeThingServer(Builder b) {
 *     super(b, context -> ThingApi.create(context.engine(), context::baseUrl));
 *   }
 *   public static Builder builder() { return new Builder(); }
 *   public static final class Builder extends RestFakeServer.Builder<Builder, FakeThingServer> {
 *     private Builder() { super(ThingApi.engineOptions(), "/api/v1"); }
 *     protected Builder self() { return this; }
 *     public FakeThingServer start() { return new FakeThingServer(this); }
 *   }
 * }
 * }</pre>
 */
public abstract class RestFakeServer implements AutoCloseable {
  private final InMemoryEngine engine;
  private final boolean ownsEngine;
  private final HttpFakeServer http;

  /**
   * Starts the server of {@code builder} with the API {@code api} makes. A port in use fails here,
   * with the engine closed again if the fake created it.
   *
   * @param builder the builder
   * @param api the api
   */
  protected RestFakeServer(Builder<?, ?> builder, Function<Context, RestApi> api) {
    Objects.requireNonNull(api, "api == null");
    this.ownsEngine = builder.engine == null;
    this.engine = ownsEngine ? InMemoryEngine.create(builder.engineOptions) : builder.engine;
    AtomicReference<HttpFakeServer> server = new AtomicReference<>();
    try {
      RestApi restApi = api.apply(new Context(engine, () -> server.get().baseUrl()));
      HttpFakeServer.Builder b = HttpFakeServer.builder(restApi)
          .basePath(builder.basePath)
          .host(builder.host)
          .port(builder.port);
      restApi.backPressureAnswer().ifPresent(b::backPressureResponse);
      restApi.unavailableAnswer().ifPresent(b::unavailableResponse);
      this.http = b.start();
    } catch (RuntimeException e) {
      if (ownsEngine) {
        engine.close();
      }
      throw e;
    }
    server.set(http);
    if (builder.requestListener != null) {
      http.onRequest(builder.requestListener);
    }
  }

  /**
   * {@code http://127.0.0.1:<port><basePath>} (or the configured host), without a trailing slash.
   *
   * @return the base url
   */
  public String baseUrl() {
    return http.baseUrl();
  }

  /** {@return the bound port} */
  public int port() {
    return http.port();
  }

  /** {@return the address the server is bound to ({@code 127.0.0.1} unless set on the builder)} */
  public String host() {
    return http.host();
  }

  /** {@return the engine behind the fake, for arranging and asserting state directly} */
  public InMemoryEngine engine() {
    return engine;
  }

  /**
   * {@return the faults the next requests get; requests are named {@code "METHOD /path"} below the base path}
   */
  public FaultPlan faults() {
    return http.faults();
  }

  /** {@return the requests received so far by name ({@code "METHOD /path"}), faulted ones included} */
  public RequestLog requestLog() {
    return http.requestLog();
  }

  /** {@return every request received so far with its query, body, status and fault, in arrival order} */
  public List<RecordedRequest> requests() {
    return http.requests();
  }

  /**
   * {@return how many requests had a name ({@code "METHOD /path"}) starting with {@code methodAndPathPrefix}}
   *
   * @param methodAndPathPrefix the HTTP method and path prefix, e.g. {@code "GET /api/"}
   */
  public int requestCount(String methodAndPathPrefix) {
    return http.requestCount(methodAndPathPrefix);
  }

  /** Forgets the request log (faults and engine state stay). */
  public void clearRequests() {
    http.clearRequests();
  }

  /**
   * Gets one line per request answered: {@code "GET /api/things 200 3 ms"} (method, path and query as
   * sent, status, duration; {@code "[fault TYPE]"} when one was injected); {@code null} removes it. See
   * {@link HttpFakeServer#onRequest}.
   *
   * @param listener the listener told of each call
   * @return this object
   */
  public RestFakeServer onRequest(Consumer<String> listener) {
    http.onRequest(listener);
    return this;
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
    return getClass().getSimpleName() + "[" + baseUrl() + "]";
  }

  /** What an API is made from: the engine, and the base URL (known once the server is bound) for links in bodies. */
  public static final class Context {
    private final InMemoryEngine engine;
    private final Supplier<String> baseUrl;

    Context(InMemoryEngine engine, Supplier<String> baseUrl) {
      this.engine = engine;
      this.baseUrl = baseUrl;
    }

    /** {@return the engine the fake serves} */
    public InMemoryEngine engine() {
      return engine;
    }

    /**
     * {@return the server's base URL; call it while answering, not while building the API (the port is not bound yet)}
     */
    public String baseUrl() {
      return baseUrl.get();
    }
  }

  /**
   * The builder every REST fake's builder extends: host, port, engine, base path and a request listener.
   *
   * @param <B> the fake's builder
   * @param <S> the fake
   */
  public abstract static class Builder<B extends Builder<B, S>, S extends RestFakeServer> {
    private final EngineOptions engineOptions;
    private String basePath;
    private String host = "127.0.0.1";
    private int port;
    private InMemoryEngine engine;
    private Consumer<String> requestListener;

    /**
     * A builder whose fake creates its engine with {@code engineOptions} and serves below {@code defaultBasePath}.
     *
     * @param engineOptions the engine options
     * @param defaultBasePath the default base path
     */
    protected Builder(EngineOptions engineOptions, String defaultBasePath) {
      this.engineOptions = Objects.requireNonNull(engineOptions, "engineOptions == null");
      this.basePath = defaultBasePath;
    }

    /** {@return this builder, typed as the fake's} */
    protected abstract B self();

    /**
     * Starts the fake (default: on a free port of 127.0.0.1). A port in use fails here.
     *
     * @return the s
     */
    public abstract S start();

    /**
     * {@return the address to bind (default {@code 127.0.0.1}, loopback only); {@code "0.0.0.0"} listens on
     * every interface (e.g. in a container)}
     *
     * @param value the value
     */
    public B host(String value) {
      this.host = HostPort.checkHost(value);
      return self();
    }

    /**
     * {@return the port to bind, 0 (default) for a free one; the fake's {@code port()} tells the bound port}
     *
     * @param value the value
     */
    public B port(int value) {
      this.port = HostPort.checkPort(value);
      return self();
    }

    /**
     * {@return the engine to serve, not closed with the fake (default: a new one, closed with the fake)}
     *
     * @param value the value
     */
    public B engine(InMemoryEngine value) {
      this.engine = value;
      return self();
    }

    /**
     * {@return the base path the routes are relative to}
     *
     * @param value the value
     */
    public B basePath(String value) {
      this.basePath = value;
      return self();
    }

    /**
     * {@return a listener of the answered requests from the first one on; see {@link RestFakeServer#onRequest}}
     *
     * @param listener the listener told of each call
     */
    public B onRequest(Consumer<String> listener) {
      this.requestListener = listener;
      return self();
    }
  }
}
