package io.flowport.core.spi;

import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.StartRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The argument checks of one operation on one engine, made before anything is sent. Every check
 * returns its (possibly copied) argument or throws ClientValidationException naming the engine, the
 * operation and the argument; an adapter's own operations get the same checks, with the same
 * messages, as the unified ones. See {@link AdapterClient#call}.
 *
 * <pre>{@code
 * return call(COMPLETE_TASK, check -> {
 *   check.id("instanceId", instanceId);
 *   Map<String, Object> vars = check.optionalVariables(variables);
 *   return ctx -> backend.completeTask(ctx, instanceId, vars);
 * });
 * }</pre>
 */
public final class Checks {
  private final String engine;
  private final Operation operation;

  private Checks(String engine, Operation operation) {
    this.engine = Objects.requireNonNull(engine, "engine == null");
    this.operation = Objects.requireNonNull(operation, "operation == null");
  }

  /** The checks of {@code operation} on {@code engine}. */
  public static Checks of(String engine, Operation operation) {
    return new Checks(engine, operation);
  }

  /** The engine the errors name. */
  public String engine() {
    return engine;
  }

  /** The operation the errors name. */
  public Operation operation() {
    return operation;
  }

  /** {@code value} unless it is null or blank; {@code what} names it in the error. */
  public String id(String what, String value) {
    return Args.requireId(engine, operation, what, value);
  }

  /** {@code value} unless it is null. */
  public <T> T nonNull(String what, T value) {
    return Args.requireNonNull(engine, operation, what, value);
  }

  /** Every id of {@code values}, checked as {@link #id}; a copy of the list. */
  public List<String> ids(String what, List<String> values) {
    nonNull(what + "s", values);
    values.forEach(v -> id(what, v));
    return List.copyOf(values);
  }

  /** Plain JSON copies of {@code variables}, which must not be null (see {@link JsonValues#checkVariables}). */
  public Map<String, Object> variables(Map<String, ?> variables) {
    return JsonValues.checkVariables(engine, operation, variables);
  }

  /** As {@link #variables}, with null taken as no variables. */
  public Map<String, Object> optionalVariables(Map<String, ?> variables) {
    return variables == null ? Map.of() : variables(variables);
  }

  /** A plain JSON copy of one value named {@code name} (null stays null). */
  public Object value(String name, Object value) {
    return JsonValues.checkValue(engine, operation, name, value);
  }

  /** {@code value} unless it is below {@code min}. */
  public int atLeast(String what, int value, int min) {
    if (value < min) {
      throw invalid(what + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  /** {@code duration} unless it is null, zero or negative. */
  public Duration positive(String what, Duration duration) {
    nonNull(what, duration);
    if (duration.isNegative() || duration.isZero()) {
      throw invalid(what + " must be positive, was " + duration);
    }
    return duration;
  }

  /**
   * A start request every engine can take: it names a definition (by id, or by key) or a message
   * name, exactly one, with a non-blank id, and JSON variables. Returns it with plain copies of
   * its variables.
   */
  public StartRequest start(StartRequest request) {
    nonNull("request", request);
    if (request.definition() == null && request.messageName() == null) {
      throw invalid("a start request needs a definition or a message name");
    }
    if (request.definition() != null && request.messageName() != null) {
      throw invalid("a start request names a definition or a message, not both");
    }
    if (request.definition() != null) {
      if (request.definition().isByKey()) {
        id("definition key", request.definition().key());
      } else {
        id("definition id", request.definition().id());
      }
    } else {
      id("message name", request.messageName());
    }
    return request.withVariables(variables(request.variables()));
  }

  /** A ClientValidationException with {@code message}, to throw from a check of one's own. */
  public WorkflowException invalid(String message) {
    return Args.invalid(engine, operation, message);
  }
}
