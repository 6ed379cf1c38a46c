package io.flowport.core.spi;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import java.util.concurrent.CompletableFuture;

/** The typed "this engine cannot do that" error. */
public final class Unsupported {
  private Unsupported() {}

  /**
   * {@return the exception for {@code operation} on {@code engine}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   */
  public static WorkflowException exception(String engine, Operation operation) {
    return ErrorKind.UNSUPPORTED.toException(ErrorInfo.clientSide(engine, operation));
  }

  /**
   * {@return the exception for {@code operation} on {@code engine}, saying why ({@code reason} may be null)}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param reason why, or null
   */
  public static WorkflowException exception(String engine, Operation operation, String reason) {
    return ErrorKind.UNSUPPORTED.toException(reason == null ? ErrorInfo.clientSide(engine, operation)
        : new ErrorInfo(engine, operation, null, null, reason, null, false));
  }

  /**
   * {@return a future failed with {@link #exception}}
   *
   * @param <T> the type of the result
   * @param ctx the context
   */
  public static <T> CompletableFuture<T> future(CallContext ctx) {
    return CompletableFuture.failedFuture(exception(ctx.engine(), ctx.operation()));
  }
}
