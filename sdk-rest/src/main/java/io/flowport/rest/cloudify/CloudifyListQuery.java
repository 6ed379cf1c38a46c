package io.flowport.rest.cloudify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Cloudify listing ({@code GET /executions}, {@code GET /execution-groups}): filters on any
 * model field, {@code _include}, repeatable {@code _sort}, {@code _size}/{@code _offset} and the
 * manager's flags. What is not set is not sent, so the manager's defaults apply (page size 1000,
 * no system workflows). Immutable.
 *
 * <pre>{@code
 * CloudifyListQuery q = CloudifyListQuery.builder()
 *     .filter("deployment_id", "web-1").filter("status", "failed", "cancelled")
 *     .sortDescending("created_at").size(50).build();
 * }</pre>
 */
public final class CloudifyListQuery {
  private final Map<String, List<String>> filters;
  private final List<String> include;
  private final List<String> sort;
  private final Integer size;
  private final Integer offset;
  private final Boolean includeSystemWorkflows;
  private final Boolean allTenants;
  private final Boolean getAllResults;
  private final String groupId;

  private CloudifyListQuery(Builder b) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    b.filters.forEach((k, v) -> f.put(k, List.copyOf(v)));
    this.filters = Collections.unmodifiableMap(f);
    this.include = List.copyOf(b.include);
    this.sort = List.copyOf(b.sort);
    this.size = b.size;
    this.offset = b.offset;
    this.includeSystemWorkflows = b.includeSystemWorkflows;
    this.allTenants = b.allTenants;
    this.getAllResults = b.getAllResults;
    this.groupId = b.groupId;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Everything, with the manager's defaults.
   *
   * @return the cloudify list query
   */
  public static CloudifyListQuery all() {
    return builder().build();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    filters.forEach((k, v) -> b.filters.put(k, new ArrayList<>(v)));
    b.include.addAll(include);
    b.sort.addAll(sort);
    b.size = size;
    b.offset = offset;
    b.includeSystemWorkflows = includeSystemWorkflows;
    b.allTenants = allTenants;
    b.getAllResults = getAllResults;
    b.groupId = groupId;
    return b;
  }

  /**
   * {@return the same query from {@code newOffset} on}
   *
   * @param newOffset the new offset
   */
  public CloudifyListQuery withOffset(int newOffset) {
    return toBuilder().offset(newOffset).build();
  }

  /**
   * Field filters; a field with several values matches any of them.
   *
   * @return the filters
   */
  public Map<String, List<String>> filters() {
    return filters;
  }

  /** {@return the fields to include ({@code _include}); empty for all} */
  public List<String> include() {
    return include;
  }

  /**
   * {@return the sort keys in order, each a field name with an optional {@code -} (descending) or {@code +}}
   */
  public List<String> sort() {
    return sort;
  }

  /**
   * {@code _size}, or null for the manager's default (1000).
   *
   * @return the size
   */
  public Integer size() {
    return size;
  }

  /**
   * {@code _offset}, or null for 0.
   *
   * @return the offset
   */
  public Integer offset() {
    return offset;
  }

  /** {@return {@code _include_system_workflows} (executions only), or null for the manager's default (false)} */
  public Boolean includeSystemWorkflows() {
    return includeSystemWorkflows;
  }

  /** {@return {@code _all_tenants}, or null} */
  public Boolean allTenants() {
    return allTenants;
  }

  /** {@return {@code _get_all_results}, or null} */
  public Boolean getAllResults() {
    return getAllResults;
  }

  /**
   * {@code _group_id} (executions of one execution group), or null.
   *
   * @return the group id
   */
  public String groupId() {
    return groupId;
  }

  @Override
  public String toString() {
    return "CloudifyListQuery{filters=" + filters + ", include=" + include + ", sort=" + sort + ", size=" + size
        + ", offset=" + offset + "}";
  }

  /** Builds a {@link CloudifyListQuery}. */
  public static final class Builder {
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private final List<String> include = new ArrayList<>();
    private final List<String> sort = new ArrayList<>();
    private Integer size;
    private Integer offset;
    private Boolean includeSystemWorkflows;
    private Boolean allTenants;
    private Boolean getAllResults;
    private String groupId;

    private Builder() {}

    /**
     * Matches executions whose {@code field} has one of {@code values} (any model field, e.g. {@code status}).
     *
     * @param field the field's name
     * @param values the values
     * @return this builder
     */
    public Builder filter(String field, String... values) {
      Objects.requireNonNull(field, "field == null");
      List<String> list = filters.computeIfAbsent(field, k -> new ArrayList<>());
      for (String v : values) {
        list.add(Objects.requireNonNull(v, "filter value == null"));
      }
      return this;
    }

    /**
     * Only these fields in each item ({@code _include}).
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder include(String... fields) {
      Collections.addAll(include, fields);
      return this;
    }

    /**
     * Sorts by {@code field}, ascending; repeat for more keys.
     *
     * @param field the field's name
     * @return this builder
     */
    public Builder sortAscending(String field) {
      sort.add(Objects.requireNonNull(field, "field == null"));
      return this;
    }

    /**
     * Sorts by {@code field}, descending ({@code -field}).
     *
     * @param field the field's name
     * @return this builder
     */
    public Builder sortDescending(String field) {
      sort.add("-" + Objects.requireNonNull(field, "field == null"));
      return this;
    }

    /**
     * {@return a raw {@code _sort} value, e.g. {@code +created_at} (the {@code +} is sent encoded)}
     *
     * @param rawKey the raw key
     */
    public Builder sort(String rawKey) {
      sort.add(Objects.requireNonNull(rawKey, "rawKey == null"));
      return this;
    }

    /**
     * {@code _size}: at most this many items ({@code 0} gives none, as the manager does).
     *
     * @param value the value
     * @return this builder
     */
    public Builder size(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("size must be >= 0, got " + value);
      }
      this.size = value;
      return this;
    }

    /**
     * {@code _offset}: skip this many.
     *
     * @param value the value
     * @return this builder
     */
    public Builder offset(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("offset must be >= 0, got " + value);
      }
      this.offset = value;
      return this;
    }

    /**
     * {@code _include_system_workflows}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder includeSystemWorkflows(boolean value) {
      this.includeSystemWorkflows = value;
      return this;
    }

    /**
     * {@code _all_tenants}: list across every tenant the user may see.
     *
     * @param value the value
     * @return this builder
     */
    public Builder allTenants(boolean value) {
      this.allTenants = value;
      return this;
    }

    /**
     * {@code _get_all_results}: no paging.
     *
     * @param value the value
     * @return this builder
     */
    public Builder getAllResults(boolean value) {
      this.getAllResults = value;
      return this;
    }

    /**
     * {@code _group_id}: only the executions of this execution group.
     *
     * @param value the value
     * @return this builder
     */
    public Builder groupId(String value) {
      this.groupId = value;
      return this;
    }

    /** {@return the build} */
    public CloudifyListQuery build() {
      return new CloudifyListQuery(this);
    }
  }
}
