package io.flowport.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request relative to a {@link RestTransport}'s base URL. Path segments are kept as
 * given and encoded one by one when sent, so an id such as {@code ../x} or {@code a/b} stays one
 * segment and can never change which resource the URL names. Immutable.
 *
 * <pre>{@code
 * RestRequest r = RestRequest.get("runtime", "process-instances", instanceId)
 *     .query("includeProcessVariables", "true")
 *     .build();
 * }</pre>
 */
public final class RestRequest {
  private final String method;
  private final List<String> segments;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final RestBody body;
  private final boolean trailingSlash;

  private RestRequest(Builder b) {
    this.method = b.method;
    this.segments = List.copyOf(b.segments);
    this.query = List.copyOf(b.query);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.body = b.body;
    this.trailingSlash = b.trailingSlash;
  }

  /**
   * {@return a request with {@code method} (GET, POST, PUT, PATCH, DELETE, HEAD)}
   *
   * @param method the HTTP method
   */
  public static Builder builder(String method) {
    return new Builder(method);
  }

  /**
   * Sets the get.
   *
   * @param segments the segments
   * @return a new builder
   */
  public static Builder get(String... segments) {
    return builder("GET").path(segments);
  }

  /**
   * Sets the post.
   *
   * @param segments the segments
   * @return a new builder
   */
  public static Builder post(String... segments) {
    return builder("POST").path(segments);
  }

  /**
   * Sets the put.
   *
   * @param segments the segments
   * @return a new builder
   */
  public static Builder put(String... segments) {
    return builder("PUT").path(segments);
  }

  /**
   * Sets the patch.
   *
   * @param segments the segments
   * @return a new builder
   */
  public static Builder patch(String... segments) {
    return builder("PATCH").path(segments);
  }

  /**
   * Sets the delete.
   *
   * @param segments the segments
   * @return a new builder
   */
  public static Builder delete(String... segments) {
    return builder("DELETE").path(segments);
  }

  /** {@return the method} */
  public String method() {
    return method;
  }

  /** {@return the path segments after the base URL, not encoded} */
  public List<String> segments() {
    return segments;
  }

  /**
   * Query parameters in order, not encoded; a null value is a bare key ({@code ?flag}).
   *
   * @return the query
   */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /**
   * Headers set on this request; they replace the transport's defaults of the same name.
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** {@return the body, or null} */
  public RestBody body() {
    return body;
  }

  /**
   * {@return whether the URL ends with {@code /} after the last segment (Django routes such as bk-sops' need it)}
   */
  public boolean trailingSlash() {
    return trailingSlash;
  }

  /** {@code METHOD /seg/seg} without the query (which may hold secrets in some APIs). */
  @Override
  public String toString() {
    return method + " /" + String.join("/", segments) + (trailingSlash ? "/" : "");
  }

  /** Builds a {@link RestRequest}. */
  public static final class Builder {
    private final String method;
    private final List<String> segments = new ArrayList<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private RestBody body;
    private boolean trailingSlash;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
    }

    /**
     * Appends path segments, each one encoded on its own. A segment that is null, empty, {@code .}
     * or {@code ..} fails the call with ClientValidationException before anything is sent.
     *
     * @param segments the segments
     * @return this builder
     */
    public Builder path(String... segments) {
      Collections.addAll(this.segments, segments);
      return this;
    }

    /**
     * Ends the URL with {@code /} after the last segment.
     *
     * @return this builder
     */
    public Builder trailingSlash() {
      this.trailingSlash = true;
      return this;
    }

    /**
     * Adds a query parameter; a null value leaves it out.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder query(String name, Object value) {
      Objects.requireNonNull(name, "name == null");
      if (value != null) {
        query.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, String.valueOf(value)));
      }
      return this;
    }

    /**
     * Adds a query parameter without a value ({@code ?name}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder queryFlag(String name) {
      query.add(new java.util.AbstractMap.SimpleImmutableEntry<>(Objects.requireNonNull(name, "name == null"), null));
      return this;
    }

    /**
     * Sets a header for this request (e.g. {@code Accept: image/png}).
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets the body.
     *
     * @param body the body
     * @return this builder
     */
    public Builder body(RestBody body) {
      this.body = body;
      return this;
    }

    /**
     * Shortcut for {@code body(RestBody.json(value))}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder json(Object value) {
      return body(RestBody.json(value));
    }

    /** {@return the build} */
    public RestRequest build() {
      return new RestRequest(this);
    }
  }
}
