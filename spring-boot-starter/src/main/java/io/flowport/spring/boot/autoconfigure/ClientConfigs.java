package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.CallListener;
import io.flowport.core.ClientConfig;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.WorkflowClientProvider;
import io.flowport.spring.boot.autoconfigure.FlowportProperties.TestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns one {@code flowport.clients.<name>} entry into a {@link ClientConfig}, refusing what is
 * missing or wrong with the property's full name and a reason (Spring Boot prints both at start).
 * Secrets never appear in a message.
 */
final class ClientConfigs {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ClientConfigs() {}

  /** Checks {@code client} without making anything: what start-up calls before any bean exists. */
  static void validate(String name, FlowportProperties.Client client, TestEngine testEngine) {
    if (!NAME.matcher(name).matches()) {
      throw invalid(name, "", name, "a client name starts with a letter and has only letters, digits, '-' and '_'");
    }
    String engine = client.getEngine();
    if (engine == null || engine.isBlank()) {
      throw invalid(name, "engine", engine, "the engine is required, one of " + knownEngines() + " on the class path");
    }
    if (testEngine == TestEngine.NONE && knownEngines().stream().noneMatch(engine::equalsIgnoreCase)) {
      throw invalid(name, "engine", engine, "no adapter for this engine on the class path; found " + knownEngines()
          + " (flowport-sdk-rest has flowable, flowport-sdk-grpc has zeebe)");
    }
    config(name, client, List.of());
  }

  /** The config of client {@code name}, with {@code listeners} on its options. */
  static ClientConfig config(String name, FlowportProperties.Client client, List<CallListener> listeners) {
    ClientConfig.Builder b = ClientConfig.builder(client.getEngine().trim().toLowerCase(Locale.ROOT));
    String endpoint = client.getEndpoint();
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpoint(endpoint.trim());
    }
    b.credentials(credentials(name, client.getCredentials()));
    b.options(options(name, client, listeners));
    for (Map.Entry<String, String> s : client.getSettings().entrySet()) {
      if (s.getValue() == null) {
        throw invalid(name, "settings." + s.getKey(), null, "a setting needs a value");
      }
      b.setting(s.getKey(), s.getValue());
    }
    return b.build();
  }

  /** Whether the endpoint is set; only a test engine can do without one. */
  static void requireEndpoint(String name, FlowportProperties.Client client) {
    if (client.getEndpoint() == null || client.getEndpoint().isBlank()) {
      throw invalid(name, "endpoint", client.getEndpoint(),
          "the endpoint is required: a base URL for REST engines, host:port for Zeebe");
    }
  }

  static List<String> knownEngines() {
    List<String> known = new ArrayList<>();
    for (WorkflowClientProvider provider : ServiceLoader.load(WorkflowClientProvider.class)) {
      known.add(provider.engine());
    }
    return known;
  }

  private static Credentials credentials(String name, FlowportProperties.Credentials c) {
    boolean basic = c.getUsername() != null || c.getPassword() != null;
    boolean token = c.getToken() != null;
    boolean header = c.getHeaderName() != null || c.getHeaderValue() != null;
    if ((basic ? 1 : 0) + (token ? 1 : 0) + (header ? 1 : 0) > 1) {
      throw invalid(name, "credentials", null,
          "set only one of: username and password, token, or header-name and header-value");
    }
    if (basic) {
      if (blank(c.getUsername()) || c.getPassword() == null) {
        throw invalid(name, blank(c.getUsername()) ? "credentials.username" : "credentials.password", null,
            "basic credentials need both username and password");
      }
      return Credentials.basic(c.getUsername(), c.getPassword());
    }
    if (token) {
      if (blank(c.getToken())) {
        throw invalid(name, "credentials.token", null, "the token must not be blank");
      }
      String value = c.getToken();
      return Credentials.bearer(() -> value);
    }
    if (header) {
      if (blank(c.getHeaderName()) || blank(c.getHeaderValue())) {
        throw invalid(name, blank(c.getHeaderName()) ? "credentials.header-name" : "credentials.header-value", null,
            "header credentials need both header-name and header-value");
      }
      try {
        return Credentials.header(c.getHeaderName(), c.getHeaderValue());
      } catch (IllegalArgumentException e) {
        throw invalid(name, "credentials.header-name", c.getHeaderName(), "not a usable header name");
      }
    }
    return Credentials.none();
  }

  private static ClientOptions options(String name, FlowportProperties.Client client, List<CallListener> listeners) {
    ClientOptions.Builder b = ClientOptions.builder();
    set(name, "attempt-timeout", client.getAttemptTimeout(), b::attemptTimeout);
    set(name, "api-call-timeout", client.getApiCallTimeout(), b::apiCallTimeout);
    FlowportProperties.Retry r = client.getRetry();
    RetryPolicy.Builder retry = RetryPolicy.builder();
    set(name, "retry.max-attempts", r.getMaxAttempts(), retry::maxAttempts);
    set(name, "retry.base-delay", r.getBaseDelay(), retry::baseDelay);
    set(name, "retry.back-pressure-base-delay", r.getBackPressureBaseDelay(), retry::backPressureBaseDelay);
    set(name, "retry.max-delay", r.getMaxDelay(), retry::maxDelay);
    set(name, "retry.multiplier", r.getMultiplier(), retry::multiplier);
    set(name, "retry.jitter", r.getJitter(), retry::jitter);
    b.retryPolicy(retry.build());
    listeners.forEach(b::listener);
    return b.build();
  }

  /** Applies {@code value} when set; what the SDK refuses becomes a property error. */
  private static <T> void set(String name, String property, T value, Consumer<T> setter) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name, property, value, e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static InvalidConfigurationPropertyValueException invalid(String client, String property, Object value, String reason) {
    String full = FlowportProperties.PREFIX + ".clients." + client + (property.isEmpty() ? "" : "." + property);
    return new InvalidConfigurationPropertyValueException(full, value, reason);
  }
}
