package io.flowport.core.auth;

/**
 * The view of one outgoing request that {@link Credentials} may read and add headers to.
 * REST adapters give the method, path, query and content headers so signers (OBS) can sign;
 * the gRPC adapter gives the full method name as the path.
 */
public interface AuthRequest {
  /**
   * HTTP method, or {@code "POST"} for gRPC.
   *
   * @return the method
   */
  String method();

  /** {@return the encoded path (REST) or {@code /service/method} (gRPC)} */
  String path();

  /** {@return the raw encoded query string without '?', or empty} */
  String query();

  /**
   * {@return a header already set on the request, or null}
   *
   * @param name the name
   */
  String header(String name);

  /**
   * Sets (replaces) a header.
   *
   * @param name the name
   * @param value the value
   */
  void setHeader(String name, String value);

  /**
   * Tells the client that {@code secret} is a secret these credentials hold although it may never go
   * on the wire as is (a signing key, an OAuth client secret, an app secret inside a JSON header), so
   * that the client redacts it from every message, cause and log line. Header values set through
   * {@link #setHeader} are redacted without this. Call it before anything that may fail with the
   * secret in its message.
   *
   * @param secret the secret; null, blank and values under four characters are ignored
   */
  default void addSecret(String secret) {}
}
