package io.flowport.rest.internal;

import io.flowport.core.auth.AuthRequest;
import io.flowport.core.spi.Secrets;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The view of an OkHttp request that {@link io.flowport.core.auth.Credentials} sign or add headers to. */
public final class OkAuthRequest implements AuthRequest {
  private final String method;
  private final HttpUrl url;
  private final Headers.Builder headers;
  /** The transport's: every header value the credentials set, and every secret they name, is redacted. */
  private final Secrets secrets;

  public OkAuthRequest(String method, HttpUrl url, Headers.Builder headers, Secrets secrets) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.secrets = secrets;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return url.encodedPath();
  }

  @Override
  public String query() {
    String q = url.encodedQuery();
    return q == null ? "" : q;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public void setHeader(String name, String value) {
    if (value != null) {
      secrets.addHeader(name, value); // before set(), whose message would quote a value it rejects
    }
    headers.set(name, value);
  }

  @Override
  public void addSecret(String secret) {
    secrets.add(secret);
  }

  @Override
  public String toString() {
    return method + " " + url.encodedPath(); // never headers: they hold secrets
  }
}
