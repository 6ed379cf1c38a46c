package io.flowport.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code flowport.*} settings: one entry under {@code flowport.clients} per engine client.
 *
 * <pre>{@code
 * flowport:
 *   clients:
 *     orders:
 *       engine: flowable
 *       endpoint: http://flowable:8080/flowable-rest/service
 *       credentials: { username: rest-admin, password: ${FLOWABLE_PASSWORD} }
 *       attempt-timeout: 10s
 *       retry: { max-attempts: 5, base-delay: 200ms }
 *     payments:
 *       engine: zeebe
 *       endpoint: zeebe:26500
 *       settings: { plaintext: "true" }
 * }</pre>
 */
@ConfigurationProperties("flowport")
public class FlowportProperties {
  /** The property prefix. */
  public static final String PREFIX = "flowport";

  private Map<String, Client> clients = new LinkedHashMap<>();
  private TestEngine testEngine = TestEngine.NONE;
  private final Metrics metrics = new Metrics();
  private final Tracing tracing = new Tracing();

  /** {@return the clients by name; each becomes a WorkflowClient and a SyncWorkflowClient bean} */
  public Map<String, Client> getClients() {
    return clients;
  }

  /**
   * Sets the clients by name.
   *
   * @param clients the clients
   */
  public void setClients(Map<String, Client> clients) {
    this.clients = clients;
  }

  /** {@return what the clients talk to in tests; {@link TestEngine#NONE} (their engines) by default} */
  public TestEngine getTestEngine() {
    return testEngine;
  }

  /**
   * Sets what the clients talk to in tests.
   *
   * @param testEngine the test engine
   */
  public void setTestEngine(TestEngine testEngine) {
    this.testEngine = testEngine;
  }

  /**
   * Micrometer settings, used when Micrometer and flowport-micrometer are present.
   *
   * @return the metrics
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * OpenTelemetry settings, used when OpenTelemetry and flowport-opentelemetry are present.
   *
   * @return the tracing
   */
  public Tracing getTracing() {
    return tracing;
  }

  /** Swaps every client's engine for a test one. */
  public enum TestEngine {
    /** The configured engines. */
    NONE,
    /** One shared in-memory engine, no sockets (needs flowport-testkit). */
    IN_MEMORY,
    /** A wire fake per client, reached over a local socket by the real adapter (needs flowport-testkit-fakes). */
    FAKE
  }

  /** One client. */
  public static class Client {
    private String engine;
    private String endpoint;
    private final Credentials credentials = new Credentials();
    private Duration attemptTimeout;
    private Duration apiCallTimeout;
    private final Retry retry = new Retry();
    private Map<String, String> settings = new LinkedHashMap<>();

    /** {@return the engine: {@code zeebe}, {@code flowable}, or another adapter's name} */
    public String getEngine() {
      return engine;
    }

    /**
     * Sets the engine.
     *
     * @param engine the engine's name, e.g. {@code "zeebe"}
     */
    public void setEngine(String engine) {
      this.engine = engine;
    }

    /** {@return a base URL for REST engines, {@code host:port} for Zeebe} */
    public String getEndpoint() {
      return endpoint;
    }

    /**
     * Sets the endpoint.
     *
     * @param endpoint the endpoint
     */
    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }

    /** {@return how the client authenticates; none by default} */
    public Credentials getCredentials() {
      return credentials;
    }

    /** {@return the longest one attempt may take; the SDK's default (30 s) when unset} */
    public Duration getAttemptTimeout() {
      return attemptTimeout;
    }

