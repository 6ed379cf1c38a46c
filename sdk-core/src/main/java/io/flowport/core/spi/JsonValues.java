package io.flowport.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

  /** A plain JSON copy of one value named {@code name}; ClientValidationException when not JSON. */
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
      throw invalid(engine, operation, "variable '" + name + "' cannot be written as JSON: " + reason(e));
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

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "it refers to itself (a cycle)";
    }
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf(" (through reference chain");
    int advice = m.indexOf(" (to avoid exception");
    if (advice > 0 && (cut < 0 || advice < cut)) {
      cut = advice; // Jackson's advice to disable a feature is not for our users
    }
    String shortMessage = cut > 0 ? m.substring(0, cut) : m;
    return shortMessage.length() > 200 ? shortMessage.substring(0, 200) + "..." : shortMessage;
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
