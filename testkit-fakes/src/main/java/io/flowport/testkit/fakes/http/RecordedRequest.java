package io.flowport.testkit.fakes.http;

import io.flowport.testkit.fakes.Fault;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request an HTTP fake received, for assertions.
 *
 * @param name {@code "METHOD /path"} (path below the base path, as sent)
 * @param query the raw query string, or null
 * @param body the request body as UTF-8 text
 * @param status the status answered; 0 when the connection was reset
 * @param fault the injected fault, or null when the request was answered normally
 * @param receivedAt wall-clock time the request arrived
 * @param headers the request headers, names lower-case (e.g. to check a {@code traceparent}
 *     arrived); {@code toString} shows only their names, since some carry secrets
 */
public record RecordedRequest(String name, String query, String body, int status, Fault fault, Instant receivedAt,
    Map<String, List<String>> headers) {

  /**
   * Copies {@code headers}; null means none.
   *
   * @param name the name
   * @param query what to list
   * @param body the body
   * @param status the status
   * @param fault the fault to inject
   * @param receivedAt the received at
   * @param headers the headers
   */
  public RecordedRequest {
    headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * A request recorded without its headers.
   *
   * @param name the name
   * @param query what to list
   * @param body the body
   * @param status the status
   * @param fault the fault to inject
   * @param receivedAt the received at
   */
  public RecordedRequest(String name, String query, String body, int status, Fault fault, Instant receivedAt) {
    this(name, query, body, status, fault, receivedAt, Map.of());
  }

  /**
   * {@return the first value of header {@code name} (any case), or null}
   *
   * @param name the name
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public String toString() {
    return "RecordedRequest[name=" + name + ", query=" + query + ", body=" + body + ", status=" + status + ", fault=" + fault
        + ", receivedAt=" + receivedAt + ", headers=" + headers.keySet() + "]";
  }
}
