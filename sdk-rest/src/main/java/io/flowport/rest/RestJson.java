package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.ResponseBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Small JSON helpers for REST backends' readers and bodies. The {@code require...} methods throw
 * {@link IllegalStateException} when the answer is not the engine's shape; {@link RestCalls} turns
 * that into UnexpectedResponseException with an excerpt of the body.
 */
public final class RestJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RestJson() {}

  /** {@return a new empty JSON object, for a request body} */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * {@return a text field of an object, or null when missing or JSON null (numbers and booleans as text)}
   *
   * @param node the node
   * @param field the field's name
   */
  public static String text(JsonNode node, String field) {
    return ResponseBodies.text(node, field);
  }

  /**
   * A text field that must be present, a string or a number (an id is never an object or an
   * array), and not blank.
   *
   * @param node the node
   * @param field the field's name
   * @return the field's text
   */
  public static String requireText(JsonNode node, String field) {
    JsonNode v = node == null || !node.isObject() ? null : node.get(field);
    if (v == null || !(v.isTextual() || v.isIntegralNumber()) || v.asText().isBlank()) {
      throw new IllegalStateException("no '" + field + "'"
          + (v == null || v.isNull() ? "" : " text (a JSON " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")"));
    }
    return v.asText();
  }

  /** The body of {@code response} as a JSON object (not null, not an array, not a scalar). */
  public static JsonNode requireObject(RestResponse response) {
    JsonNode node = response.json();
    if (!node.isObject()) {
      throw new IllegalStateException("the answer is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + ", not an object");
    }
    return node;
  }

  /** The body of {@code response} as a JSON array. */
  public static JsonNode requireArray(RestResponse response) {
    JsonNode node = response.json();
    if (!node.isArray()) {
      throw new IllegalStateException("the answer is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + ", not an array");
    }
    return node;
  }

  /**
   * {@return the array in {@code field} of an object}
   *
   * @param node the node
   * @param field the field's name
   */
  public static JsonNode requireArray(JsonNode node, String field) {
    JsonNode array = node == null ? null : node.get(field);
    if (array == null || !array.isArray()) {
      throw new IllegalStateException("no '" + field + "' array");
    }
    return array;
  }

  /**
   * {@return each element of an array, read by {@code item}}
   *
   * @param <T> the type of the result
   * @param array the array
   * @param item the item
   */
  public static <T> List<T> items(JsonNode array, Function<JsonNode, T> item) {
    if (array == null || !array.isArray()) {
      throw new IllegalStateException("not a JSON array");
    }
    List<T> out = new ArrayList<>(array.size());
    for (JsonNode n : array) {
      out.add(item.apply(n));
    }
    return out;
  }

  /**
   * Sets {@code field} when {@code value} is not null; returns {@code node}.
   *
   * @param node the node
   * @param field the field's name
   * @param value the value
   * @return the object node
   */
  public static ObjectNode putIfNotNull(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
    return node;
  }

  /**
   * {@return the number at a JSON pointer ({@code "/metadata/pagination/total"}), or -1 when there is none}
   *
   * @param node the node
   * @param pointer the pointer
   */
  public static long longAt(JsonNode node, String pointer) {
    JsonNode v = node == null ? null : node.at(pointer);
    return v == null || !v.isNumber() && !v.isTextual() ? -1 : v.asLong(-1);
  }
}
