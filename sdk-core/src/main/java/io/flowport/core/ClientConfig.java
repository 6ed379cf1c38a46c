package io.flowport.core;

import io.flowport.core.auth.Credentials;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client described as data: which engine, where, with which credentials, options and
 * engine-specific settings (e.g. {@code "tenant"}, {@code "region"}). Credentials never show in
 * {@code toString}.
 */
public final class ClientConfig {
  private final String engine;
  private final String endpoint;
  private final Credentials credentials;
  private final ClientOptions options;
  private final Map<String, String> settings;

  private ClientConfig(Builder b) {
    this.engine = b.engine;
    this.endpoint = b.endpoint;
    this.credentials = b.credentials;
    this.options = b.options;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
  }

  /**
   * Sets the builder.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @return a new builder
   */
  public static Builder builder(String engine) {
    return new Builder(engine);
  }

  /** {@return the engine} */
  public String engine() {
    return engine;
  }

  /** {@return the engine's address: a base URL for REST engines, host:port for Zeebe} */
  public String endpoint() {
    return endpoint;
  }

  /** {@return the credentials} */
  public Credentials credentials() {
    return credentials;
  }

  /** {@return the options} */
  public ClientOptions options() {
    return options;
  }

  /**
   * Engine-specific settings; see each adapter.
   *
   * @return the settings
   */
  public Map<String, String> settings() {
    return settings;
  }

  /**
   * {@return one setting, or {@code fallback}}
   *
   * @param name the name
   * @param fallback the fallback
   */
  public String setting(String name, String fallback) {
    return settings.getOrDefault(name, fallback);
  }

  @Override
  public String toString() {
    return "ClientConfig{engine=" + engine + ", endpoint=" + endpoint + ", credentials=" + credentials
        + ", settings=" + settings.keySet() + "}";
  }

  /** Builds a {@link ClientConfig}. */
  public static final class Builder {
    private final String engine;
    private String endpoint;
    private Credentials credentials = Credentials.none();
    private ClientOptions options = ClientOptions.defaults();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
    }

    /**
     * Sets the endpoint.
     *
     * @param endpoint the endpoint
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /**
     * Sets the credentials.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Sets the options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Adds one engine setting, as it would appear in a configuration file.
     *
     * @param name the setting's name; unknown names fail when the client is created
     * @param value the setting's value, as text
     * @return this builder
     */
    public Builder setting(String name, String value) {
      settings.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** {@return the build} */
    public ClientConfig build() {
      return new ClientConfig(this);
    }
  }
}
