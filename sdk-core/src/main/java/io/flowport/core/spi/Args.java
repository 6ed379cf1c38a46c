package io.flowport.core.spi;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;

/** Argument checks that fail with ClientValidationException, before anything is sent. */
public final class Args {
  private Args() {}

  /** {@code value} unless it is null or blank. */
  public static String requireId(String engine, Operation operation, String what, String value) {
    if (value == null) {
      throw invalid(engine, operation, what + " must not be null");
    }
    if (value.isBlank()) {
      throw invalid(engine, operation, what + " must not be blank");
    }
    return value;
  }

  /** {@code value} unless it is null. */
  public static <T> T requireNonNull(String engine, Operation operation, String what, T value) {
    if (value == null) {
      throw invalid(engine, operation, what + " must not be null");
    }
    return value;
  }

  /** A ClientValidationException with {@code message}. */
  public static WorkflowException invalid(String engine, Operation operation, String message) {
    return ErrorKind.CLIENT_VALIDATION.toException(
        new ErrorInfo(engine, operation, null, null, message, null, false));
  }
}
