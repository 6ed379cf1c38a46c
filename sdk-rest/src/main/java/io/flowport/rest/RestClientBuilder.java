package io.flowport.rest;

import io.flowport.core.ClientOptions;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallbackThreads;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The base of every REST adapter's client builder: base URL, credentials, options and the
 * user's transport customisation, the same for every REST engine. The adapter adds its own
 * settings and makes the client in {@link #create}.
 *
 * <p>The user's {@link #transport(Consumer)} customisation runs first; the adapter's
 * {@link #adapterTransport(RestTransport.Builder)} runs after it, so what the adapter must decide
 * (its request-id headers, its default headers) cannot be replaced. Error reading is not a
 * transport setting at all: the backend owns it ({@link RestCalls}).
 *
 * <pre>{@code
 * public static final class Builder extends RestClientBuilder<Builder, AcmeClient> {
 *   private Builder() { super("acme"); }
 *
 *   protected void adapterTransport(RestTransport.Builder transport) {
 *     transport.requestIdHeaders("x-acme-request-id");
 *   }
 *
 *   protected AcmeClient create(RestTransport transport, ClientOptions options) {
 *     return new AcmeClient(new AcmeBackend(new RestCalls(transport, AcmeErrors.READER)), options);
 *   }
 * }
 * }</pre>
 *
 * @param <SELF> the adapter's builder
 * @param <C> the client it builds
 */
public abstract class RestClientBuilder<SELF extends RestClientBuilder<SELF, C>, C> {
  private final String engine;
  private String baseUrl;
  private Credentials credentials = Credentials.none();
  private ClientOptions options = ClientOptions.defaults();
  private Consumer<RestTransport.Builder> customizer;

  /**
   * A builder of clients for {@code engine}.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  protected RestClientBuilder(String engine) {
    this.engine = Objects.requireNonNull(engine, "engine == null");
  }

  /**
   * {@return where the engine's REST API lives; its path is kept and request paths are appended} Required.
   *
   * @param baseUrl the base url
   */
  public SELF baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    return self();
  }

  /**
   * {@return how requests authenticate; none by default}
   *
   * @param credentials the credentials
   */
  public SELF credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    return self();
  }

  /**
   * Retries, timeouts, listeners and the callback executor.
   *
   * @param options the options
   * @return the self
   */
  public SELF options(ClientOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return self();
  }

  /**
   * Access to the HTTP transport's settings (connect timeout, pool, redirects, TLS through
   * OkHttp). It cannot change what the adapter decides (see the class comment).
   *
   * @param customizer the customizer
   * @return the self
   */
  public SELF transport(Consumer<RestTransport.Builder> customizer) {
    this.customizer = Objects.requireNonNull(customizer, "customizer == null");
    return self();
  }

  /**
   * {@return the client} The transport it makes is closed again if making the client fails.
   *
   * @throws IllegalStateException without a base URL, or when the adapter's settings conflict
   * @throws IllegalArgumentException when the base URL is not an http(s) URL
   */
  public final C build() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is required");
    }
    validate();
    // Without a user executor the client's own callback threads serve the transport too; they
    // exist before the client, which then owns them (its CallExecutor stops them on close).
    CallbackThreads own = options.hasCallbackExecutor() ? null : CallbackThreads.create(engine);
    ClientOptions effective = own == null ? options : options.toBuilder().callbackExecutor(own).build();
    RestTransport built;
    try {
      RestTransport.Builder transport = RestTransport.builder(engine)
          .baseUrl(baseUrl)
          .credentials(credentials)
          .continuationExecutor(effective.callbackExecutor());
      if (customizer != null) {
        customizer.accept(transport);
      }
      adapterTransport(transport);
      built = transport.build();
    } catch (RuntimeException | Error e) {
      closeQuietly(own);
      throw e;
    }
    try {
      return create(built, effective);
    } catch (RuntimeException | Error e) {
      built.close();
      closeQuietly(own);
      throw e;
    }
  }

  private static void closeQuietly(CallbackThreads threads) {
    if (threads != null) {
      threads.close();
    }
  }

  /** The adapter's own checks of its settings, before anything is made; nothing by default. */
  protected void validate() {}

  /**
   * The adapter's transport settings, applied after the user's customisation; nothing by default.
   *
   * @param transport the transport
   */
  protected void adapterTransport(RestTransport.Builder transport) {}

  /**
   * Makes the client over {@code transport}, which it then owns.
   *
   * @param transport the transport
   * @param options the options
   * @return the c
   */
  protected abstract C create(RestTransport transport, ClientOptions options);

  /** {@return the credentials given, for adapters that need them beside the transport} */
  protected final Credentials credentials() {
    return credentials;
  }

  /** {@return this builder, typed as the adapter's} */
  @SuppressWarnings("unchecked")
  protected final SELF self() {
    return (SELF) this;
  }
}
