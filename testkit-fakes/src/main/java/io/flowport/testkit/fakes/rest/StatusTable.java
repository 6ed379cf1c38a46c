package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineException.Reason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which HTTP status a REST fake answers for each in-memory engine failure, as data: one row per
 * {@link Reason}, and one status for the reasons the engine's API does not map (often 500). Rows are
 * listable so a test can check them one by one against the engine's documentation.
 *
 * <pre>{@code
 * static final StatusTable STATUSES = StatusTable.builder()
 *     .map(404, Reason.INSTANCE_NOT_FOUND, Reason.JOB_NOT_FOUND)
 *     .map(400, Reason.INVALID_ARGUMENT)
 *     .otherwise(500)
 *     .build();
 * }</pre>
 */
public final class StatusTable {
  private final Map<Reason, Integer> rows;

  private StatusTable(Map<Reason, Integer> rows) {
    this.rows = Collections.unmodifiableMap(new EnumMap<>(rows));
  }

  /** {@return an empty table to fill} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the status for {@code reason}}
   *
   * @param reason why, or null
   */
  public int statusOf(Reason reason) {
    return rows.get(Objects.requireNonNull(reason, "reason == null"));
  }

  /**
   * {@return the status for {@code e}'s reason}
   *
   * @param e the e
   */
  public int statusOf(EngineException e) {
    return statusOf(e.reason());
  }

  /** {@return every row, one per {@link Reason}, in the enum's order} */
  public Map<Reason, Integer> rows() {
    return rows;
  }

  @Override
  public String toString() {
    return "StatusTable" + rows;
  }

  /** Fills a {@link StatusTable}. */
  public static final class Builder {
    private final Map<Reason, Integer> rows = new EnumMap<>(Reason.class);
    private Integer otherwise;

    private Builder() {}

    /**
     * {@code reasons} answer {@code status}; a reason mapped twice is a mistake and fails.
     *
     * @param status the status
     * @param reasons the reasons
     * @return this builder
     */
    public Builder map(int status, Reason... reasons) {
      checkStatus(status);
      for (Reason r : reasons) {
        if (rows.putIfAbsent(Objects.requireNonNull(r, "reason == null"), status) != null) {
          throw new IllegalArgumentException(r + " is mapped twice");
        }
      }
      return this;
    }

    /**
     * {@return the status of every reason not mapped (without it, every reason must be mapped)}
     *
     * @param status the status
     */
    public Builder otherwise(int status) {
      checkStatus(status);
      this.otherwise = status;
      return this;
    }

    /** {@return the table; fails when a reason has no status} */
    public StatusTable build() {
      Map<Reason, Integer> all = new EnumMap<>(rows);
      for (Reason r : Reason.values()) {
        if (!all.containsKey(r)) {
          if (otherwise == null) {
            throw new IllegalStateException("no status for engine reason " + r);
          }
          all.put(r, otherwise);
        }
      }
      return new StatusTable(all);
    }

    private static void checkStatus(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
    }
  }
}
