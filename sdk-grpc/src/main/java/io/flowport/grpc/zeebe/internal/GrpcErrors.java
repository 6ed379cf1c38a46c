package io.flowport.grpc.zeebe.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.TlsCheck;
import io.flowport.core.error.WorkflowException;
import io.grpc.Status;

/**
 * Turns what grpc-java reported into a Flowport exception. A status the gateway sent (it came in
 * the gateway's trailers, see {@link WireTrace}) goes through the engine's {@link ErrorTable}. A
 * status grpc-java made itself is the client's: its deadline, a cancel, an answer over its size
 * limit or one it could not parse, a broken connection. Those are never the gateway's back
 * pressure or internal error, and whether the gateway may have acted on the request follows from
 * whether the request left the client, not from grpc-java's wording. A handshake that failed on the
 * gateway's certificate (grpc-java reports it as UNAVAILABLE, the JDK's exception as its cause) is
 * a {@link ErrorKind#TLS_FAILURE}: retrying cannot cure it, and the gateway never saw the request.
 */
final class GrpcErrors {
  private GrpcErrors() {}

  /**
   * The exception for {@code error}.
   *
   * @param gateway the gateway address(es) the channel dials, named when the gateway could not be
   *     reached (grpc-java's "io exception" does not say which address failed); null for none
   * @param trace what the transport did for this call
   */
  static WorkflowException map(ErrorTable table, Operation operation, Throwable error, String gateway, WireTrace trace) {
    if (error instanceof WorkflowException we) {
      return we;
    }
    Status status = Status.fromThrowable(error);
    if (trace.fromServer()) {
      return table.toException(operation, status.getCode().name(), null, status.getDescription(), null, error);
    }
    return clientSide(table, operation, status, error, gateway, trace.maybeSent());
  }

  private static WorkflowException clientSide(
      ErrorTable table, Operation operation, Status status, Throwable error, String gateway, boolean sent) {
    String code = status.getCode().name();
    String description = status.getDescription();
    ErrorKind kind;
    boolean answered = false;
    TlsCheck tls = TlsCheck.of(error);
    if (tls != null) {
      kind = ErrorKind.TLS_FAILURE;
      sent = false; // the handshake precedes the request's headers
      description = tls.description() + (gateway == null ? "" : " (gateway " + gateway + ")");
    } else if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
      // grpc-java's own size limits (an answer over maxInboundMessageSize): not back pressure.
      kind = sent ? ErrorKind.UNEXPECTED_RESPONSE : ErrorKind.CLIENT_VALIDATION;
      answered = sent;
      description = (sent ? "the gateway answered, but its answer exceeds this client's inbound limit: "
          : "the request exceeds this client's limit: ") + description;
    } else if (has(error, InvalidProtocolBufferException.class)) {
      kind = ErrorKind.UNEXPECTED_RESPONSE;
      answered = true;
      description = "cannot read the gateway's answer (not a valid protobuf message)";
    } else {
      switch (status.getCode()) {
        case DEADLINE_EXCEEDED -> kind = ErrorKind.TIMEOUT;
        // The channel's transport broke (connection reset, HTTP/2 error, GOAWAY) or was shut down:
        // unavailable for every call on it, retried where safe.
        case UNAVAILABLE, CANCELLED, INTERNAL, UNKNOWN -> kind = ErrorKind.UNAVAILABLE;
        default -> kind = table.kindFor(operation, code, null, description);
      }
      if (kind == ErrorKind.UNAVAILABLE && !sent && gateway != null
          && (description == null || !description.contains(gateway))) {
        description = (description == null ? "" : description + " ") + "(gateway " + gateway + ")";
      }
    }
    ErrorInfo info = new ErrorInfo(table.engine(), operation, code, null, description, null, sent || answered);
    return kind.toException(info, error);
  }

  /** True when {@code type} is somewhere in {@code error}'s cause chain. */
  static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
