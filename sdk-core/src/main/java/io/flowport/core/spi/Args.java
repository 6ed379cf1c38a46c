package io.flowport.core.spi;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;

/** Argument checks that fail with ClientValidationException, before anything is sent. */
public final class Args {
  private Args() {}

  /**
   * {@code value} unless it is null or blank.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param what what is checked, for the message
   * @param value the value
   * @return the require id
   */
  public static String requireId(String engine, Operation operation, String what, String value) {
    if (value == null) {
      throw invalid(engine, operation, what + " must not be null");
    }
    if (value.isBlank()) {
      throw invalid(engine, operation, what + " must not be blank");
    }
    return value;
  }

  /**
   * {@code value} unless it is null.
   *
   * @param <T> the type of the result
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param what what is checked, for the message
   * @param value the value
   * @return the t
   */
  public static <T> T requireNonNull(String engine, Operation operation, String what, T value) {
    if (value == null) {
      throw invalid(engine, operation, what + " must not be null");
    }
    return value;
  }

  /**
   * {@return a ClientValidationException with {@code message}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param message the message
   */
  public static WorkflowException invalid(String engine, Operation operation, String message) {
    return ErrorKind.CLIENT_VALIDATION.toException(
        new ErrorInfo(engine, operation, null, null, message, null, false));
  }
}
