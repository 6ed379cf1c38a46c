package io.flowport.grpc.zeebe.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Turns what grpc-java reported into a Flowport exception through an {@link ErrorTable}. */
public final class GrpcErrors {
  private GrpcErrors() {}

  /**
   * The exception for {@code error}. A refused or unresolvable connection, and a deadline that
   * expired while the call still waited for a connection, mean the gateway never saw the request:
   * those are marked as certainly not processed, so even a non-idempotent call is retried.
   */
  public static WorkflowException map(ErrorTable table, Operation operation, Throwable error) {
    return map(table, operation, error, null);
  }

  /**
   * The exception for {@code error}, as {@link #map(ErrorTable, Operation, Throwable)}; when the
   * gateway could not be reached, its message names {@code gateway} (grpc-java's "io exception"
   * does not say which address failed).
   *
   * @param gateway the gateway address(es) the channel dials, or null when there are none (an
   *     in-process channel)
   */
  public static WorkflowException map(ErrorTable table, Operation operation, Throwable error, String gateway) {
    if (error instanceof WorkflowException we) {
      return we;
    }
    Status status = Status.fromThrowable(error);
    String code = status.getCode().name();
    String description = status.getDescription();
    // A status with a cause is the client's own (no connection); one the gateway sent has none.
    boolean notReached = status.getCode() == Status.Code.UNAVAILABLE && (status.getCause() != null || neverSent(status));
    if (gateway != null && notReached && (description == null || !description.contains(gateway))) {
      description = (description == null ? "" : description + " ") + "(gateway " + gateway + ")";
    }
    WorkflowException mapped = table.toException(operation, code, null, description, null, error);
    if (mapped.requestMayHaveBeenProcessed() && neverSent(status)) {
      mapped = mapped.kind().toException(mapped.info().withRequestMayHaveBeenProcessed(false), error);
    }
    return mapped;
  }

  /** True when the status shows that the request never left the client. */
  static boolean neverSent(Status status) {
    switch (status.getCode()) {
      case UNAVAILABLE:
        for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
          if (t instanceof ConnectException || t instanceof UnknownHostException
              || t instanceof UnresolvedAddressException || t instanceof NoRouteToHostException) {
            return true;
          }
          if (t.getCause() == t) {
            break;
          }
        }
        String d = status.getDescription();
        return d != null && (d.contains("Connection refused") || d.startsWith("Unable to resolve host"));
      case DEADLINE_EXCEEDED:
        String desc = status.getDescription();
        return desc != null && desc.contains("waiting_for_connection");
      default:
        return false;
    }
  }
}
