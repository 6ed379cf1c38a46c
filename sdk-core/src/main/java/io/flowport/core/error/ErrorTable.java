package io.flowport.core.error;

import io.flowport.core.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Maps what an engine said on the wire to an {@link ErrorKind}, as data. Each row may name an
 * operation, a wire status, an engine code and a pattern on the engine's message; a missing part
 * matches anything. Rows are tried in order and the first match wins, so put the specific rows
 * (NOT_FOUND on cancel) before the general ones (NOT_FOUND).
 *
 * <pre>{@code
 * ErrorTable table = ErrorTable.builder("zeebe")
 *     .row(Operation.CANCEL_INSTANCE, "NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
 *     .row(null, "RESOURCE_EXHAUSTED", ErrorKind.BACK_PRESSURE)
 *     .build();
 * }</pre>
 */
public final class ErrorTable {
  private final String engine;
  private final List<Row> rows;
  private final ErrorKind fallback;

  private ErrorTable(Builder b) {
    this.engine = b.engine;
    this.rows = List.copyOf(b.rows);
    this.fallback = b.fallback;
  }

  /**
   * Sets the builder.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @return a new builder
   */
  public static Builder builder(String engine) {
    return new Builder(engine);
  }

  /** {@return the engine whose wire this table reads} */
  public String engine() {
    return engine;
  }

  /** {@return the rows, in the order they are tried} */
  public List<Row> rows() {
    return rows;
  }

  /**
   * {@return the kind for this answer; the table's fallback when no row matches}
   *
   * @param operation the operation called
   * @param wireStatus the HTTP status on the wire
   * @param engineCode the engine's error code
   * @param message the message
   */
  public ErrorKind kindFor(Operation operation, String wireStatus, String engineCode, String message) {
    for (Row row : rows) {
      if (row.matches(operation, wireStatus, engineCode, message)) {
        return row.kind();
      }
    }
    return fallback;
  }

  /**
   * {@return the exception for an answer the engine sent (so it did not do the work)}
   *
   * @param operation the operation called
   * @param wireStatus the HTTP status on the wire
   * @param engineCode the engine's error code
   * @param message the message
   * @param requestId the request's id
   * @param cause the underlying failure
   */
  public WorkflowException toException(
      Operation operation, String wireStatus, String engineCode, String message, String requestId, Throwable cause) {
    ErrorKind kind = kindFor(operation, wireStatus, engineCode, message);
    ErrorInfo info = ErrorInfo.answered(engine, operation, wireStatus, engineCode, message, requestId);
    if (kind == ErrorKind.TIMEOUT || kind == ErrorKind.UNAVAILABLE || kind == ErrorKind.INTERNAL
        || kind == ErrorKind.UNKNOWN_STATUS) {
      // The engine may have acted before it failed: only a retry of an idempotent call is safe.
      info = info.withRequestMayHaveBeenProcessed(true);
    }
    return kind.toException(info, cause);
  }

  /**
   * One row of the table.
   *
   * @param operation the operation, or null for any
   * @param wireStatus the HTTP code or gRPC status name, or null for any
   * @param engineCode the engine's code, or null for any
   * @param messagePattern a pattern found in the engine's message, or null for any
   * @param kind the meaning
   */
  public record Row(Operation operation, String wireStatus, String engineCode, Pattern messagePattern, ErrorKind kind) {
    /**
     * Creates the record: checks the components.
     *
     * @param operation the operation, or null for any
     * @param wireStatus the HTTP code or gRPC status name, or null for any
     * @param engineCode the engine's code, or null for any
     * @param messagePattern a pattern found in the engine's message, or null for any
     * @param kind the meaning
     */
    public Row {
      Objects.requireNonNull(kind, "kind == null");
    }

    boolean matches(Operation op, String status, String code, String message) {
      return (operation == null || operation.equals(op))
          && (wireStatus == null || wireStatus.equals(status))
          && (engineCode == null || engineCode.equals(code))
          && (messagePattern == null || (message != null && messagePattern.matcher(message).find()));
    }
  }

  /** Builds an {@link ErrorTable}. */
  public static final class Builder {
    private final String engine;
    private final List<Row> rows = new ArrayList<>();
    private ErrorKind fallback = ErrorKind.UNKNOWN_STATUS;

    private Builder(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine == null");
    }

    /**
     * {@return a row on operation (null for any) and wire status}
     *
     * @param operation the operation called
     * @param wireStatus the HTTP status on the wire
     * @param kind the kind
     */
    public Builder row(Operation operation, String wireStatus, ErrorKind kind) {
      rows.add(new Row(operation, wireStatus, null, null, kind));
      return this;
    }

    /**
     * {@return a row on operation (null for any), wire status (null for any) and engine code}
     *
     * @param operation the operation called
     * @param wireStatus the HTTP status on the wire
     * @param engineCode the engine's error code
     * @param kind the kind
     */
    public Builder row(Operation operation, String wireStatus, String engineCode, ErrorKind kind) {
      rows.add(new Row(operation, wireStatus, engineCode, null, kind));
      return this;
    }

    /**
     * {@return a row that also needs {@code messageRegex} to be found in the engine's message}
     *
     * @param operation the operation called
     * @param wireStatus the HTTP status on the wire
     * @param messageRegex the message regex
     * @param kind the kind
     */
    public Builder rowMatching(Operation operation, String wireStatus, String messageRegex, ErrorKind kind) {
      rows.add(new Row(operation, wireStatus, null, Pattern.compile(messageRegex), kind));
      return this;
    }

    /**
     * Any row, e.g. one on engine code and message together.
     *
     * @param row the row
     * @return this builder
     */
    public Builder row(Row row) {
      rows.add(Objects.requireNonNull(row, "row == null"));
      return this;
    }

    /**
     * {@return the kind when no row matches; {@link ErrorKind#UNKNOWN_STATUS} by default}
     *
     * @param kind the kind
     */
    public Builder fallback(ErrorKind kind) {
      this.fallback = Objects.requireNonNull(kind, "kind == null");
      return this;
    }

    /** {@return the build} */
    public ErrorTable build() {
      return new ErrorTable(this);
    }
  }
}
