package io.flowport.rest;

import io.flowport.core.Operation;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.LoopbackHosts;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.internal.AttemptTimer;
import io.flowport.rest.internal.AttemptTracker;
import io.flowport.rest.internal.DaemonThreads;
import io.flowport.rest.internal.IoErrors;
import io.flowport.rest.internal.OkAuthRequest;
import io.flowport.rest.internal.PathSegments;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP transport of Flowport's REST adapters (Flowable, Cloudify, bk-sops, OBS): OkHttp
 * and Jackson behind a small API that makes exactly one attempt per call. Retries, backoff and the
 * whole-call timeout belong to core's {@link io.flowport.core.spi.CallExecutor}; this class gives
 * each attempt its deadline, credentials and encoding, and maps transport failures (no answer) to typed errors.
 *
 * <ul>
 *   <li>URLs are the base URL plus path segments encoded one by one ({@link RestRequest}): every
 *       character outside {@code A-Z a-z 0-9 - . _ ~} is percent-encoded ({@code ;} included, which
 *       servlet containers would strip), and {@code .} / {@code ..} segments are refused.
 *   <li>{@link Credentials#apply} runs once per attempt, before the request is queued, with the
 *       method, encoded path, query and headers (content type included) in view; never on an
 *       OkHttp thread: a request started from a callback of another is handed to the continuation
 *       executor first.
 *   <li>Each attempt ends by its {@link CallContext#deadline()}, counted from when it was handed
 *       to the transport: time queued in OkHttp's dispatcher (beyond {@code maxRequestsPerHost})
 *       counts. OkHttp's own retry on connection failure is off.
 *   <li>The attempt's {@link CallContext#headers()} (trace context from listeners) are sent with
 *       it; the request's own headers and the credentials' win over them.
 *   <li>Cancelling a returned future cancels the OkHttp {@link Call}.
 *   <li>It only sends: an answer, whatever its status, completes the future; reading it (the
 *       adapter's {@link ErrorReader} for error answers) is the backend's, through
 *       {@link RestCalls}. Transport failures become typed exceptions that say whether the
 *       request may have been processed.
 *   <li>One OkHttpClient per transport (own dispatcher threads and connection pool), released by
 *       {@link #close()}.
 * </ul>
 */
public final class RestTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
  private static final ThreadLocal<Boolean> ON_IO_THREAD = new ThreadLocal<>();
  private static final MediaType OCTETS = MediaType.parse("application/octet-stream");
  /** RestBody.JSON, parsed once: MediaType.parse runs a regex per call. */
  private static final MediaType JSON = MediaType.parse(RestBody.JSON);

  private final String engine;
  private final HttpUrl baseUrl;
  private final Credentials credentials;
  /** What the credentials (and a password in the base URL) hold; redacted from errors and logs. */
  private final Secrets secrets;
  private final Map<String, String> defaultHeaders;
  private final List<String> requestIdHeaders;
  private final long maxResponseBytes;
  private final Executor continuationExecutor;
  private final ThreadPoolExecutor dispatcherThreads;
  private final ConnectionPool pool;
  private final OkHttpClient http;
  private volatile boolean closed;

  private RestTransport(Builder b) {
    this.engine = b.engine;
    this.baseUrl = b.baseUrl;
    this.secrets = Secrets.create();
    this.credentials = b.effectiveCredentials(secrets);
    this.defaultHeaders = Map.copyOf(b.defaultHeaders);
    this.requestIdHeaders = List.copyOf(b.requestIdHeaders);
    this.maxResponseBytes = b.maxResponseBytes;
    this.continuationExecutor = b.continuationExecutor;
    this.dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), new DaemonThreads(engine + "-http"));
    Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
    dispatcher.setMaxRequests(b.maxRequests);
    dispatcher.setMaxRequestsPerHost(b.maxRequestsPerHost);
    this.pool = new ConnectionPool(b.maxIdleConnections, b.keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    OkHttpClient.Builder ok = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(pool)
        .retryOnConnectionFailure(false) // retries belong to core's CallExecutor
        .followRedirects(b.followRedirects)
        .followSslRedirects(b.followRedirects)
        .connectTimeout(b.connectTimeout)
        .readTimeout(Duration.ZERO) // bounded by the call timeout = the attempt's deadline
        .writeTimeout(Duration.ZERO);
    if (b.customizer != null) {
      b.customizer.accept(ok);
    }
    this.http = ok.build();
    if ("http".equals(baseUrl.scheme()) && !LoopbackHosts.isLoopback(baseUrl.host())) {
      log.warn("[{}] {} is plain HTTP to a remote host: credentials travel unencrypted; use https", engine,
          baseUrl.newBuilder().encodedPath("/").build());
    }
  }

  /**
   * {@return a builder for a transport talking to {@code engine}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public static Builder builder(String engine) {
    return new Builder(engine);
  }

  /** {@return the engine} */
  public String engine() {
    return engine;
  }

  /**
   * {@return the secrets this transport's credentials hold (header values they set, secrets they named, a
   * password in the base URL), for the client to redact from what it reports}
   */
  public Secrets secrets() {
    return secrets;
  }

  /** {@return the base URL every request is relative to (without user info)} */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * Sends {@code request} once. The future completes with the answer whatever its status, or fails
   * with a typed {@link WorkflowException} when no answer came (refused, reset, timeout, closed) or
   * the request could not be built (a bad path segment, credentials that failed).
   *
   * @param ctx the context
   * @param request what to send
   * @return a future of the rest response, or failed with a WorkflowException
   */
  public CompletableFuture<RestResponse> send(CallContext ctx, RestRequest request) {
    CompletableFuture<RestResponse> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(closedError(ctx.operation(), false));
      return future;
    }
    if (Boolean.TRUE.equals(ON_IO_THREAD.get())) {
      // Chained from a response callback: leave OkHttp's thread before credentials run.
      try {
        continuationExecutor.execute(() -> start(ctx, request, future));
      } catch (RejectedExecutionException e) {
        future.completeExceptionally(closedError(ctx.operation(), false));
      }
    } else {
      start(ctx, request, future);
    }
    return future;
  }

  private void start(CallContext ctx, RestRequest request, CompletableFuture<RestResponse> future) {
    Operation op = ctx.operation();
    Request okRequest;
    AttemptTracker tracker = new AttemptTracker();
    try {
      okRequest = build(op, request, tracker, ctx.headers());
    } catch (WorkflowException e) {
      future.completeExceptionally(e);
      return;
    }
    String what = request.method() + " " + okRequest.url().encodedPath();
    Duration remaining = ctx.remaining();
    if (remaining.isZero()) {
      future.completeExceptionally(IoErrors.error(ErrorKind.TIMEOUT, engine, op,
          "the attempt deadline passed before " + what + " was sent", false, null));
      return;
    }
    Call call = http.newCall(okRequest);
    call.addEventListener(tracker);
    // The deadline runs from now, queueing in OkHttp's dispatcher included (its call timeout would
    // start only when a thread takes the call). The timeout leaves the watchdog thread at once.
    AttemptTimer timer = new AttemptTimer(() -> {
      WorkflowException timeout = deadlinePassed(op, what, tracker.requestStarted());
      call.cancel();
      failOnDispatcher(future, timeout);
    });
    timer.start(remaining);
    future.whenComplete((v, e) -> {
      timer.stop();
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    if (future.isDone()) {
      return;
    }
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        ON_IO_THREAD.set(Boolean.TRUE);
        try (response) {
          RestResponse answer;
          try {
            answer = readResponse(op, what, okRequest, response);
          } catch (IOException e) {
            future.completeExceptionally(failure(op, what, e, true));
            return;
          } catch (WorkflowException e) {
            future.completeExceptionally(e);
            return;
          }
          future.complete(answer);
        } finally {
          ON_IO_THREAD.remove();
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        ON_IO_THREAD.set(Boolean.TRUE);
        try {
          boolean sent = tracker.requestStarted();
          future.completeExceptionally(timer.fired() && !closed ? deadlinePassed(op, what, sent) : failure(op, what, e, sent));
        } finally {
          ON_IO_THREAD.remove();
        }
      }
    });
  }

  private WorkflowException deadlinePassed(Operation op, String what, boolean sent) {
    return IoErrors.error(ErrorKind.TIMEOUT, engine, op, sent
        ? "the attempt deadline passed during " + what
        : "the attempt deadline passed before " + what + " was sent (queued behind other calls or connecting)",
        sent, null);
  }

  /** Fails {@code future} on a dispatcher thread (where OkHttp's callbacks run), or here once closed. */
  private void failOnDispatcher(CompletableFuture<?> future, WorkflowException error) {
    try {
      dispatcherThreads.execute(() -> {
        ON_IO_THREAD.set(Boolean.TRUE);
        try {
          future.completeExceptionally(error);
        } finally {
          ON_IO_THREAD.remove();
        }
      });
    } catch (RejectedExecutionException closedPool) {
      future.completeExceptionally(closedError(error.operation(), error.requestMayHaveBeenProcessed()));
    }
  }

  private WorkflowException failure(Operation op, String what, IOException e, boolean sent) {
    if (closed) {
      return closedError(op, sent);
    }
    return IoErrors.map(engine, op, what, endpoint(), e, sent);
  }

  /** {@code host:port} of the base URL, an IPv6 literal in brackets. */
  private String endpoint() {
    String host = baseUrl.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + baseUrl.port();
  }

  private RestResponse readResponse(Operation op, String what, Request request, Response response) throws IOException {
    ResponseBody body = response.body();
    byte[] bytes;
    long declared = body.contentLength();
    if (declared > maxResponseBytes) {
      throw tooLarge(op, what, response, declared);
    }
    if (declared >= 0) {
      bytes = body.bytes(); // the length is known and within the limit: one allocation
    } else {
      try (InputStream in = body.byteStream()) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
      }
    }
    if (bytes.length > maxResponseBytes) {
      throw tooLarge(op, what, response, -1);
    }
    String requestId = null;
    for (String h : requestIdHeaders) {
      String v = response.header(h);
      if (v != null && !v.isBlank()) {
        requestId = v.trim();
        break;
      }
    }
    return new RestResponse(
        request.method(), request.url().encodedPath(), response.code(), response.headers(), bytes, requestId, secrets);
  }

  private WorkflowException tooLarge(Operation op, String what, Response response, long declared) {
    return ErrorKind.UNEXPECTED_RESPONSE.toException(new io.flowport.core.error.ErrorInfo(engine, op,
        String.valueOf(response.code()), null,
        "the answer to " + what + " is larger than " + maxResponseBytes + " bytes"
            + (declared > 0 ? " (" + declared + ")" : ""), null, true));
  }

  private Request build(Operation op, RestRequest request, AttemptTracker tracker, Map<String, String> wireHeaders) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : request.segments()) {
      if (segment == null || segment.isEmpty()) {
        throw Args.invalid(engine, op, "a path segment of " + request + " is null or empty");
      }
      if (segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase("%2e")
          || segment.equalsIgnoreCase("%2e%2e") || segment.equalsIgnoreCase(".%2e")
          || segment.equalsIgnoreCase("%2e.")) {
        throw Args.invalid(engine, op, "an id cannot be '.' or '..' (it would change the URL): " + segment);
      }
      url.addEncodedPathSegment(PathSegments.encode(segment));
    }
    if (request.trailingSlash()) {
      url.addPathSegment(""); // OkHttp's way to end the path with '/'
    }
    for (Map.Entry<String, String> q : request.query()) {
      url.addQueryParameter(q.getKey(), q.getValue());
    }
    HttpUrl httpUrl = url.build();

    RequestBody body = body(request);
    Headers.Builder headers = new Headers.Builder();
    try {
      wireHeaders.forEach(headers::set); // listeners' (trace context): anything below may override them
      defaultHeaders.forEach(headers::set);
      request.headers().forEach(headers::set);
    } catch (IllegalArgumentException e) {
      throw Args.invalid(engine, op, "a header of " + request + " is not valid HTTP");
    }
    if (body != null && body.contentType() != null) {
      headers.set("Content-Type", body.contentType().toString());
    } else if (body != null) {
      headers.removeAll("Content-Type");
    }
    try {
      if (credentials != Credentials.none()) { // nothing to apply: skip the per-attempt view
        credentials.apply(new OkAuthRequest(request.method(), httpUrl, headers, secrets));
      }
    } catch (WorkflowException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // OkHttp quotes a rejected header value in its message: it may be a secret, so drop both.
      throw IoErrors.error(ErrorKind.AUTHENTICATION, engine, op,
          "the credentials produced a header that is not valid HTTP", false, null);
    } catch (RuntimeException e) {
      throw IoErrors.error(ErrorKind.AUTHENTICATION, engine, op,
          "the credentials could not be applied (" + e.getClass().getSimpleName() + ")", false, e);
    }
    return new Request.Builder()
        .url(httpUrl)
        .headers(headers.build())
        .method(request.method(), body)
        .tag(AttemptTracker.class, tracker)
        .build();
  }

  private static RequestBody body(RestRequest request) {
    RestBody b = request.body();
    String method = request.method();
    boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    if (b == null) {
      return needsBody ? RequestBody.create(new byte[0], null) : null;
    }
    if (!b.isMultipart()) {
      return RequestBody.create(b.content(), mediaType(b.contentType()));
    }
    MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (RestBody.Part part : b.parts()) {
      if (part.isFile()) {
        MediaType type = part.contentType() == null ? OCTETS : MediaType.parse(part.contentType());
        multipart.addFormDataPart(part.name(), part.fileName(), RequestBody.create(part.content(), type));
      } else {
        multipart.addFormDataPart(part.name(), new String(part.content(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return multipart.build();
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    return RestBody.JSON.equals(contentType) ? JSON : MediaType.parse(contentType);
  }

  private WorkflowException closedError(Operation op, boolean processed) {
    return ClientClosedException.of(engine, op, processed);
  }

  /**
   * Cancels calls in flight (their futures fail with EngineUnavailableException "the client is
   * closed"), stops the dispatcher threads and empties the connection pool. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.dispatcher().cancelAll();
    dispatcherThreads.shutdown();
    pool.evictAll();
  }

  @Override
  public String toString() {
    return "RestTransport{" + engine + " " + baseUrl + ", " + credentials + "}";
  }

  /** Builds a {@link RestTransport}. */
  public static final class Builder {
    private final String engine;
    private HttpUrl baseUrl;
    /** A user and password given in the base URL ({@code https://user:password@host/}), or null. */
    private String urlUser;
    private String urlPassword;
    private Credentials credentials = Credentials.none();
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private final List<String> requestIdHeaders = new ArrayList<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(15);
    private int maxIdleConnections = 8;
    private int maxRequests = 128;
    private int maxRequestsPerHost = 64;
    private boolean followRedirects;
    private long maxResponseBytes = 64L * 1024 * 1024;
    private Executor continuationExecutor = ForkJoinPool.commonPool();
    private Consumer<OkHttpClient.Builder> customizer;
    private boolean allowPlaintextCredentials;

    private Builder(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
      defaultHeaders.put("Accept", "application/json");
      defaultHeaders.put("User-Agent", "flowport-java/0.1 (" + engine + ")");
    }

    /**
     * {@return the base URL, e.g. {@code https://host/flowable-rest/service}; its path is kept and request
     * segments are appended} A trailing slash is ignored. A user and password in it
     * ({@code https://user:password@host/}) become Basic credentials unless {@link #credentials} are set;
     * either way they are taken out of the URL, and the password is never shown.
     *
     * @param baseUrl the base url
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
      if (parsed == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + withoutUserInfo(baseUrl.trim()));
      }
      if (parsed.querySize() > 0 || parsed.fragment() != null) {
        throw new IllegalArgumentException("the base URL must not have a query or fragment: "
            + parsed.newBuilder().username("").password("").query(null).fragment(null).build() + "?...");
      }
      urlUser = parsed.username().isEmpty() ? null : parsed.username();
      urlPassword = parsed.password().isEmpty() ? null : parsed.password();
      parsed = parsed.newBuilder().username("").password("").build();
      List<String> segments = new ArrayList<>(parsed.pathSegments());
      while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
        segments.remove(segments.size() - 1);
      }
      HttpUrl.Builder b = parsed.newBuilder().encodedPath("/");
      segments.forEach(b::addPathSegment);
      this.baseUrl = b.build();
      return this;
    }

    /**
     * Sets the credentials. Over plain {@code http://} to a host other than this machine's (loopback:
     * {@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) they would travel readable by anyone on
     * the way, so {@link #build()} refuses them unless {@link #allowPlaintextCredentials()}.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Lets credentials go over plain {@code http://} to a remote host (a network you trust end to
     * end, or TLS ended by a proxy beside the client); {@link #build()} then only warns. Without it
     * such a transport is refused; loopback hosts and {@code https://} need nothing.
     *
     * @return this builder
     */
    public Builder allowPlaintextCredentials() {
      this.allowPlaintextCredentials = true;
      return this;
    }

    /**
     * {@return a header sent on every request ({@code Accept: application/json} and a User-Agent are preset)}
     *
     * @param name the name
     * @param value the value
     */
    public Builder defaultHeader(String name, String value) {
      defaultHeaders.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Response headers that carry a request id, tried in order (names in any case); none by
     * default: each adapter names its engine's (OBS {@code x-obs-request-id}). The first one
     * present is {@link RestResponse#requestId()}.
     *
     * @param names the names
     * @return this builder
     */
    public Builder requestIdHeaders(String... names) {
      requestIdHeaders.clear();
      for (String n : names) {
        requestIdHeaders.add(Objects.requireNonNull(n, "name == null"));
      }
      return this;
    }

    /**
     * {@return the TCP connect timeout; 10 s by default} Reads are bounded by the attempt deadline.
     *
     * @param timeout how long to wait
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * {@return how long an idle connection is kept; 15 s by default, below common server keep-alive
     * timeouts (Tomcat 20 s), so a pooled connection is rarely found closed by the server}
     *
     * @param keepAlive the keep alive
     * @param maxIdleConnections the max idle connections
     */
    public Builder keepAlive(Duration keepAlive, int maxIdleConnections) {
      this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive == null");
      this.maxIdleConnections = maxIdleConnections;
      return this;
    }

    /**
     * Calls in flight at once, in all and per host; 128 and 64 by default.
     *
     * @param maxRequests the max requests
     * @param maxRequestsPerHost the max requests per host
     * @return this builder
     */
    public Builder maxRequests(int maxRequests, int maxRequestsPerHost) {
      this.maxRequests = maxRequests;
      this.maxRequestsPerHost = maxRequestsPerHost;
      return this;
    }

    /**
     * {@return whether redirects are followed; off by default (an API answering 3xx is misconfigured)}
     *
     * @param follow the follow
     */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /**
     * {@return the largest body read; larger answers fail with UnexpectedResponseException} 64 MiB by default.
     *
     * @param max the max
     */
    public Builder maxResponseBytes(long max) {
      this.maxResponseBytes = max;
      return this;
    }

    /**
     * {@return where a request started from a response callback is prepared (so credentials never run on an
     * OkHttp thread); the common pool by default} Clients pass their callback executor.
     *
     * @param executor the executor
     */
    public Builder continuationExecutor(Executor executor) {
      this.continuationExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Last-word access to OkHttp's builder (TLS trust, proxies); do not set the dispatcher or pool.
     *
     * @param customizer the customizer
     * @return this builder
     */
    public Builder configure(Consumer<OkHttpClient.Builder> customizer) {
      this.customizer = customizer;
      return this;
    }

    /** The credentials to apply: the ones set, else Basic from the base URL's user info, else none. */
    private Credentials effectiveCredentials(Secrets secrets) {
      secrets.add(urlPassword);
      if (credentials == Credentials.none() && (urlUser != null || urlPassword != null)) {
        return Credentials.basic(urlUser == null ? "" : urlUser, urlPassword == null ? "" : urlPassword);
      }
      return credentials;
    }

    /** {@code text} with anything between "://" and the last '@' before the host cut out (an unparsable URL). */
    private static String withoutUserInfo(String text) {
      int scheme = text.indexOf("://");
      int at = text.lastIndexOf('@');
      int slash = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
      if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
        return text.substring(0, scheme + 3) + "***@" + text.substring(at + 1);
      }
      return text;
    }

    /**
     * {@return the transport}
     *
     * @throws IllegalStateException without a base URL, or with credentials over plain {@code http://}
     *     to a remote host unless {@link #allowPlaintextCredentials()}
     */
    public RestTransport build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      boolean hasCredentials = credentials != Credentials.none() || urlUser != null || urlPassword != null;
      if (hasCredentials && !allowPlaintextCredentials
          && "http".equals(baseUrl.scheme()) && !LoopbackHosts.isLoopback(baseUrl.host())) {
        throw new IllegalStateException("[" + engine + "] credentials would travel unencrypted over plain HTTP to "
            + baseUrl.host() + ": use https or allowPlaintextCredentials()");
      }
      return new RestTransport(this);
    }
  }
}
