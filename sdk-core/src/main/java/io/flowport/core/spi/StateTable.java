package io.flowport.core.spi;

import io.flowport.core.model.InstanceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps an engine's raw instance status to the unified {@link InstanceState}, as data: one row per
 * raw status the engine documents, a case rule, and a fallback for anything else (UNKNOWN by
 * default). {@link #rows()} lists the rows in the order they were given, so an adapter's test can
 * assert every documented status row by row.
 *
 * <pre>{@code
 * StateTable states = StateTable.builder("cloudify")
 *     .row("pending", InstanceState.CREATED)
 *     .row("started", InstanceState.RUNNING)
 *     .row("terminated", InstanceState.COMPLETED)
 *     .build();
 * states.state("STARTED"); // RUNNING: raw statuses match without regard to case by default
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StateTable {
  private final String engine;
  private final List<Row> rows;
  private final boolean caseSensitive;
  private final InstanceState fallback;
  private final Map<String, InstanceState> byRaw;

  private StateTable(Builder b) {
    this.engine = b.engine;
    this.rows = List.copyOf(b.rows);
    this.caseSensitive = b.caseSensitive;
    this.fallback = b.fallback;
    Map<String, InstanceState> m = new HashMap<>();
    for (Row row : rows) {
      if (m.put(key(row.raw()), row.state()) != null) {
        throw new IllegalArgumentException("raw status '" + row.raw() + "' appears twice"
            + (caseSensitive ? "" : " (statuses match without regard to case)"));
      }
    }
    this.byRaw = Map.copyOf(m);
  }

  /**
   * {@return a builder for {@code engine}'s table}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public static Builder builder(String engine) {
    return new Builder(engine);
  }

  /** {@return the engine whose statuses this table reads} */
  public String engine() {
    return engine;
  }

  /**
   * {@return the unified state of {@code raw}; the fallback for null or a status not in the table}
   *
   * @param raw the raw value
   */
  public InstanceState state(String raw) {
    if (raw == null) {
      return fallback;
    }
    return byRaw.getOrDefault(key(raw), fallback);
  }

  /**
   * {@return whether {@code raw} is one of the table's rows (under its case rule)}
   *
   * @param raw the raw value
   */
  public boolean knows(String raw) {
    return raw != null && byRaw.containsKey(key(raw));
  }

  /** {@return the rows, in the order they were given} */
  public List<Row> rows() {
    return rows;
  }

  /** {@return the state of any status the table does not list} */
  public InstanceState fallback() {
    return fallback;
  }

  /** {@return whether raw statuses must match in case; false by default} */
  public boolean isCaseSensitive() {
    return caseSensitive;
  }

  private String key(String raw) {
    return caseSensitive ? raw : raw.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "StateTable{" + engine + ", " + rows.size() + " rows, fallback " + fallback + "}";
  }

  /**
   * One row: a raw status the engine sends and its unified state.
   *
   * @param raw the engine's status string, as documented
   * @param state its unified state
   */
  public record Row(String raw, InstanceState state) {
    /**
     * Checks both parts are present.
     *
     * @param raw the raw value
     * @param state the state
     */
    public Row {
      Objects.requireNonNull(raw, "raw == null");
      Objects.requireNonNull(state, "state == null");
      if (raw.isBlank()) {
        throw new IllegalArgumentException("raw status is blank");
      }
    }
  }

  /** Builds a {@link StateTable}. */
  public static final class Builder {
    private final String engine;
    private final List<Row> rows = new ArrayList<>();
    private boolean caseSensitive;
    private InstanceState fallback = InstanceState.UNKNOWN;

    private Builder(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
    }

    /**
     * Maps {@code raw} to {@code state}.
     *
     * @param raw the raw value
     * @param state the state
     * @return this builder
     */
    public Builder row(String raw, InstanceState state) {
      rows.add(new Row(raw, state));
      return this;
    }

    /**
     * Raw statuses must match in case (off by default: {@code "Running"} finds {@code "running"}).
     *
     * @return this builder
     */
    public Builder caseSensitive() {
      this.caseSensitive = true;
      return this;
    }

    /**
     * {@return the state of a status the table does not list; {@link InstanceState#UNKNOWN} by default}
     *
     * @param state the state
     */
    public Builder fallback(InstanceState state) {
      this.fallback = Objects.requireNonNull(state, "state == null");
      return this;
    }

    /**
     * {@return the table}
     *
     * @throws IllegalArgumentException when a raw status appears twice under the case rule
     */
    public StateTable build() {
      return new StateTable(this);
    }
  }
}
