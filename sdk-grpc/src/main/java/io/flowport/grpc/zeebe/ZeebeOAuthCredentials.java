package io.flowport.grpc.zeebe;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.JsonValues;
import io.flowport.core.spi.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth 2 client credentials, as Camunda SaaS and self-managed Identity want them: the token is
 * fetched from the token URL ({@code grant_type=client_credentials}, client id, secret, audience,
 * optional scope), cached until shortly before it expires, then refreshed; each gRPC attempt carries
 * {@code authorization: Bearer <token>}. Thread-safe: concurrent attempts share one fetch. The
 * secret and the token never appear in {@code toString}, logs or exception messages.
 */
public final class ZeebeOAuthCredentials implements Credentials {
  static final Operation FETCH_TOKEN = Operation.of("fetch oauth token", true);

  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  /** The client secret in every form it may be quoted back in, for {@link #scrub}. */
  private final Secrets ownSecret = Secrets.create();
  private final String audience;
  private final String scope;
  private final Duration refreshMargin;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient http;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile Token token;

  private record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token(hidden, expires " + expiresAt + ")";
    }
  }

  private ZeebeOAuthCredentials(Builder b) {
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.ownSecret.add(clientSecret);
    this.audience = b.audience;
    this.scope = b.scope;
    this.refreshMargin = b.refreshMargin;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.requestTimeout).build();
  }

  /**
   * Credentials fetched from {@code tokenUrl} (e.g. {@code https://login.cloud.camunda.io/oauth/token}).
   *
   * @param tokenUrl the token url
   * @return a new builder
   */
  public static Builder builder(String tokenUrl) {
    return new Builder(URI.create(Objects.requireNonNull(tokenUrl, "tokenUrl == null")));
  }

  @Override
  public void apply(AuthRequest request) {
    request.addSecret(clientSecret); // before the fetch, whose failure might quote it
    request.setHeader("authorization", "Bearer " + currentToken());
  }

  /**
   * Token fetches so far (for tests and metrics).
   *
   * @return the fetch count
   */
  public int fetchCount() {
    return fetches.get();
  }

  /** Forgets the cached token, so the next attempt fetches a new one. */
  public void invalidate() {
    token = null;
  }

  String currentToken() {
    Token t = token;
    if (fresh(t)) {
      return t.value();
    }
    lock.lock();
    try {
      t = token;
      if (!fresh(t)) {
        t = fetch();
        token = t;
      }
      return t.value();
    } finally {
      lock.unlock();
    }
  }

  private boolean fresh(Token t) {
    return t != null && clock.instant().isBefore(t.expiresAt().minus(refreshMargin));
  }

  private Token fetch() {
    fetches.incrementAndGet();
    StringBuilder form = new StringBuilder("grant_type=client_credentials")
        .append("&client_id=").append(enc(clientId))
        .append("&client_secret=").append(enc(clientSecret));
    if (audience != null) {
      form.append("&audience=").append(enc(audience));
    }
    if (scope != null) {
      form.append("&scope=").append(enc(scope));
    }
    HttpRequest request = HttpRequest.newBuilder(tokenUrl)
        .timeout(requestTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
        .build();
    Instant sent = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // The cause may be a ConnectException: kept (it holds no secret) so a refused connection is retried.
      throw error(ErrorKind.UNAVAILABLE, null, "token endpoint " + tokenUrl + " unreachable: "
          + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error(ErrorKind.UNAVAILABLE, null, "interrupted while fetching a token", null);
    }
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    if (status / 100 != 2) {
      String why = body == null ? "" : ": " + scrub(text(body, "error")) + describe(text(body, "error_description"));
      ErrorKind kind = status >= 500 || status == 429 ? ErrorKind.UNAVAILABLE : ErrorKind.AUTHENTICATION;
      throw error(kind, Integer.toString(status), "token endpoint " + tokenUrl + " answered " + status + why, null);
    }
    String accessToken = body == null ? null : text(body, "access_token");
    if (accessToken == null || accessToken.isBlank()) {
      throw error(ErrorKind.AUTHENTICATION, Integer.toString(status),
          "token endpoint " + tokenUrl + " sent no access_token", null);
    }
    long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong(300) : 300;
    return new Token(accessToken, sent.plusSeconds(Math.max(0, expiresIn)));
  }

  private String describe(String description) {
    return description == null ? "" : " (" + scrub(description) + ")";
  }

  /** Never echo the secret, even if the endpoint quotes it back. */
  private String scrub(String s) {
    if (s == null) {
      return "";
    }
    String out = ownSecret.redact(s); // the secret as given and URL-encoded, as the form sends it
    return out.length() > 200 ? out.substring(0, 200) + "..." : out;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode n = JsonValues.MAPPER.readTree(body);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static WorkflowException error(ErrorKind kind, String status, String message, Throwable cause) {
    return kind.toException(new ErrorInfo(ZeebeErrors.ENGINE, FETCH_TOKEN, status, null, message, null, false), cause);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ZeebeOAuthCredentials{tokenUrl=" + tokenUrl + ", clientId=" + clientId
        + (audience == null ? "" : ", audience=" + audience) + ", secret hidden}";
  }

  /** Builds {@link ZeebeOAuthCredentials}. */
  public static final class Builder {
    private final URI tokenUrl;
    private String clientId;
    private String clientSecret;
    private String audience;
    private String scope;
    private Duration refreshMargin = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private HttpClient http;

    private Builder(URI tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    /**
     * Sets the client id.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Sets the client secret.
     *
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /**
     * {@return the audience, e.g. {@code zeebe.camunda.io}}
     *
     * @param audience the audience
     */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /**
     * Sets the scope.
     *
     * @param scope the scope
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * Refresh this long before the token expires; 30 s by default.
     *
     * @param margin the margin
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      this.refreshMargin = Objects.requireNonNull(margin, "margin == null");
      return this;
    }

    /**
     * Connect and request timeout of the token call; 10 s by default.
     *
     * @param timeout how long to wait
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * {@return the clock used for expiry (tests)}
     *
     * @param clock the clock
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * {@return the HTTP client to use; by default one is made (the JDK's client keeps a selector thread)}
     *
     * @param http the http
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http == null");
      return this;
    }

    /** {@return the build} */
    public ZeebeOAuthCredentials build() {
      if (clientId == null || clientSecret == null) {
        throw new IllegalStateException("clientId and clientSecret are required");
      }
      return new ZeebeOAuthCredentials(this);
    }
  }
}
