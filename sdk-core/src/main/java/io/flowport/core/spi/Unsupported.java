package io.flowport.core.spi;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import java.util.concurrent.CompletableFuture;

/** The typed "this engine cannot do that" error. */
public final class Unsupported {
  private Unsupported() {}

  /** The exception for {@code operation} on {@code engine}. */
  public static WorkflowException exception(String engine, Operation operation) {
    return ErrorKind.UNSUPPORTED.toException(ErrorInfo.clientSide(engine, operation));
  }

  /** The exception for {@code operation} on {@code engine}, saying why ({@code reason} may be null). */
  public static WorkflowException exception(String engine, Operation operation, String reason) {
    return ErrorKind.UNSUPPORTED.toException(reason == null ? ErrorInfo.clientSide(engine, operation)
        : new ErrorInfo(engine, operation, null, null, reason, null, false));
  }

  /** A future failed with {@link #exception}. */
  public static <T> CompletableFuture<T> future(CallContext ctx) {
    return CompletableFuture.failedFuture(exception(ctx.engine(), ctx.operation()));
  }
}
