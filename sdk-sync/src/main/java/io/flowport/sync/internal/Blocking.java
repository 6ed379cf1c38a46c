package io.flowport.sync.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a future the way the sync client promises: the WorkflowException rethrown on the
 * caller's thread, other unchecked exceptions as they are, interruption cancelling the call.
 */
final class Blocking {
  private Blocking() {}

  /**
   * The future's value.
   *
   * @param engine the engine, for the rare error that needs one
   * @param operation the operation, likewise
   * @throws WorkflowException the future's own, rethrown here (see {@link WorkflowException#rethrownHere()})
   * @throws CancellationException when the call was cancelled, or this thread was interrupted
   *     while waiting (the call is then cancelled and the interrupt flag set again)
   */
  static <T> T await(String engine, Operation operation, CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true); // cancels the attempt on the wire and any further retry
      Thread.currentThread().interrupt();
      CancellationException cancelled =
          new CancellationException("[" + engine + "] " + operation + ": interrupted while waiting; the call was cancelled");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      throw rethrow(engine, operation, e.getCause());
    }
    // A CancellationException from get() (the future was cancelled) propagates as it is.
  }

  /** {@code error} as the sync client throws it. */
  static RuntimeException rethrow(String engine, Operation operation, Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof WorkflowException we) {
      return we.rethrownHere();
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    // A checked exception from an odd future: keep it as the cause of an internal error.
    return ErrorKind.INTERNAL.toException(new ErrorInfo(engine, operation, null, null,
        "the call failed with " + (t == null ? "no cause" : t.getClass().getName()), null, true), t);
  }
}
