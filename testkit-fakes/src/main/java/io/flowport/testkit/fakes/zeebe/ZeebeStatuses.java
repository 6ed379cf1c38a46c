package io.flowport.testkit.fakes.zeebe;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineException.Reason;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How in-memory engine failures become the gateway's gRPC statuses, as data.
 *
 * <p>The general table maps an {@link Reason} to a gRPC code and the broker's rejection type (the
 * word Zeebe writes after {@code "rejected with code"}). Per-RPC rows then replace the reason's
 * code and, where the engine words it differently from the broker, the message, keyed by the
 * request's own key (the job, instance or element key the client sent). A rejection is sent as
 * {@code "Command '<INTENT>' rejected with code '<REJECTION>': <message>"} with a
 * {@code grpc-status-details-bin} trailer (a {@code google.rpc.Status}), as the real gateway does.
 *
 * <table>
 *   <caption>general table</caption>
 *   <tr><th>engine reason</th><th>gRPC</th><th>rejection type</th></tr>
 *   <tr><td>DEFINITION/INSTANCE/NODE/VARIABLE/JOB/INCIDENT/GROUP_NOT_FOUND</td><td>NOT_FOUND</td><td>NOT_FOUND</td></tr>
 *   <tr><td>ALREADY_EXISTS</td><td>ALREADY_EXISTS</td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>INVALID_ARGUMENT, INVALID_DEFINITION</td><td>INVALID_ARGUMENT</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>NO_START_EVENT, ILLEGAL_STATE, STALE_VERSION</td><td>FAILED_PRECONDITION</td><td>INVALID_STATE</td></tr>
 *   <tr><td>TIMEOUT</td><td>DEADLINE_EXCEEDED</td><td>(none: "Time out between gateway and broker: ...")</td></tr>
 * </table>
 *
 * <table>
 *   <caption>per-RPC rows</caption>
 *   <tr><th>RPC</th><th>engine reason</th><th>gRPC</th><th>message</th></tr>
 *   <tr><td>CancelProcessInstance</td><td>INSTANCE_NOT_FOUND, ILLEGAL_STATE (ended)</td><td>NOT_FOUND</td>
 *       <td>Expected to cancel a process instance with key 'k', but no such process was found</td></tr>
 *   <tr><td>SetVariables</td><td>INSTANCE_NOT_FOUND, ILLEGAL_STATE (ended)</td><td>NOT_FOUND</td>
 *       <td>Expected to update variables for element with key 'k', but no such element was found</td></tr>
 *   <tr><td>ThrowError</td><td>JOB_NOT_FOUND</td><td>NOT_FOUND</td>
 *       <td>Expected to throw an error for job with key 'k', but no such job was found</td></tr>
 *   <tr><td>UpdateJobRetries</td><td>JOB_NOT_FOUND</td><td>NOT_FOUND</td>
 *       <td>Expected to update job with key 'k', but no such job was found</td></tr>
 * </table>
 */
final class ZeebeStatuses {

  /** One row: the gRPC code and the broker rejection type (null: no "Command ... rejected" prefix). */
  record Row(Status.Code code, String rejection) {}

  /** A per-RPC row; {@code message} has one {@code %s}, the request's key (null: keep the engine's message). */
  record RpcRow(Rpc rpc, List<Reason> reasons, Row row, String message) {}

  static final Map<Reason, Row> GENERAL = general();

  static final List<RpcRow> PER_RPC = List.of(
      new RpcRow(Rpc.CANCEL_PROCESS_INSTANCE, List.of(Reason.INSTANCE_NOT_FOUND, Reason.ILLEGAL_STATE),
          new Row(Status.Code.NOT_FOUND, "NOT_FOUND"),
          "Expected to cancel a process instance with key '%s', but no such process was found"),
      new RpcRow(Rpc.SET_VARIABLES, List.of(Reason.INSTANCE_NOT_FOUND, Reason.ILLEGAL_STATE),
          new Row(Status.Code.NOT_FOUND, "NOT_FOUND"),
          "Expected to update variables for element with key '%s', but no such element was found"),
      new RpcRow(Rpc.THROW_ERROR, List.of(Reason.JOB_NOT_FOUND),
          new Row(Status.Code.NOT_FOUND, "NOT_FOUND"),
          "Expected to throw an error for job with key '%s', but no such job was found"),
      new RpcRow(Rpc.UPDATE_JOB_RETRIES, List.of(Reason.JOB_NOT_FOUND),
          new Row(Status.Code.NOT_FOUND, "NOT_FOUND"),
          "Expected to update job with key '%s', but no such job was found"));

  private ZeebeStatuses() {}

  private static Map<Reason, Row> general() {
    Map<Reason, Row> m = new EnumMap<>(Reason.class);
    Row notFound = new Row(Status.Code.NOT_FOUND, "NOT_FOUND");
    for (Reason r : List.of(Reason.DEFINITION_NOT_FOUND, Reason.INSTANCE_NOT_FOUND, Reason.NODE_NOT_FOUND,
        Reason.VARIABLE_NOT_FOUND, Reason.JOB_NOT_FOUND, Reason.INCIDENT_NOT_FOUND, Reason.GROUP_NOT_FOUND)) {
      m.put(r, notFound);
    }
    m.put(Reason.ALREADY_EXISTS, new Row(Status.Code.ALREADY_EXISTS, "ALREADY_EXISTS"));
    m.put(Reason.INVALID_ARGUMENT, new Row(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT"));
    m.put(Reason.INVALID_DEFINITION, new Row(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT"));
    Row invalidState = new Row(Status.Code.FAILED_PRECONDITION, "INVALID_STATE");
    m.put(Reason.NO_START_EVENT, invalidState);
    m.put(Reason.ILLEGAL_STATE, invalidState);
    m.put(Reason.STALE_VERSION, invalidState);
    m.put(Reason.TIMEOUT, new Row(Status.Code.DEADLINE_EXCEEDED, null));
    for (Reason r : Reason.values()) {
      if (!m.containsKey(r)) {
        throw new IllegalStateException("no gRPC status for engine reason " + r);
      }
    }
    return m;
  }

  /** The status the gateway answers for an engine failure of {@code rpc} about {@code key}. */
  static StatusRuntimeException toStatus(Rpc rpc, String key, EngineException e) {
    for (RpcRow r : PER_RPC) {
      if (r.rpc() == rpc && r.reasons().contains(e.reason())) {
        return rejection(rpc, r.row(), r.message() == null ? e.getMessage() : String.format(r.message(), key));
      }
    }
    Row row = GENERAL.get(e.reason());
    if (row.rejection() == null) {
      return status(row.code(), "Time out between gateway and broker: " + e.getMessage());
    }
    return rejection(rpc, row, e.getMessage());
  }

  /** A broker rejection: {@code Command '<intent>' rejected with code '<type>': <message>}. */
  static StatusRuntimeException rejection(Rpc rpc, Row row, String message) {
    return status(row.code(), "Command '" + rpc.intent + "' rejected with code '" + row.rejection() + "': " + message);
  }

  static StatusRuntimeException rejection(Rpc rpc, Status.Code code, String message) {
    return rejection(rpc, new Row(code, code == Status.Code.FAILED_PRECONDITION ? "INVALID_STATE" : code.name()), message);
  }

  /** A status with the google.rpc.Status details trailer, like the gateway sends. */
  static StatusRuntimeException status(Status.Code code, String description) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(description)
        .build());
  }
}