    /**
     * Sets the attempt timeout.
     *
     * @param attemptTimeout the attempt timeout
     */
    public void setAttemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
    }

    /**
     * {@return the longest a whole call may take, retries included; the SDK's default (2 min) when unset}
     */
    public Duration getApiCallTimeout() {
      return apiCallTimeout;
    }

    /**
     * Sets the whole-call timeout.
     *
     * @param apiCallTimeout the api call timeout
     */
    public void setApiCallTimeout(Duration apiCallTimeout) {
      this.apiCallTimeout = apiCallTimeout;
    }

    /** {@return how failed calls are repeated; the SDK's defaults for what is unset} */
    public Retry getRetry() {
      return retry;
    }

    /**
     * Engine-specific settings (e.g. Zeebe's {@code plaintext}, {@code trustCertificates}).
     *
     * @return the settings
     */
    public Map<String, String> getSettings() {
      return settings;
    }

    /**
     * Sets the engine-specific settings.
     *
     * @param settings the settings
     */
    public void setSettings(Map<String, String> settings) {
      this.settings = settings;
    }
  }

  /** One of: username and password (basic), a bearer token, or a header name and value. */
  public static class Credentials {
    private String username;
    private String password;
    private String token;
    private String headerName;
    private String headerValue;

    /** {@return the basic-auth user} */
    public String getUsername() {
      return username;
    }

    /**
     * Sets the basic-auth user.
     *
     * @param username the username
     */
    public void setUsername(String username) {
      this.username = username;
    }

    /** {@return the basic-auth password} */
    public String getPassword() {
      return password;
    }

    /**
     * Sets the basic-auth password.
     *
     * @param password the password (never logged)
     */
    public void setPassword(String password) {
      this.password = password;
    }

    /** {@return a bearer token} */
    public String getToken() {
      return token;
    }

    /**
     * Sets the bearer token.
     *
     * @param token the token
     */
    public void setToken(String token) {
      this.token = token;
    }

    /** {@return the name of a header carrying a secret (e.g. an API key)} */
    public String getHeaderName() {
      return headerName;
    }

    /**
     * Sets the header name.
     *
     * @param headerName the header name
     */
    public void setHeaderName(String headerName) {
      this.headerName = headerName;
    }

    /** {@return the secret value of that header} */
    public String getHeaderValue() {
      return headerValue;
    }

    /**
     * Sets the header's secret value.
     *
     * @param headerValue the header value
     */
    public void setHeaderValue(String headerValue) {
      this.headerValue = headerValue;
    }

    @Override
    public String toString() {
      return "Credentials{username=" + username + ", password=" + (password == null ? null : "***")
          + ", token=" + (token == null ? null : "***") + ", headerName=" + headerName + "}";
    }
  }

  /** Retry settings; each unset one keeps the SDK's default. */
  public static class Retry {
    private Integer maxAttempts;
    private Duration baseDelay;
    private Duration backPressureBaseDelay;
    private Duration maxDelay;
    private Double multiplier;
    private Double jitter;

    /**
     * Attempts in all, the first included (1: never repeat).
     *
     * @return the max attempts
     */
    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts in all.
     *
     * @param maxAttempts the max attempts
     */
    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@return the first backoff delay} */
    public Duration getBaseDelay() {
      return baseDelay;
    }

    /**
     * Sets the first backoff delay.
     *
     * @param baseDelay the base delay
     */
    public void setBaseDelay(Duration baseDelay) {
      this.baseDelay = baseDelay;
    }

    /** {@return the first backoff delay after the engine pushed back} */
    public Duration getBackPressureBaseDelay() {
      return backPressureBaseDelay;
    }

    /**
     * Sets the first backoff delay after back pressure.
     *
     * @param backPressureBaseDelay the back pressure base delay
     */
    public void setBackPressureBaseDelay(Duration backPressureBaseDelay) {
      this.backPressureBaseDelay = backPressureBaseDelay;
    }

    /** {@return the longest backoff delay} */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    /**
     * Sets the longest backoff delay.
     *
     * @param maxDelay the max delay
     */
    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    /** {@return the growth of the delay per attempt} */
    public Double getMultiplier() {
      return multiplier;
    }

    /**
     * Sets the growth of the delay per attempt.
     *
     * @param multiplier the multiplier
     */
    public void setMultiplier(Double multiplier) {
      this.multiplier = multiplier;
    }

    /** {@return the randomised fraction of each delay, 0 to 1} */
    public Double getJitter() {
      return jitter;
    }

    /**
     * Sets the randomised fraction of each delay.
     *
     * @param jitter the jitter
     */
    public void setJitter(Double jitter) {
      this.jitter = jitter;
    }
  }

  /** Metrics settings. */
  public static class Metrics {
    private boolean enabled = true;
    private List<Double> percentiles = new ArrayList<>();
    private boolean percentileHistogram;
    private List<Duration> slo = new ArrayList<>();

    /** {@return whether clients record metrics when a MeterRegistry bean exists; true by default} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether clients record metrics.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Client-side percentiles of the call and attempt timers, e.g. {@code 0.5, 0.99}.
     *
     * @return the percentiles
     */
    public List<Double> getPercentiles() {
      return percentiles;
    }

    /**
     * Sets the percentiles.
     *
     * @param percentiles the percentiles
     */
    public void setPercentiles(List<Double> percentiles) {
      this.percentiles = percentiles;
    }

    /** {@return whether the timers publish a histogram for server-side percentiles} */
    public boolean isPercentileHistogram() {
      return percentileHistogram;
    }

    /**
     * Sets whether the timers publish a histogram.
     *
     * @param percentileHistogram the percentile histogram
     */
    public void setPercentileHistogram(boolean percentileHistogram) {
      this.percentileHistogram = percentileHistogram;
    }

    /**
     * Histogram buckets (service level objectives) of the timers, e.g. {@code 100ms, 1s}.
     *
     * @return the slo
     */
    public List<Duration> getSlo() {
      return slo;
    }

    /**
     * Sets the service level objectives.
     *
     * @param slo the slo
     */
    public void setSlo(List<Duration> slo) {
      this.slo = slo;
    }
  }

  /** Tracing settings. */
  public static class Tracing {
    private boolean enabled = true;

    /** {@return whether clients make spans when an OpenTelemetry bean exists; true by default} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether clients make spans.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
