package io.flowport.rest.flowable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.model.Instance;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.RestJson;
import io.flowport.rest.flowable.FlowableStates;
import io.flowport.rest.flowable.FlowableVariable;
import io.flowport.rest.flowable.IdentityLink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowable's JSON both ways: typed REST variables and process instance answers (runtime and
 * history). Readers throw on a shape they cannot read; RestCalls reports that as
 * UnexpectedResponseException.
 */
public final class FlowableJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** ISO date-times with an offset written as {@code Z}, {@code +01:00} or {@code +0100}, optional fraction. */
  private static final DateTimeFormatter LENIENT_OFFSET = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
      .toFormatter();

  private FlowableJson() {}

  // ---------------------------------------------------------------- variables, Java -> Flowable

  /**
   * The REST type Flowable gets for a plain JSON value: {@code string}, {@code integer} (an int),
   * {@code long}, {@code double}, {@code boolean}, {@code json} (maps and lists), or none for null.
   */
  public static String typeOf(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Character) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return "integer";
    }
    if (value instanceof Long) {
      return "long";
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? "long" : "json";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return "double";
    }
    return "json"; // maps, lists, anything else Jackson made of the user's object
  }

  /** One REST variable {@code {"name","type","value"}} for a plain JSON value. */
  public static ObjectNode variable(String name, Object value) {
    ObjectNode v = NODES.objectNode();
    v.put("name", name);
    String type = typeOf(value);
    if (type != null) {
      v.put("type", type);
    }
    // Plain scalars become nodes directly: valueToTree goes through a TokenBuffer per value.
    switch (type == null ? "null" : type) {
      case "null" -> v.putNull("value");
      case "string" -> v.put("value", value.toString());
      case "boolean" -> v.put("value", ((Boolean) value).booleanValue());
      case "integer" -> v.put("value", ((Number) value).intValue());
      case "long" -> v.put("value", ((Number) value).longValue());
      case "double" -> v.put("value", ((Number) value).doubleValue());
      default -> v.set("value", JsonValues.MAPPER.valueToTree(value));
    }
    return v;
  }

  /** A REST variable array for {@code variables}. */
  public static ArrayNode variables(Map<String, ?> variables) {
    ArrayNode array = NODES.arrayNode();
    if (variables != null) {
      variables.forEach((k, v) -> array.add(variable(k, v)));
    }
    return array;
  }

  // ---------------------------------------------------------------- variables, Flowable -> Java

  /** A REST variable read back as Flowable described it. */
  public static FlowableVariable readVariable(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalStateException("a variable is not a JSON object");
    }
    String name = text(node, "name");
    if (name == null) {
      throw new IllegalStateException("a variable has no name");
    }
    String type = text(node, "type");
    return new FlowableVariable(name, type, value(type, node.get("value")), text(node, "valueUrl"), text(node, "scope"));
  }

  /** The Java value of a typed REST value: the type decides Integer vs Long vs Double. */
  public static Object value(String type, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (type == null) {
      return JsonValues.MAPPER.convertValue(value, Object.class);
    }
    switch (type) {
      case "integer", "short":
        return value.isNumber() ? (Object) value.intValue() : Integer.valueOf(value.asText().trim());
      case "long":
        return value.isNumber() ? (Object) value.longValue() : Long.valueOf(value.asText().trim());
      case "double":
        return value.isNumber() ? (Object) value.doubleValue() : Double.valueOf(value.asText().trim());
      case "boolean":
        return value.isBoolean() ? (Object) value.booleanValue() : Boolean.valueOf(value.asText().trim());
      case "string", "date", "instant", "localDate", "localDateTime", "uuid", "bigDecimal", "bigInteger":
        return value.isTextual() ? value.textValue() : value.asText();
      case "json":
        if (value.isTextual()) {
          // Some Flowable versions send json variables as text: read it when it is JSON.
          try {
            return JsonValues.MAPPER.readValue(value.textValue(), Object.class);
          } catch (Exception e) {
            return value.textValue();
          }
        }
        return JsonValues.MAPPER.convertValue(value, Object.class);
      default:
        return JsonValues.MAPPER.convertValue(value, Object.class);
    }
  }

  /** A REST variable array (or {@code data} envelope) as name → FlowableVariable. */
  public static List<FlowableVariable> readVariables(JsonNode node) {
    JsonNode array = node != null && node.isObject() && node.has("data") ? node.get("data") : node;
    if (array == null || !array.isArray()) {
      throw new IllegalStateException("the variables are not a JSON array");
    }
    List<FlowableVariable> out = new ArrayList<>(array.size());
    for (JsonNode v : array) {
      out.add(readVariable(v));
    }
    return out;
  }

  /** Plain values by name; binary and serializable variables give null (see FlowableOperations). */
  public static Map<String, Object> valuesByName(List<FlowableVariable> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FlowableVariable v : variables) {
      out.put(v.name(), v.value());
    }
    return out;
  }

  // ---------------------------------------------------------------- instances

  /** An instance from a runtime answer ({@code runtime/process-instances}). */
  public static Instance runtimeInstance(JsonNode node) {
    requireObjectWithId(node);
    String raw = FlowableStates.runtimeStatus(bool(node, "suspended"), bool(node, "ended"));
    return instance(node, raw, null);
  }

  /** An instance from a history answer ({@code history/historic-process-instances}). */
  public static Instance historicInstance(JsonNode node) {
    requireObjectWithId(node);
    String endTime = text(node, "endTime");
    String raw = FlowableStates.historicStatus(endTime != null, text(node, "deleteReason"));
    return instance(node, raw, instant(endTime));
  }

  private static Instance instance(JsonNode node, String raw, Instant endTime) {
    String definitionId = text(node, "processDefinitionId");
    String key = text(node, "processDefinitionKey");
    Integer version = node.hasNonNull("processDefinitionVersion") ? node.get("processDefinitionVersion").asInt() : null;
    if (definitionId != null && (key == null || version == null)) {
      String[] parts = splitDefinitionId(definitionId);
      if (parts != null) {
        key = key == null ? parts[0] : key;
        version = version == null ? Integer.valueOf(parts[1]) : version;
      }
    }
    Map<String, Object> variables = Map.of();
    JsonNode vars = node.get("variables");
    if (vars != null && vars.isArray() && !vars.isEmpty()) {
      variables = valuesByName(readVariables(vars));
    }
    return Instance.builder()
        .id(text(node, "id"))
        .definitionId(key)
        .definitionKey(definitionId)
        .definitionVersion(version)
        .businessKey(text(node, "businessKey"))
        .tenantId(emptyToNull(text(node, "tenantId")))
        .state(FlowableStates.state(raw))
        .rawStatus(raw)
        .startTime(instant(text(node, "startTime")))
        .endTime(endTime)
        .variables(variables)
        .build();
  }

  /**
   * {@code key:version:id} (Flowable's usual definition id) split as the pattern
   * {@code (.+):(\d+):([^:]+)} would ({@code [key, version]}), or null;
   * by hand, since the answer usually names key and version and then nothing is parsed at all.
   */
  static String[] splitDefinitionId(String id) {
    int last = id.lastIndexOf(':');
    int previous = last <= 0 ? -1 : id.lastIndexOf(':', last - 1);
    if (previous <= 0 || last == id.length() - 1 || last == previous + 1) {
      return null;
    }
    for (int i = previous + 1; i < last; i++) {
      if (!isDigit(id.charAt(i))) {
        return null;
      }
    }
    String key = id.substring(0, previous);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      // '.' of the pattern matches no line terminator
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return null;
      }
    }
    return new String[] {key, id.substring(previous + 1, last)};
  }

  private static void requireObjectWithId(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalStateException("not a process instance (not an object)");
    }
    RestJson.requireText(node, "id");
  }

  /** An identity link answer. */
  public static IdentityLink identityLink(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalStateException("an identity link is not a JSON object");
    }
    String user = text(node, "user");
    String group = text(node, "group");
    if (user == null && group == null) {
      throw new IllegalStateException("an identity link names neither a user nor a group");
    }
    return new IdentityLink(user, group, RestJson.requireText(node, "type"), text(node, "url"));
  }

  /** A Flowable date ({@code 2013-04-17T10:17:43.902+0000}, ISO with or without offset); null when unreadable. */
  public static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    Instant fast = isoInstant(t);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(t, LENIENT_OFFSET).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null; // a date we cannot read is not worth failing the call over
      }
    }
  }

  /**
   * The usual shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|+HH:MM|+HHMM]} read by hand, or null for
   * anything else (the formatter decides then). Every answer carries a start time and the
   * formatter's optional offset sections copy its parse state: a third of the mapping's garbage.
   */
  private static Instant isoInstant(String t) {
    int n = t.length();
    if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
        nanos = nanos * 10 + (t.charAt(i++) - '0');
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < n && t.charAt(i) == 'Z') {
      i++;
    } else if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      int sign = t.charAt(i) == '-' ? -1 : 1;
      int colon = i + 3 < n && t.charAt(i + 3) == ':' ? 1 : 0;
      int oh = digits(t, i + 1, i + 3);
      int om = digits(t, i + 3 + colon, i + 5 + colon);
      if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offsetSeconds = sign * (oh * 3600 + om * 60);
      i += 5 + colon;
    }
    if (i != n) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (java.time.DateTimeException e) {
      return null; // an invalid date: the formatter rejects it as before
    }
  }

  /** The non-negative number in {@code t[from, to)}, or -1 unless all ASCII digits. */
  private static int digits(String t, int from, int to) {
    if (to > t.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
