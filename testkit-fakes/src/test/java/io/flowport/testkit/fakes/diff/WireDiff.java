package io.flowport.testkit.fakes.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two runs of one {@link WireScript} (a fake's and the real engine's) answer by answer:
 * status, description and body, field by field and value by value, leaving out only what the
 * {@link Exclusion}s name. Field order inside an object does not count (no JSON client sees it);
 * array order does.
 */
public final class WireDiff {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<Exclusion> exclusions;

  /** A diff applying {@code exclusions}, the one list of what cannot match. */
  public WireDiff(List<Exclusion> exclusions) {
    this.exclusions = List.copyOf(exclusions);
  }

  /** The exclusions, as given. */
  public List<Exclusion> exclusions() {
    return exclusions;
  }

  /**
   * Every difference between the two runs, one line each ({@code "step: /body/x: fake 1, real 2"});
   * empty when they match. Steps excluded by a {@link Exclusion.Kind#STEP} exclusion are skipped.
   */
  public List<String> differences(WireScript.Run fake, WireScript.Run real) {
    Map<String, JsonNode> a = normalise(fake);
    Map<String, JsonNode> b = normalise(real);
    List<String> out = new ArrayList<>();
    for (String step : a.keySet()) {
      if (excludedStep(step)) {
        continue;
      }
      if (!b.containsKey(step)) {
        out.add(step + ": no answer from " + real.target());
        continue;
      }
      compare(step, "", a.get(step), b.get(step), fake.target(), real.target(), out);
    }
    return out;
  }

  /** A run's answers with ids numbered, excluded values and text replaced; for reports. */
  public Map<String, JsonNode> normalise(WireScript.Run run) {
    Map<String, String> ids = collectIds(run);
    List<Map.Entry<String, String>> byLength = new ArrayList<>(ids.entrySet());
    byLength.sort(Comparator.comparing((Map.Entry<String, String> e) -> -e.getKey().length()));
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, WireAnswer> e : run.answers().entrySet()) {
      WireAnswer answer = e.getValue();
      ObjectNode n = NODES.objectNode();
      n.put("status", answer.status());
      n.set("description", answer.description() == null ? NODES.nullNode() : NODES.textNode(answer.description()));
      n.set("body", answer.body() == null ? NODES.nullNode() : answer.body().deepCopy());
      JsonNode rewritten = rewrite(n, null, ids, byLength);
      out.put(e.getKey(), unorderedStep(e.getKey()) ? sortArrays(rewritten) : rewritten);
    }
    return out;
  }

  private boolean excludedStep(String step) {
    return stepMatches(Exclusion.Kind.STEP, step);
  }

  private boolean unorderedStep(String step) {
    return stepMatches(Exclusion.Kind.UNORDERED, step);
  }

  private boolean stepMatches(Exclusion.Kind kind, String step) {
    return exclusions.stream().anyMatch(x -> x.kind() == kind && x.pattern().matcher(step).matches());
  }

  /** Every array's items in the order of their JSON text, recursively. */
  private static JsonNode sortArrays(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), sortArrays(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sortArrays(item)));
      items.sort(Comparator.comparing(JsonNode::toString));
      ArrayNode out = NODES.arrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }

  private Exclusion fieldExclusion(String field, Exclusion.Kind kind) {
    if (field == null) {
      return null;
    }
    for (Exclusion x : exclusions) {
      if (x.kind() == kind && x.pattern().matcher(field).matches()) {
        return x;
      }
    }
    return null;
  }

  /** Generated id value → {@code <name#N>}, numbered per exclusion by first sight (fields in name order). */
  private Map<String, String> collectIds(WireScript.Run run) {
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, Integer> counters = new LinkedHashMap<>();
    for (WireAnswer answer : run.answers().values()) {
      if (answer.body() != null) {
        collect(answer.body(), null, ids, counters);
      }
    }
    return ids;
  }

  private void collect(JsonNode node, String field, Map<String, String> ids, Map<String, Integer> counters) {
    if (node.isObject()) {
      for (String name : new TreeSet<>(iterable(node.fieldNames()))) {
        collect(node.get(name), name, ids, counters);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, field, ids, counters);
      }
    } else if (node.isValueNode() && !node.isNull()) {
      Exclusion x = fieldExclusion(field, Exclusion.Kind.ID);
      String value = node.asText();
      if (x != null && !value.isEmpty() && !ids.containsKey(value)) {
        int n = counters.merge(x.name(), 1, Integer::sum);
        ids.put(value, "<" + x.name() + "#" + n + ">");
      }
    }
  }

  private JsonNode rewrite(JsonNode node, String field, Map<String, String> ids, List<Map.Entry<String, String>> byLength) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), rewrite(e.getValue(), e.getKey(), ids, byLength)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(item -> out.add(rewrite(item, field, ids, byLength)));
      return out;
    }
    if (node.isNull()) {
      return node;
    }
    Exclusion any = fieldExclusion(field, Exclusion.Kind.ANY);
    if (any != null) {
      return NODES.textNode("<" + any.name() + ">");
    }
    Exclusion value = fieldExclusion(field, Exclusion.Kind.VALUE);
    if (value != null) {
      return node.isNumber() ? NODES.numberNode(0) : NODES.textNode(node.asText().replaceAll("[0-9]", "0"));
    }
    if (fieldExclusion(field, Exclusion.Kind.ID) != null && ids.containsKey(node.asText())) {
      return NODES.textNode(ids.get(node.asText()));
    }
    if (!node.isTextual()) {
      return node;
    }
    return new TextNode(rewriteText(node.asText(), byLength));
  }

  private String rewriteText(String s, List<Map.Entry<String, String>> byLength) {
    for (Exclusion x : exclusions) {
      if (x.kind() == Exclusion.Kind.TEXT) {
        s = x.pattern().matcher(s).replaceAll(Matcher.quoteReplacement("<" + x.name() + ">"));
      }
    }
    for (Map.Entry<String, String> id : byLength) {
      s = replaceWord(s, id.getKey(), id.getValue());
      String encoded = URLEncoder.encode(id.getKey(), StandardCharsets.UTF_8).replace("+", "%20");
      if (!encoded.equals(id.getKey())) {
        s = replaceWord(s, encoded, id.getValue());
      }
    }
    return s;
  }

  /** Replaces {@code word} where it is not part of a longer run of letters and digits. */
  private static String replaceWord(String s, String word, String token) {
    if (!s.contains(word)) {
      return s;
    }
    Pattern p = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])");
    return p.matcher(s).replaceAll(Matcher.quoteReplacement(token));
  }

  private static void compare(String step, String path, JsonNode a, JsonNode b, String an, String bn, List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>(iterable(a.fieldNames()));
      names.addAll(iterable(b.fieldNames()));
      for (String name : names) {
        JsonNode x = a.get(name);
        JsonNode y = b.get(name);
        if (x == null) {
          out.add(step + ": " + path + "/" + name + ": only " + bn + " has it (" + y + ")");
        } else if (y == null) {
          out.add(step + ": " + path + "/" + name + ": only " + an + " has it (" + x + ")");
        } else {
          compare(step, path + "/" + name, x, y, an, bn, out);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        compare(step, path + "/" + i, a.get(i), b.get(i), an, bn, out);
      }
    } else if (!a.equals(b)) {
      out.add(step + ": " + path + ": " + an + " " + a + ", " + bn + " " + b);
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
