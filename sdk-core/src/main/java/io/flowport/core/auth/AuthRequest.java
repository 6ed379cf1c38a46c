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
}
