package io.flowport.rest.cloudify;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes ended executions ({@code DELETE /executions}): those created before a time, or all but
 * the most recent {@code n}, among those matching the filters. The manager deletes only executions
 * in an end state and always keeps a deployment's last successful {@code create_deployment_environment}.
 * Immutable.
 *
 * <pre>{@code
 * CloudifyDeleteRequest.keepLast(10).filter("deployment_id", "web-1").build();
 * }</pre>
 */
public final class CloudifyDeleteRequest {
  private final LocalDateTime toDatetime;
  private final Integer keepLast;
  private final Map<String, List<String>> filters;

  private CloudifyDeleteRequest(Builder b) {
    this.toDatetime = b.toDatetime;
    this.keepLast = b.keepLast;
    Map<String, List<String>> f = new LinkedHashMap<>();
    b.filters.forEach((k, v) -> f.put(k, List.copyOf(v)));
    this.filters = Collections.unmodifiableMap(f);
  }

  /**
   * Deletes ended executions created before {@code time} (the manager's time, UTC, no offset).
   *
   * @param time the time
   * @return a new builder
   */
  public static Builder createdBefore(LocalDateTime time) {
    return new Builder(Objects.requireNonNull(time, "time == null"), null);
  }

  /**
   * Deletes ended executions except the {@code count} most recent.
   *
   * @param count the count
   * @return a new builder
   * @throws IllegalArgumentException when {@code count} is not positive (the manager refuses it)
   */
  public static Builder keepLast(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("keep_last must be > 0, got " + count);
    }
    return new Builder(null, count);
  }

  /**
   * {@code to_datetime}, or null.
   *
   * @return the local date time
   */
  public LocalDateTime toDatetime() {
    return toDatetime;
  }

  /**
   * {@code keep_last}, or null.
   *
   * @return the keep last
   */
  public Integer keepLast() {
    return keepLast;
  }

  /**
   * Field filters, as for listing; a {@code status} filter must name end states.
   *
   * @return the filters
   */
  public Map<String, List<String>> filters() {
    return filters;
  }

  @Override
  public String toString() {
    return "CloudifyDeleteRequest{" + (keepLast != null ? "keep_last=" + keepLast : "to_datetime=" + toDatetime)
        + ", filters=" + filters + "}";
  }

  /** Builds a {@link CloudifyDeleteRequest}. */
  public static final class Builder {
    private final LocalDateTime toDatetime;
    private final Integer keepLast;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();

    private Builder(LocalDateTime toDatetime, Integer keepLast) {
      this.toDatetime = toDatetime;
      this.keepLast = keepLast;
    }

    /**
     * Only executions whose {@code field} has one of {@code values}.
     *
     * @param field the field's name
     * @param values the values
     * @return this builder
     */
    public Builder filter(String field, String... values) {
      List<String> list = filters.computeIfAbsent(Objects.requireNonNull(field, "field == null"), k -> new ArrayList<>());
      for (String v : values) {
        list.add(Objects.requireNonNull(v, "filter value == null"));
      }
      return this;
    }

    /** {@return the build} */
    public CloudifyDeleteRequest build() {
      return new CloudifyDeleteRequest(this);
    }
  }
}
