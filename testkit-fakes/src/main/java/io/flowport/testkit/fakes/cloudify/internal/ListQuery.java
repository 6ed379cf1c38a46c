package io.flowport.testkit.fakes.cloudify.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manager's list conventions ({@code rest_decorators.py}, {@code storage_manager.py}, notes §1
 * and §6 7), checked in the manager's order: {@code _include} (unknown field → 400
 * {@code no_such_include_field_error}), then filters (unknown key → 400 {@code bad_parameters_error}),
 * then paging ({@code _size}/{@code _offset} non-negative ints), then {@code _sort} (repeatable,
 * {@code [+-]?@?\w+}, unknown key → 400 {@code bad_parameters_error}). {@code _size=0} gives no
 * items; the default page is 1000, which {@code _get_all_results=true} still reports as its size.
 * Parameters starting with {@code _} are the manager's own and are not filters.
 */
public final class ListQuery {
  public static final int DEFAULT_PAGE_SIZE = 1000;
  private static final Pattern SORT = Pattern.compile("[+-]?@?\\w+");

  final List<String> include;
  final Map<String, List<String>> filters;
  final int size;
  final int offset;
  final boolean sizeGiven;
  final boolean offsetGiven;
  final boolean allResults;
  final List<Map.Entry<String, Boolean>> sort;

  private ListQuery(List<String> include, Map<String, List<String>> filters, int size, int offset, boolean sizeGiven,
      boolean offsetGiven, boolean allResults, List<Map.Entry<String, Boolean>> sort) {
    this.include = include;
    this.filters = filters;
    this.size = size;
    this.offset = offset;
    this.sizeGiven = sizeGiven;
    this.offsetGiven = offsetGiven;
    this.allResults = allResults;
    this.sort = sort;
  }

  /** Parses and checks {@code query} against the model's {@code fields}. */
  public static ListQuery parse(Map<String, List<String>> query, Set<String> fields) {
    List<String> include = new ArrayList<>();
    String rawInclude = first(query, "_include");
    if (rawInclude != null && !rawInclude.isEmpty()) {
      for (String f : rawInclude.split(",")) {
        if (!fields.contains(f)) {
          throw new ManagerError(400, "no_such_include_field_error",
              "Error: `" + f + "` is not a valid include field");
        }
        include.add(f);
      }
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    query.forEach((k, v) -> {
      if (k.startsWith("_")) {
        return;
      }
      if (!fields.contains(k)) {
        throw ManagerError.badParameters("Invalid filter key: `" + k + "`. Valid keys are: " + fields);
      }
      filters.put(k, v);
    });
    String rawSize = first(query, "_size");
    String rawOffset = first(query, "_offset");
    int size = rawSize == null ? DEFAULT_PAGE_SIZE : nonNegative("_size", rawSize);
    int offset = rawOffset == null ? 0 : nonNegative("_offset", rawOffset);
    boolean all = Wire.bool("_get_all_results", first(query, "_get_all_results"), false);
    List<Map.Entry<String, Boolean>> sort = new ArrayList<>();
    for (String key : query.getOrDefault("_sort", List.of())) {
      if (!SORT.matcher(key).matches()) {
        throw ManagerError.badParameters("Invalid sort key: `" + key + "`");
      }
      boolean descending = key.startsWith("-");
      String field = key.replaceFirst("^[+-]", "").replaceFirst("^@", "");
      if (!fields.contains(field)) {
        throw ManagerError.badParameters("Invalid sort key: `" + field + "`. Valid keys are: " + fields);
      }
      sort.add(Map.entry(field, descending));
    }
    return new ListQuery(include, filters, size, offset, rawSize != null, rawOffset != null, all, sort);
  }

  /** Rows matching the filters, sorted (stable: the storage order breaks ties). */
  public List<Map<String, Object>> select(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (matches(row, filters)) {
        out.add(row);
      }
    }
    Comparator<Map<String, Object>> order = null;
    for (Map.Entry<String, Boolean> s : sort) {
      Comparator<Map<String, Object>> c = Comparator.comparing(r -> text(r.get(s.getKey())),
          Comparator.nullsFirst(Comparator.<String>naturalOrder()));
      if (s.getValue()) {
        c = c.reversed();
      }
      order = order == null ? c : order.thenComparing(c);
    }
    if (order != null) {
      out.sort(order);
    }
    return out;
  }

  /** Whether {@code row} has, for every filter field, one of the values. */
  public static boolean matches(Map<String, Object> row, Map<String, List<String>> filters) {
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      String value = text(row.get(f.getKey()));
      if (value == null || !f.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  /** The {@code items} + {@code metadata} envelope of one page of {@code selected}, items cut to {@code _include}. */
  public Map<String, Object> envelope(List<Map<String, Object>> selected) {
    List<Map<String, Object>> page;
    if (allResults) {
      page = selected;
    } else {
      int from = Math.min(offset, selected.size());
      page = selected.subList(from, Math.min(selected.size(), from + size)); // _size=0: none
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> row : page) {
      items.add(cut(row, include));
    }
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("total", selected.size());
    pagination.put("size", size);
    pagination.put("offset", offset);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("pagination", pagination);
    metadata.put("filtered", null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("metadata", metadata);
    return out;
  }

  /** {@code row} with only {@code include} (all when empty). */
  public static Map<String, Object> cut(Map<String, Object> row, List<String> include) {
    if (include.isEmpty()) {
      return row;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : include) {
      out.put(f, row.get(f));
    }
    return out;
  }

  /** How the manager compares a filter value: booleans lower-case, the rest as text. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Boolean b ? b.toString().toLowerCase(Locale.ROOT) : value.toString();
  }

  private static int nonNegative(String name, String raw) {
    try {
      int v = Integer.parseInt(raw);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the manager's error
    }
    throw ManagerError.badParameters(name + " must be a non-negative integer, got " + raw);
  }

  static String first(Map<String, List<String>> query, String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
