package io.flowport.testkit.fakes.flowable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.fakes.rest.RestError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flowable's typed REST variables ({@code {"name","type","value","scope"}}) both ways. The engine
 * keeps plain Java values; the type is derived from the Java class when read back, as Flowable's
 * variable types do (String → string, Integer → integer, Map/List → json, ...).
 */
public final class FlowableVariables {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** How Spring Boot's Jackson writes a java.util.Date (Spring Security's 401 body); Flowable's own bodies use {@code FlowableBodies.TIME}. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
      .withZone(ZoneOffset.UTC);

  private FlowableVariables() {}

  /** Reads a REST variable array (request side) into name → value, in order. */
  static Map<String, Object> read(JsonNode array, boolean requireNonEmpty) {
    if (array == null || array.isNull()) {
      if (requireNonEmpty) {
        throw RestError.badRequest("Request did not contain a list of variables to create.");
      }
      return new LinkedHashMap<>();
    }
    if (!array.isArray()) {
      throw RestError.badRequest("JSON parse error: Cannot deserialize value of type `java.util.ArrayList<org.flowable"
          + ".rest.service.api.engine.variable.RestVariable>` from " + describe(array) + " value");
    }
    if (requireNonEmpty && array.isEmpty()) {
      throw RestError.badRequest("Request did not contain a list of variables to create.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonNode v : array) {
      Map.Entry<String, Object> e = readOne(v);
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Reads one REST variable {@code {"name","type","value"}}. */
  static Map.Entry<String, Object> readOne(JsonNode v) {
    if (v == null || !v.isObject()) {
      throw RestError.badRequest("JSON parse error: Cannot construct instance of `org.flowable.rest.service.api"
          + ".engine.variable.RestVariable`");
    }
    JsonNode nameNode = v.get("name");
    if (nameNode == null || nameNode.isNull() || nameNode.asText().isEmpty()) {
      throw RestError.badRequest("Variable name is required");
    }
    String name = nameNode.asText();
    JsonNode typeNode = v.get("type");
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText();
    return new java.util.AbstractMap.SimpleEntry<>(name, value(name, type, v.get("value")));
  }

  /** The Java value of a typed REST value. */
  static Object value(String name, String type, JsonNode value) {
    boolean isNull = value == null || value.isNull() || value.isMissingNode();
    if (type == null) {
      if (isNull) {
        return null;
      }
      if (value.isTextual()) {
        return value.textValue();
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      if (value.isIntegralNumber()) {
        return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
      }
      if (value.isNumber()) {
        return value.doubleValue();
      }
      return JSON.convertValue(value, Object.class); // objects and arrays: Flowable's json type
    }
    if (isNull && !type.equals("json")) {
      return null;
    }
    try {
      switch (type) {
        case "string":
          requireThat(value.isTextual(), "Converter can only convert strings");
          return value.textValue();
        case "integer":
          requireThat(value.isNumber(), "Converter can only convert integers");
          return value.intValue();
        case "long":
          requireThat(value.isNumber(), "Converter can only convert longs");
          return value.longValue();
        case "short":
          requireThat(value.isNumber(), "Converter can only convert shorts");
          return value.shortValue();
        case "double":
          requireThat(value.isNumber(), "Converter can only convert doubles");
          return value.doubleValue();
        case "boolean":
          requireThat(value.isBoolean(), "Converter can only convert booleans");
          return value.booleanValue();
        case "date":
          requireThat(value.isTextual(), "Converter can only convert string to date");
          return Date.from(parseInstant(value.textValue()));
        case "instant":
          requireThat(value.isTextual(), "Converter can only convert string to instant");
          return parseInstant(value.textValue());
        case "localDate":
          requireThat(value.isTextual(), "Converter can only convert string to localDate");
          return LocalDate.parse(value.textValue());
        case "localDateTime":
          requireThat(value.isTextual(), "Converter can only convert string to localDateTime");
          return LocalDateTime.parse(value.textValue());
        case "uuid":
          requireThat(value.isTextual(), "Converter can only convert string to uuid");
          return UUID.fromString(value.textValue());
        case "bigDecimal":
          return new BigDecimal(value.asText());
        case "bigInteger":
          return new BigInteger(value.asText());
        case "json":
          if (isNull) {
            return null;
          }
          return JSON.convertValue(value, Object.class);
        case "null":
          return null;
        default:
          throw RestError.badRequest("Variable '" + name + "' has unsupported type: '" + type + "'.");
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw RestError.badRequest("The given value '" + value.asText() + "' of variable '" + name
          + "' cannot be converted to type '" + type + "'");
    }
  }

  private static void requireThat(boolean ok, String message) {
    if (!ok) {
      throw RestError.badRequest(message);
    }
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx")).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
      }
    }
  }

  /** Flowable's REST type name of a stored value. */
  public static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String || value instanceof Character) {
      return "string";
    }
    if (value instanceof Integer || value instanceof Byte) {
      return "integer";
    }
    if (value instanceof Long) {
      return "long";
    }
    if (value instanceof Short) {
      return "short";
    }
    if (value instanceof Double || value instanceof Float) {
      return "double";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Date) {
      return "date";
    }
    if (value instanceof Instant) {
      return "instant";
    }
    if (value instanceof LocalDate) {
      return "localDate";
    }
    if (value instanceof LocalDateTime) {
      return "localDateTime";
    }
    if (value instanceof UUID) {
      return "uuid";
    }
    if (value instanceof BigDecimal) {
      return "bigDecimal";
    }
    if (value instanceof BigInteger) {
      return "bigInteger";
    }
    if (value instanceof Number) {
      return "double";
    }
    return "json";
  }

  /**
   * One variable as Flowable answers it alone (GET or PUT of one variable): {@code scope} is null
   * there, {@code "local"} in lists ({@link #writeAll}).
   */
  static ObjectNode writeOne(String name, Object value) {
    ObjectNode v = write(name, value);
    v.putNull("scope");
    return v;
  }

  /** One REST variable as Flowable answers it in a list. */
  static ObjectNode write(String name, Object value) {
    ObjectNode v = NODES.objectNode();
    v.put("name", name);
    String type = typeOf(value);
    v.put("type", type);
    switch (type) {
      case "null" -> v.putNull("value");
      case "string", "uuid", "localDate", "localDateTime", "bigDecimal", "bigInteger" -> v.put("value", value.toString());
      case "integer" -> v.put("value", ((Number) value).intValue());
      case "long" -> v.put("value", ((Number) value).longValue());
      case "short" -> v.put("value", ((Number) value).shortValue());
      case "double" -> v.put("value", ((Number) value).doubleValue());
      case "boolean" -> v.put("value", (Boolean) value);
      case "date" -> v.put("value", ((Date) value).toInstant().toString()); // Flowable: ISO instant, "...:05Z"
      case "instant" -> v.put("value", value.toString());
      default -> v.set("value", toJson(value));
    }
    v.put("scope", "local");
    return v;
  }

  private static JsonNode toJson(Object value) {
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
      return JSON.valueToTree(value);
    }
    try {
      return JSON.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return NODES.textNode(String.valueOf(value));
    }
  }

  /** All variables as a REST array, in the engine's order. */
  static ArrayNode writeAll(Map<String, Object> variables) {
    ArrayNode a = NODES.arrayNode();
    variables.forEach((k, v) -> a.add(write(k, v)));
    return a;
  }

  /** The variables of {@code vars} named in {@code names}, as a REST array. */
  static ArrayNode writeSome(Map<String, Object> vars, Collection<String> names) {
    ArrayNode a = NODES.arrayNode();
    for (String n : names) {
      a.add(write(n, vars.get(n)));
    }
    return a;
  }

  static String describe(JsonNode n) {
    if (n.isTextual()) {
      return "String";
    }
    if (n.isNumber()) {
      return "Number";
    }
    if (n.isBoolean()) {
      return "Boolean";
    }
    if (n.isObject()) {
      return "Object";
    }
    return n.isArray() ? "Array" : "Null";
  }

  /** Compares two variable values for Flowable's query operations; null when not comparable. */
  static Integer compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Date x && b instanceof Date y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.compareTo(y);
    }
    return null;
  }

  static List<String> names(Map<String, Object> vars) {
    return List.copyOf(vars.keySet());
  }
}
