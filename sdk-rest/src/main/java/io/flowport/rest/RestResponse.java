package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.core.spi.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the engine answered: status, headers and the whole body, read before the future
 * completes. Readers may call {@link #json()}; when the body is not what they expect they just
 * throw, and {@link RestCalls} turns that into UnexpectedResponseException with an excerpt.
 */
public final class RestResponse {
  private final String method;
  private final String path;
  private final int status;
  /** OkHttp's headers from the transport, turned into {@link #headers} only when asked for. */
  private final okhttp3.Headers okHeaders;
  private volatile Map<String, List<String>> headers;
  private final byte[] body;
  private final String requestId;
  /** The receiving client's secrets, masked in excerpts before they are cut (a cut would keep a prefix). */
  private final Secrets secrets;

  /**
   * @param method the request method
   * @param path the encoded request path (no query)
   * @param status the HTTP status
   * @param headers the headers; names are matched without regard to case
   * @param body the body, not copied
   * @param requestId the request id the server sent, or null
   */
  public RestResponse(
      String method, String path, int status, Map<String, List<String>> headers, byte[] body, String requestId) {
    this(method, path, status, copyHeaders(headers), body, requestId, true);
  }

  /** For the transport: {@code headers} is already a fresh case-insensitive map, used as it is. */
  RestResponse(String method, String path, int status, Map<String, List<String>> headers, byte[] body,
      String requestId, boolean headersOwned) {
    this(method, path, status, null, Collections.unmodifiableMap(headers), body, requestId, Secrets.none());
  }

  /**
   * For the transport: OkHttp's headers, kept as they are. Most answers are read without looking
   * at their headers, so the case-insensitive map is built on the first {@link #headers()} call.
   */
  RestResponse(String method, String path, int status, okhttp3.Headers headers, byte[] body, String requestId,
      Secrets secrets) {
    this(method, path, status, headers, null, body, requestId, secrets);
  }

  private RestResponse(String method, String path, int status, okhttp3.Headers okHeaders,
      Map<String, List<String>> headers, byte[] body, String requestId, Secrets secrets) {
    this.secrets = secrets;
    this.method = method;
    this.path = path;
    this.status = status;
    this.okHeaders = okHeaders;
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.requestId = requestId;
  }

  private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    }
    return h;
  }

  /** {@return the method} */
  public String method() {
    return method;
  }

  /** {@return the encoded request path, without the query} */
  public String path() {
    return path;
  }

  /** {@return the status} */
  public int status() {
    return status;
  }

  /** {@return true for 2xx} */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * {@return the first value of a header (any case), or null}
   *
   * @param name the name
   */
  public String header(String name) {
    if (headers == null) {
      // The first value, as the map would give it, without building the map.
      for (int i = 0, n = okHeaders.size(); i < n; i++) {
        if (okHeaders.name(i).equalsIgnoreCase(name)) {
          return okHeaders.value(i);
        }
      }
      return null;
    }
    List<String> values = headers().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return all headers; names are case-insensitive} */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> h = headers;
    if (h == null) {
      // OkHttp's multimap is a fresh map with case-insensitive names: no second copy. A race
      // builds two equal maps; either one is fine.
      h = Collections.unmodifiableMap(okHeaders.toMultimap());
      headers = h;
    }
    return h;
  }

  /** {@return the body bytes, not copied: do not modify} Empty, never null. */
  public byte[] body() {
    return body;
  }

  /** {@return the body as UTF-8 text} */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return the request id the server sent in one of the headers the adapter named, or null} */
  public String requestId() {
    return requestId;
  }

  /** {@return the content type, lower-case, or null} */
  public String contentType() {
    String ct = header("Content-Type");
    return ct == null ? null : ct.toLowerCase(Locale.ROOT);
  }

  /** {@return the body as JSON when it is JSON; empty for HTML, truncated JSON or nothing} Never throws. */
  public Optional<JsonNode> jsonIfAny() {
    return ResponseBodies.parseJson(body);
  }

  /**
   * The body as JSON. A body declared as another type (HTML, text/plain, XML) is refused even when
   * it parses; a body without a content type is read.
   *
   * @return the body as JSON
   *
   * @throws IllegalStateException when it is not JSON ({@link RestCalls} reports UnexpectedResponseException)
   */
  public JsonNode json() {
    String type = contentType();
    if (type != null && !isJsonType(type)) {
      // A proxy's page or a file is not the engine's answer, even when it happens to parse.
      throw new IllegalStateException("the answer is " + type.split(";", 2)[0].trim() + ", not JSON");
    }
    return jsonIfAny().orElseThrow(() -> new IllegalStateException(
        body.length == 0 ? "the body is empty" : "the body is not JSON"));
  }

  /** application/json, any {@code +json} type, or text/json; parameters ignored. */
  private static boolean isJsonType(String contentType) {
    String t = contentType.split(";", 2)[0].trim();
    return t.equals("application/json") || t.endsWith("+json") || t.equals("text/json") || t.isEmpty();
  }

  /**
   * {@return a short single-line excerpt of the body for messages, with the receiving client's secrets
   * masked (servers echo the credentials they got)}
   */
  public String excerpt() {
    if (secrets.isEmpty()) {
      return ResponseBodies.excerpt(body);
    }
    // Masked before the cut: cutting first could leave the start of a secret at the end of the excerpt.
    int len = Math.min(body.length, 64 * 1024);
    return ResponseBodies.excerpt(secrets.redact(new String(body, 0, len, StandardCharsets.UTF_8)));
  }

  /**
   * {@return {@code text} taken from this answer (an engine's message), with the receiving client's secrets
   * masked; for readers that quote the answer in an exception}
   *
   * @param text the text
   */
  public String redact(String text) {
    return secrets.redact(text);
  }

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " (" + body.length + " bytes)";
  }
}
