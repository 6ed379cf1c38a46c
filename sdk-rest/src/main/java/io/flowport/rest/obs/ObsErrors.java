package io.flowport.rest.obs;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.ErrorReader;
import io.flowport.rest.RestErrors;
import io.flowport.rest.obs.internal.ObsErrorAnswer;
import io.flowport.rest.obs.internal.ObsErrorBodies;
import java.util.List;

/**
 * How OBS's error answers map to the unified errors, as data. JSON and XML error bodies go through
 * the same table (see {@code ObsErrorBodies}); the wire status is the HTTP code and the engine code
 * is OBS's {@code code}/{@code Code}. OBS documents no workflow-specific codes (wire notes §6
 * item 4): the generic codes of its error table come first, then the status decides with the
 * operation.
 *
 * <table>
 *   <caption>OBS error table</caption>
 *   <tr><th>operation</th><th>status</th><th>code</th><th>kind</th></tr>
 *   <tr><td>any</td><td>403</td><td>SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>any</td><td>403</td><td>AccessDenied, or none</td><td>PERMISSION</td></tr>
 *   <tr><td>any</td><td>401</td><td>SYS.0004, or none</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>any</td><td>404</td><td>SYS.0003 (unsupported API)</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>start instance, start workflow, list instances, list executions</td><td>404</td><td></td><td>DEFINITION_NOT_FOUND (no such graph)</td></tr>
 *   <tr><td>get, retry, node tree, variables, get / restore execution</td><td>404</td><td></td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>404</td><td></td><td>NOT_FOUND (template, workflow, trigger policy)</td></tr>
 *   <tr><td>any</td><td>405</td><td>MethodNotAllowed</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>create template, create workflow</td><td>409</td><td></td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>retry, restore execution</td><td>409</td><td></td><td>ILLEGAL_TRANSITION (not FAILED)</td></tr>
 *   <tr><td>any</td><td>409</td><td></td><td>CONFLICT</td></tr>
 *   <tr><td>any</td><td>400</td><td>SYS.0010 or any</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>429</td><td>SYS.0011 or any</td><td>BACK_PRESSURE</td></tr>
 *   <tr><td>any</td><td>500</td><td>InternalError or any</td><td>INTERNAL</td></tr>
 *   <tr><td>any</td><td>502, 503, 504</td><td></td><td>UNAVAILABLE</td></tr>
 *   <tr><td colspan="3">anything else</td><td>UNKNOWN_STATUS</td></tr>
 * </table>
 *
 * Every exception from an error answer has the {@link ObsResult} as its cause ({@link ObsResult#of}).
 * 429 and 503 are answers before any work, so even a start is retried after them.
 */
public final class ObsErrors {
  /** The codes OBS uses for a request it could not authenticate. */
  public static final List<String> AUTHENTICATION_CODES =
      List.of("SignatureDoesNotMatch", "InvalidAccessKeyId", "RequestTimeTooSkewed");
  /** The 403 code of a request signed at a time too far from OBS's clock. */
  public static final String CLOCK_SKEW = "RequestTimeTooSkewed";

  /** The table. */
  public static final ErrorTable TABLE = build();

  /** The error reader the OBS transport uses. */
  public static final ErrorReader READER = ObsErrors::read;

  private ObsErrors() {}

  private static ErrorTable build() {
    ErrorTable.Builder t = ErrorTable.builder(ObsClient.ENGINE);
    for (String code : AUTHENTICATION_CODES) {
      t.row(null, "403", code, ErrorKind.AUTHENTICATION);
    }
    t.row(null, "403", ErrorKind.PERMISSION);
    t.row(null, "401", ErrorKind.AUTHENTICATION);
    t.row(null, "404", "SYS.0003", ErrorKind.INVALID_REQUEST);
    for (Operation op : List.of(Operation.START_INSTANCE, ObsOperations.START_WORKFLOW, Operation.LIST_INSTANCES,
        ObsOperations.LIST_EXECUTIONS)) {
      t.row(op, "404", ErrorKind.DEFINITION_NOT_FOUND);
    }
    for (Operation op : List.of(Operation.GET_INSTANCE, Operation.RETRY_INSTANCE, Operation.GET_NODE_TREE,
        Operation.GET_VARIABLES, Operation.GET_VARIABLE, ObsOperations.GET_EXECUTION, ObsOperations.RESTORE_EXECUTION)) {
      t.row(op, "404", ErrorKind.INSTANCE_NOT_FOUND);
    }
    t.row(null, "404", ErrorKind.NOT_FOUND);
    t.row(null, "405", ErrorKind.INVALID_REQUEST);
    t.row(ObsOperations.CREATE_TEMPLATE, "409", ErrorKind.ALREADY_EXISTS);
    t.row(ObsOperations.CREATE_WORKFLOW, "409", ErrorKind.ALREADY_EXISTS);
    t.row(Operation.RETRY_INSTANCE, "409", ErrorKind.ILLEGAL_TRANSITION);
    t.row(ObsOperations.RESTORE_EXECUTION, "409", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, "409", ErrorKind.CONFLICT);
    t.row(null, "400", ErrorKind.INVALID_REQUEST);
    t.row(null, "429", ErrorKind.BACK_PRESSURE);
    t.row(null, "500", ErrorKind.INTERNAL);
    t.row(null, "502", ErrorKind.UNAVAILABLE);
    t.row(null, "503", ErrorKind.UNAVAILABLE);
    t.row(null, "504", ErrorKind.UNAVAILABLE);
    return t.fallback(ErrorKind.UNKNOWN_STATUS).build();
  }

  private static WorkflowException read(Operation operation, io.flowport.rest.RestResponse response) {
    ObsResult result = ObsErrorBodies.read(response);
    String message = result.errorMessage() != null ? ResponseBodies.excerpt(response.redact(result.errorMessage()))
        : result.errorCode() != null ? null : "unexpected error body: " + response.excerpt();
    return RestErrors.fromAnswer(TABLE, operation, response, result.errorCode(), message, result.requestId(),
        new ObsErrorAnswer(result));
  }
}
