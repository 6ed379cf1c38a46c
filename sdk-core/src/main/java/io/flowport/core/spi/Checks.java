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

  /**
   * {@return the checks of {@code operation} on {@code engine}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   */
  public static Checks of(String engine, Operation operation) {
    return new Checks(engine, operation);
  }

  /** {@return the engine the errors name} */
  public String engine() {
    return engine;
  }

  /** {@return the operation the errors name} */
  public Operation operation() {
    return operation;
  }

  /**
   * {@code value} unless it is null or blank; {@code what} names it in the error.
   *
   * @param what what is checked, for the message
   * @param value the value
   * @return the id
   */
  public String id(String what, String value) {
    return Args.requireId(engine, operation, what, value);
  }

  /**
   * {@code value} unless it is null.
   *
   * @param <T> the type of the result
   * @param what what is checked, for the message
   * @param value the value
   * @return the t
   */
  public <T> T nonNull(String what, T value) {
    return Args.requireNonNull(engine, operation, what, value);
  }

  /**
   * {@return every id of {@code values}, checked as {@link #id}; a copy of the list}
   *
   * @param what what is checked, for the message
   * @param values the values
   */
  public List<String> ids(String what, List<String> values) {
    nonNull(what + "s", values);
    values.forEach(v -> id(what, v));
    return List.copyOf(values);
  }

  /**
   * Plain JSON copies of {@code variables}, which must not be null (see {@link JsonValues#checkVariables}).
   *
   * @param variables the variables, by name
   * @return the variables
   */
  public Map<String, Object> variables(Map<String, ?> variables) {
    return JsonValues.checkVariables(engine, operation, variables);
  }

  /**
   * As {@link #variables}, with null taken as no variables.
   *
   * @param variables the variables, by name
   * @return the optional variables
   */
  public Map<String, Object> optionalVariables(Map<String, ?> variables) {
    return variables == null ? Map.of() : variables(variables);
  }

  /**
   * {@return a plain JSON copy of one value named {@code name} (null stays null)}
   *
   * @param name the name
   * @param value the value
   */
  public Object value(String name, Object value) {
    return JsonValues.checkValue(engine, operation, name, value);
  }

  /**
   * {@code value} unless it is below {@code min}.
   *
   * @param what what is checked, for the message
   * @param value the value
   * @param min the min
   * @return the at least
   */
  public int atLeast(String what, int value, int min) {
    if (value < min) {
      throw invalid(what + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  /**
   * {@code duration} unless it is null, zero or negative.
   *
   * @param what what is checked, for the message
   * @param duration the duration
   * @return the positive
   */
  public Duration positive(String what, Duration duration) {
    nonNull(what, duration);
    if (duration.isNegative() || duration.isZero()) {
      throw invalid(what + " must be positive, was " + duration);
    }
    return duration;
  }

  /**
   * {@return a start request every engine can take: it names a definition (by id, or by key) or a message
   * name, exactly one, with a non-blank id, and JSON variables} Returns it with plain copies of
   * its variables.
   *
   * @param request what to send
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

  /**
   * {@return a ClientValidationException with {@code message}, to throw from a check of one's own}
   *
   * @param message the message
   */
  public WorkflowException invalid(String message) {
    return Args.invalid(engine, operation, message);
  }
}
