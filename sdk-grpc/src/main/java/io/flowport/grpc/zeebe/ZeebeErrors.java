package io.flowport.grpc.zeebe;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;

/**
 * How the Zeebe gateway's gRPC statuses map to Flowport's exceptions, as data. The operation-aware
 * rows follow pyzeebe's per-call tables (the Zeebe proto's documented errors); the general rows follow
 * pyzeebe's {@code _create_pyzeebe_error_from_grpc_error}. The gateway's description stays on the
 * exception as {@link io.flowport.core.error.WorkflowException#engineMessage()}.
 *
 * <table>
 *   <caption>status table</caption>
 *   <tr><th>operation</th><th>gRPC status</th><th>kind</th></tr>
 *   <tr><td>start, start and await</td><td>NOT_FOUND</td><td>DEFINITION_NOT_FOUND</td></tr>
 *   <tr><td>start, start and await</td><td>INVALID_ARGUMENT</td><td>INVALID_VARIABLES</td></tr>
 *   <tr><td>start, start and await</td><td>FAILED_PRECONDITION</td><td>NO_START_EVENT</td></tr>
 *   <tr><td>cancel instance</td><td>NOT_FOUND</td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>deploy</td><td>INVALID_ARGUMENT</td><td>INVALID_DEFINITION</td></tr>
 *   <tr><td>publish message</td><td>ALREADY_EXISTS</td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>complete/fail job, throw error, update job retries</td><td>NOT_FOUND</td><td>NOT_FOUND</td></tr>
 *   <tr><td>complete/fail job, throw error, update job retries</td><td>FAILED_PRECONDITION</td><td>ILLEGAL_TRANSITION</td></tr>
 *   <tr><td>activate jobs</td><td>INVALID_ARGUMENT</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>upsert variables, set variables</td><td>NOT_FOUND</td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>resolve incident</td><td>NOT_FOUND</td><td>NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>RESOURCE_EXHAUSTED</td><td>BACK_PRESSURE</td></tr>
 *   <tr><td>any</td><td>UNAVAILABLE, CANCELLED</td><td>UNAVAILABLE</td></tr>
 *   <tr><td>any</td><td>INTERNAL</td><td>INTERNAL</td></tr>
 *   <tr><td>any</td><td>DEADLINE_EXCEEDED</td><td>TIMEOUT</td></tr>
 *   <tr><td>any</td><td>PERMISSION_DENIED</td><td>PERMISSION</td></tr>
 *   <tr><td>any</td><td>UNAUTHENTICATED</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>any</td><td>anything else</td><td>UNKNOWN_STATUS</td></tr>
 * </table>
 */
public final class ZeebeErrors {
  /** The engine name used in exceptions and listener events. */
  public static final String ENGINE = "zeebe";

  /** The table every Zeebe call maps its errors through. */
  public static final ErrorTable TABLE = build();

  private ZeebeErrors() {}

  private static ErrorTable build() {
    ErrorTable.Builder b = ErrorTable.builder(ENGINE);
    for (Operation create : new Operation[] {Operation.START_INSTANCE, Operation.START_AND_AWAIT}) {
      b.row(create, "NOT_FOUND", ErrorKind.DEFINITION_NOT_FOUND)
          .row(create, "INVALID_ARGUMENT", ErrorKind.INVALID_VARIABLES)
          .row(create, "FAILED_PRECONDITION", ErrorKind.NO_START_EVENT)
          .row(create, "DEADLINE_EXCEEDED", ErrorKind.TIMEOUT);
    }
    b.row(Operation.CANCEL_INSTANCE, "NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
        .row(Operation.DEPLOY, "INVALID_ARGUMENT", ErrorKind.INVALID_DEFINITION)
        .row(Operation.PUBLISH_MESSAGE, "ALREADY_EXISTS", ErrorKind.ALREADY_EXISTS);
    for (Operation job : new Operation[] {
        ZeebeOperations.COMPLETE_JOB, ZeebeOperations.FAIL_JOB, ZeebeOperations.THROW_ERROR,
        ZeebeOperations.UPDATE_JOB_RETRIES}) {
      b.row(job, "NOT_FOUND", ErrorKind.NOT_FOUND)
          .row(job, "FAILED_PRECONDITION", ErrorKind.ILLEGAL_TRANSITION);
    }
    b.row(ZeebeOperations.ACTIVATE_JOBS, "INVALID_ARGUMENT", ErrorKind.INVALID_REQUEST)
        .row(Operation.UPSERT_VARIABLES, "NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
        .row(ZeebeOperations.SET_VARIABLES, "NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
        .row(ZeebeOperations.RESOLVE_INCIDENT, "NOT_FOUND", ErrorKind.NOT_FOUND);
    // General rows (pyzeebe's _create_pyzeebe_error_from_grpc_error).
    b.row(null, "RESOURCE_EXHAUSTED", ErrorKind.BACK_PRESSURE)
        .row(null, "UNAVAILABLE", ErrorKind.UNAVAILABLE)
        .row(null, "CANCELLED", ErrorKind.UNAVAILABLE)
        .row(null, "INTERNAL", ErrorKind.INTERNAL)
        .row(null, "DEADLINE_EXCEEDED", ErrorKind.TIMEOUT)
        .row(null, "PERMISSION_DENIED", ErrorKind.PERMISSION)
        .row(null, "UNAUTHENTICATED", ErrorKind.AUTHENTICATION)
        .fallback(ErrorKind.UNKNOWN_STATUS);
    return b.build();
  }
}
