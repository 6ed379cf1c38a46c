package io.flowport.testkit.fakes.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as a fake's handler sees it.
 *
 * @param method upper-case HTTP method
 * @param rawPath the request path as sent (still percent-encoded), without the query
 * @param path the path below the fake's base path, starting with {@code /} (still percent-encoded);
 *     the raw path when the request is outside the base path
 * @param segments the decoded segments of {@link #path()}
 * @param query decoded query parameters in order; a name may repeat
 * @param headers request headers, names lower-case
 * @param body the body bytes (empty, never null)
 * @param insideBasePath whether the request's path lies below the fake's base path (always true
 *     without one); a request outside it reaches no route of a REST fake
 */
public record FakeRequest(
    String method,
    String rawPath,
    String path,
    List<String> segments,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body,
    boolean insideBasePath) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param method upper-case HTTP method
   * @param rawPath the request path as sent (still percent-encoded), without the query
   * @param path the path below the fake's base path, starting with {@code /} (still percent-encoded);
   *     the raw path when the request is outside the base path
   * @param segments the decoded segments of {@link #path()}
   * @param query decoded query parameters in order; a name may repeat
   * @param headers request headers, names lower-case
   * @param body the body bytes (empty, never null)
   * @param insideBasePath whether the request's path lies below the fake's base path (always true
   *     without one); a request outside it reaches no route of a REST fake
   */
  public FakeRequest {
    segments = List.copyOf(segments);
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  /**
   * {@code "METHOD /path"}: the name faults and the request log use.
   *
   * @return the name
   */
  public String name() {
    return method + " " + path;
  }

  /**
   * {@return the first value of a query parameter, or null}
   *
   * @param name the name
   */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * {@return the first value of a header (case-insensitive), or null}
   *
   * @param name the name
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * {@return the {@code multipart/form-data} parts of the body, in order; empty when the body is not multipart}
   */
  public List<Multipart.Part> parts() {
    return Multipart.parse(header("content-type"), body);
  }

  /**
   * Splits {@code rawQuery} (may be null) into decoded parameters.
   *
   * @param rawQuery the raw query
   * @return the decoded parameters, by name
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * Decoded, non-empty segments of an encoded path.
   *
   * @param encodedPath the encoded path
   * @return the segments of
   */
  public static List<String> segmentsOf(String encodedPath) {
    List<String> out = new ArrayList<>();
    for (String s : encodedPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(decodeSegment(s));
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Path segments keep '+' as is (only query strings use '+' for space). */
  private static String decodeSegment(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
