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
 * <p>TLS: an {@code https://} base URL is checked against the JDK's trusted authorities; another
 * trust store goes in through OkHttp, {@code transport(t -> t.configure(ok -> ok.sslSocketFactory(factory,
 * trustManager)))}. A server certificate that fails a check (not trusted, for another host name,
 * expired, not yet valid) fails the call at once with {@link io.flowport.core.error.TlsException},
 * whose {@code check()} says which; it is not retried, since the same certificate fails the same
 * way. Credentials are refused over plain {@code http://} to a remote host unless
 * {@link #allowPlaintextCredentials()}.
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
  private boolean allowPlaintextCredentials;

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
   * {@return how requests authenticate; none by default} Over plain {@code http://} to a remote host
   * they are refused unless {@link #allowPlaintextCredentials()}.
   *
   * @param credentials the credentials
   */
  public SELF credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    return self();
  }

  /**
   * Lets the credentials go over plain {@code http://} to a remote host: only for a network trusted
   * end to end (or TLS ended by a proxy beside the client). Without it {@link #build()} refuses
   * credentials (any but {@link Credentials#none()}, the adapter's own such as bk-sops' app secret
   * or OBS' keys included) over {@code http://} to a host other than this machine's; loopback hosts
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), where fakes and tests run, and
   * {@code https://} need nothing. With it the client builds and logs a warning.
   *
   * @return the self
   */
  public SELF allowPlaintextCredentials() {
    this.allowPlaintextCredentials = true;
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
   * @throws IllegalStateException without a base URL, when the adapter's settings conflict, or with
   *     credentials over plain {@code http://} to a remote host (see {@link #allowPlaintextCredentials()})
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
      if (allowPlaintextCredentials) {
        transport.allowPlaintextCredentials();
      }
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
