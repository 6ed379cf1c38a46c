package io.flowport.testkit.fakes.flowable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.rest.JsonBodies;
import java.util.regex.Pattern;

/** Reading Flowable requests: JSON bodies with Spring's 400 texts, fields, and Flowable's LIKE. */
final class FlowableRequests {
  private static final JsonBodies BODIES =
      new JsonBodies(FlowableVariables.JSON, "Required request body is missing", "JSON parse error: ");

  private FlowableRequests() {}

  /** The body as JSON; Spring's 400 texts when it is missing or not JSON. */
  static JsonNode parseJson(FakeRequest req) {
    return BODIES.read(req);
  }

  /** The body as a JSON object; Jackson's text naming {@code targetType} (Flowable's request class) otherwise. */
  static JsonNode parseObject(FakeRequest req, String targetType) {
    return BODIES.readObject(req, n -> "JSON parse error: Cannot deserialize value of type `" + targetType + "` from "
        + FlowableVariables.describe(n) + " value");
  }

  /** A field as text, null when absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** null for null or "". */
  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** SQL LIKE with {@code %} and {@code _}. */
  static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return value != null && value.matches(regex.toString());
  }
}
