package io.flowport.core.spi;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks variables as JSON before anything is sent, and turns them into plain JSON values
 * (maps, lists, strings, numbers, booleans, null), so adapters never see a user's object again
 * and a value Jackson cannot write fails early, naming the variable.
 */
public final class JsonValues {
  /** The mapper Flowport uses for variables; shared and thread-safe, do not reconfigure. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

  /**
   * The mapper that checks values: {@link #MAPPER}, but an object with nothing to write (an
   * InputStream, a plain Object) fails instead of silently becoming {@code {}}.
   */
  private static final ObjectMapper CHECKER = MAPPER.copy().enable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private JsonValues() {}

  /**
   * Plain JSON copies of {@code variables}; ClientValidationException naming the first variable
   * that is not JSON (a cycle, a value Jackson cannot write, NaN or an infinity).
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param variables the variables, by name
   * @return the check variables
   */
  public static Map<String, Object> checkVariables(String engine, Operation operation, Map<String, ?> variables) {
    if (variables == null) {
      throw invalid(engine, operation, "variables must not be null");
    }
    Map<String, Object> plain = new LinkedHashMap<>(Math.max(4, variables.size() * 2));
    for (Map.Entry<String, ?> e : variables.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isBlank()) {
        throw invalid(engine, operation, "a variable name is null or blank");
      }
      plain.put(name, checkValue(engine, operation, name, e.getValue()));
    }
    return plain;
  }

  /**
   * {@return a plain JSON copy of one value named {@code name}; ClientValidationException when not JSON}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param name the name
   * @param value the value
   */
  public static Object checkValue(String engine, Operation operation, String name, Object value) {
    if (value == null) {
      return null;
    }
    Object plain = plainCopy(value, 0);
    if (plain != NOT_PLAIN) {
      return plain; // strings, booleans, ints, longs, finite doubles, and maps and lists of them
    }
    JsonNode tree;
    try {
      tree = CHECKER.valueToTree(value);
    } catch (IllegalArgumentException | StackOverflowError e) {
      throw invalid(engine, operation, notJson(name, value, e));
    }
    String bad = firstNonFinite(tree, "");
    if (bad != null) {
      throw invalid(engine, operation,
          "variable '" + name + "' holds a number JSON cannot carry (NaN or infinite)" + (bad.isEmpty() ? "" : " at " + bad));
    }
    if (tree == null || tree instanceof NullNode) {
      return null;
    }
    return MAPPER.convertValue(tree, Object.class);
  }

  /** Marks a value the fast path leaves to Jackson. */
  private static final Object NOT_PLAIN = new Object();
  /** Deeper than this, the fast path gives up (and Jackson finds any cycle). */
  private static final int PLAIN_DEPTH = 32;

  /**
   * A copy of {@code value} when it is made only of values Jackson would return unchanged, or
   * {@link #NOT_PLAIN}; it saves the tree round trip for the common variables.
   */
  private static Object plainCopy(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long) {
      return value;
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? d : NOT_PLAIN;
    }
    if (depth >= PLAIN_DEPTH) {
      return NOT_PLAIN;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return NOT_PLAIN;
        }
        Object v = plainCopy(e.getValue(), depth + 1);
        if (v == NOT_PLAIN) {
          return NOT_PLAIN;
        }
        copy.put(key, v);
      }
      return copy;
    }
    if (value instanceof java.util.List<?> list) {
      java.util.List<Object> copy = new java.util.ArrayList<>(list.size());
      for (Object item : list) {
        Object v = plainCopy(item, depth + 1);
        if (v == NOT_PLAIN) {
          return NOT_PLAIN;
        }
        copy.add(v);
      }
      return copy;
    }
    return NOT_PLAIN;
  }

  /**
   * Which variable, which type (and where in it) cannot be written, and why, in the user's terms:
   * not Jackson's advice to reconfigure a mapper the user cannot reach.
   */
  private static String notJson(String name, Object value, Throwable e) {
    String what = "variable '" + name + "' (" + value.getClass().getName() + ")";
    if (e instanceof StackOverflowError) {
      return what + " cannot be written as JSON: it refers to itself (a cycle)";
    }
    JsonMappingException jackson = find(e, JsonMappingException.class);
    if (jackson == null) {
      return what + " cannot be written as JSON: " + firstPart(e.getMessage(), e);
    }
    String where = path(jackson.getPath());
    String type = jackson instanceof InvalidDefinitionException d && d.getType() != null
        ? d.getType().getRawClass().getName() : null;
    String at = where.isEmpty() ? "" : " at " + where + (type == null ? "" : ", a " + type + ",");
    String why;
    String original = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
    if (original.startsWith("No serializer found")) {
      why = "it has nothing to write (no getters or public fields)";
    } else if (original.contains("not supported by default")) {
      why = "Flowport writes no such type";
    } else if (jackson.getCause() != null && !(jackson.getCause() instanceof JsonMappingException)) {
      Throwable thrown = jackson.getCause();
      why = "reading it threw " + thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    } else {
      why = firstPart(original, jackson);
    }
    return what + at + " cannot be written as JSON: " + why
        + "; pass maps, lists, strings, numbers, booleans, or objects with getters or public fields";
  }

  private static String path(java.util.List<JsonMappingException.Reference> references) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        s.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.toString();
  }

  /** The message up to Jackson's first advice or reference chain, whole otherwise. */
  private static String firstPart(String message, Throwable e) {
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int cut = message.length();
    for (String tail : new String[] {" (through reference chain", " (to avoid exception", ": add Module"}) {
      int at = message.indexOf(tail);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    return message.substring(0, cut);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String firstNonFinite(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isDouble() || node.isFloat()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? null : path;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String found = firstNonFinite(f.getValue(), path + "." + f.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstNonFinite(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static WorkflowException invalid(String engine, Operation operation, String message) {
    return Args.invalid(engine, operation, message);
  }
}
