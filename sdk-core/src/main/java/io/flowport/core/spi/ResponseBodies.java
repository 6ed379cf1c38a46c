package io.flowport.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Parser-safe reading of what an engine sent back, for error mapping. */
public final class ResponseBodies {
  /** The longest excerpt put into an exception message. */
  public static final int EXCERPT_LENGTH = 200;

  private ResponseBodies() {}

  /**
   * {@return the body as a JSON tree, or empty when it is not JSON (HTML, truncated, empty); never throws}
   *
   * @param body the body
   */
  public static Optional<JsonNode> parseJson(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JsonValues.MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return a text field of a JSON object, or null}
   *
   * @param node the node
   * @param field the field's name
   */
  public static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  /**
   * {@return a short single-line excerpt of a body for an exception message: control characters and runs
   * of white space become one space, cut at {@link #EXCERPT_LENGTH} characters; {@code "<empty
   * body>"} for nothing}
   *
   * @param body the body
   */
  public static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "<empty body>";
    }
    int len = Math.min(body.length, EXCERPT_LENGTH * 4);
    String s = new String(body, 0, len, StandardCharsets.UTF_8);
    return excerpt(s);
  }

  /**
   * As {@link #excerpt(byte[])}, for text.
   *
   * @param text the text
   * @return the excerpt
   */
  public static String excerpt(String text) {
    if (text == null || text.isBlank()) {
      return "<empty body>";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH + 3));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < EXCERPT_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (text.length() > out.length() && out.length() >= EXCERPT_LENGTH) {
      out.append("...");
    }
    return out.toString();
  }
}
