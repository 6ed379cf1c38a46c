package io.flowport.testkit.fakes.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake's handler answers.
 *
 * @param status HTTP status
 * @param headers response headers (one value each)
 * @param body body bytes; empty for none
 */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param status HTTP status
   * @param headers response headers (one value each)
   * @param body body bytes; empty for none
   */
  public FakeResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  /**
   * {@return a JSON answer ({@code Content-Type: application/json})}
   *
   * @param status the status
   * @param json the JSON text
   */
  public static FakeResponse json(int status, String json) {
    return new FakeResponse(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return a text answer of the given content type}
   *
   * @param status the status
   * @param contentType the body's media type
   * @param text the text
   */
  public static FakeResponse text(int status, String contentType, String text) {
    return new FakeResponse(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return a status with no body (204 and the like)}
   *
   * @param status the status
   */
  public static FakeResponse empty(int status) {
    return new FakeResponse(status, Map.of(), new byte[0]);
  }

  /**
   * {@return a copy with one more header}
   *
   * @param name the name
   * @param value the value
   */
  public FakeResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new FakeResponse(status, copy, body);
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
