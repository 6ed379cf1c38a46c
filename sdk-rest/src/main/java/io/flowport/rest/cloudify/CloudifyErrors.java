package io.flowport.rest.cloudify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.ErrorReader;
import io.flowport.rest.RestErrors;
import io.flowport.rest.RestResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Cloudify manager's error answers map to the unified errors, as data. The body is
 * {@code {"message", "error_code", "server_traceback"}} ({@code manager_exceptions.py}); rows match
 * on {@code error_code} first, one row per code the manager (or its client) knows, then on the HTTP
 * status alone for bodies without a code (the HTML 400 werkzeug sends for malformed JSON, a proxy's
 * page). The traceback and extra fields are kept on the exception's cause, a
 * {@link CloudifyServerError}, never in its message.
 *
 * <table>
 *   <caption>Cloudify error table (status is what the manager sends with the code)</caption>
 *   <tr><th>error_code</th><th>status</th><th>kind</th></tr>
 *   <tr><td>not_found_error on execution calls / on start / elsewhere</td><td>404</td>
 *       <td>INSTANCE_NOT_FOUND / DEFINITION_NOT_FOUND (the deployment) / NOT_FOUND</td></tr>
 *   <tr><td>nonexistent_workflow_error</td><td>400</td><td>DEFINITION_NOT_FOUND</td></tr>
 *   <tr><td>deployment_parent_not_found_error, deployment_plugin_not_found</td><td>404, 400</td><td>NOT_FOUND</td></tr>
 *   <tr><td>illegal_execution_parameters_error</td><td>400</td><td>INVALID_VARIABLES</td></tr>
 *   <tr><td>illegal_action_error, invalid_exception_status_update, deployment_modification_already_ended_error</td>
 *       <td>400</td><td>ILLEGAL_TRANSITION</td></tr>
 *   <tr><td>conflict_error on resume / retry</td><td>409</td><td>ILLEGAL_TRANSITION</td></tr>
 *   <tr><td>conflict_error elsewhere, storage_error, ambiguous_name</td><td>409</td><td>CONFLICT</td></tr>
 *   <tr><td>existing_running_execution_error, deployment_environment_creation_in_progress_error,
 *       deployment_environment_creation_pending_error, deployment_creation_error, dependent_exists_error,
 *       existing_started_deployment_modification_error</td><td>400</td><td>CONFLICT</td></tr>
 *   <tr><td>plugin_in_use, blueprint_in_use</td><td>405</td><td>CONFLICT</td></tr>
 *   <tr><td>not_modified</td><td>304</td><td>CONFLICT (the state asked for is already there)</td></tr>
 *   <tr><td>global_parallel_running_executions_limit_reached_error</td><td>400</td><td>BACK_PRESSURE</td></tr>
 *   <tr><td>bad_parameters_error, no_such_include_field_error, unknown_action, unavailable_workflow_error,
 *       missing_required_deployment_input_error, unknown_deployment_input_error, unknown_deployment_secret_error,
 *       unsupported_deployment_get_secret_error, functions_evaluation_error, unknown_modification_stage_error,
 *       plugin_installation_error, incompatible_cluster_architecture, invalid_filter_rule</td><td>400</td>
 *       <td>INVALID_REQUEST</td></tr>
 *   <tr><td>method_not_allowed_error</td><td>405</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>unsupported_content_type_error</td><td>415</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>plugin_installation_timeout</td><td>400</td><td>TIMEOUT</td></tr>
 *   <tr><td>unauthorized_error</td><td>401</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>forbidden_error, forbidden_while_cancelling, missing_cloudify_license, expired_cloudify_license</td>
 *       <td>403, 400</td><td>PERMISSION</td></tr>
 *   <tr><td>maintenance_mode_active, entering_maintenance_mode, insufficient_memory_error, in_snapshot_restore_error,
 *       not_cluster_master, removed_from_cluster</td><td>503</td><td>UNAVAILABLE (retried: nothing was done)</td></tr>
 *   <tr><td>internal_server_error</td><td>500</td><td>INTERNAL</td></tr>
 *   <tr><td colspan="2">no code: 400, 405, 415 / 401 / 403 / 404 / 409 / 429 / 500 / 502, 503, 504</td>
 *       <td>INVALID_REQUEST / AUTHENTICATION / PERMISSION / as not_found_error / CONFLICT / BACK_PRESSURE /
 *       INTERNAL / UNAVAILABLE</td></tr>
 *   <tr><td colspan="2">anything else</td><td>UNKNOWN_STATUS</td></tr>
 * </table>
 */
public final class CloudifyErrors {
  private CloudifyErrors() {}

  /** Calls on one execution: a 404 means the execution is not there. */
  static final List<Operation> EXECUTION_OPERATIONS = List.of(
      Operation.GET_INSTANCE, Operation.CANCEL_INSTANCE, Operation.RETRY_INSTANCE, Operation.DELETE_INSTANCE,
      CloudifyOperations.GET_EXECUTION, CloudifyOperations.CANCEL_EXECUTION, CloudifyOperations.RESUME_EXECUTION,
      CloudifyOperations.REQUEUE_EXECUTION, CloudifyOperations.UPDATE_EXECUTION, CloudifyOperations.SHOULD_START);

  /** Calls that name a deployment and workflow: a 404 means the deployment is not there. */
  static final List<Operation> START_OPERATIONS = List.of(
      Operation.START_INSTANCE, Operation.START_AND_AWAIT, CloudifyOperations.START_EXECUTION,
      CloudifyOperations.CREATE_EXECUTION);

  /** The table. */
  public static final ErrorTable TABLE = build();

  /** The error reader the Cloudify transport uses. */
  public static final ErrorReader READER = CloudifyErrors::read;

  private static ErrorTable build() {
    ErrorTable.Builder t = ErrorTable.builder(CloudifyClient.ENGINE);
    // not found: what is missing depends on the call
    for (Operation op : EXECUTION_OPERATIONS) {
      t.row(op, null, "not_found_error", ErrorKind.INSTANCE_NOT_FOUND);
    }
    for (Operation op : START_OPERATIONS) {
      t.row(op, null, "not_found_error", ErrorKind.DEFINITION_NOT_FOUND);
    }
    t.row(null, null, "not_found_error", ErrorKind.NOT_FOUND);
    t.row(null, null, "nonexistent_workflow_error", ErrorKind.DEFINITION_NOT_FOUND);
    t.row(null, null, "deployment_parent_not_found_error", ErrorKind.NOT_FOUND);
    t.row(null, null, "deployment_plugin_not_found", ErrorKind.NOT_FOUND);
    t.row(null, null, "illegal_execution_parameters_error", ErrorKind.INVALID_VARIABLES);
    // state rules
    t.row(null, null, "illegal_action_error", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, null, "invalid_exception_status_update", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, null, "deployment_modification_already_ended_error", ErrorKind.ILLEGAL_TRANSITION);
    t.row(Operation.RETRY_INSTANCE, null, "conflict_error", ErrorKind.ILLEGAL_TRANSITION);
    t.row(CloudifyOperations.RESUME_EXECUTION, null, "conflict_error", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, null, "conflict_error", ErrorKind.CONFLICT);
    t.row(null, null, "storage_error", ErrorKind.CONFLICT);
    t.row(null, null, "ambiguous_name", ErrorKind.CONFLICT);
    for (String code : List.of("existing_running_execution_error", "deployment_environment_creation_in_progress_error",
        "deployment_environment_creation_pending_error", "deployment_creation_error", "dependent_exists_error",
        "existing_started_deployment_modification_error", "plugin_in_use", "blueprint_in_use", "not_modified")) {
      t.row(null, null, code, ErrorKind.CONFLICT);
    }
    t.row(null, null, "global_parallel_running_executions_limit_reached_error", ErrorKind.BACK_PRESSURE);
    for (String code : List.of("bad_parameters_error", "no_such_include_field_error", "unknown_action",
        "unavailable_workflow_error", "missing_required_deployment_input_error", "unknown_deployment_input_error",
        "unknown_deployment_secret_error", "unsupported_deployment_get_secret_error", "functions_evaluation_error",
        "unknown_modification_stage_error", "plugin_installation_error", "incompatible_cluster_architecture",
        "invalid_filter_rule", "method_not_allowed_error", "unsupported_content_type_error")) {
      t.row(null, null, code, ErrorKind.INVALID_REQUEST);
    }
    t.row(null, null, "plugin_installation_timeout", ErrorKind.TIMEOUT);
    t.row(null, null, "unauthorized_error", ErrorKind.AUTHENTICATION);
    for (String code : List.of("forbidden_error", "forbidden_while_cancelling", "missing_cloudify_license",
        "expired_cloudify_license")) {
      t.row(null, null, code, ErrorKind.PERMISSION);
    }
    for (String code : List.of("maintenance_mode_active", "entering_maintenance_mode", "insufficient_memory_error",
        "in_snapshot_restore_error", "not_cluster_master", "removed_from_cluster")) {
      t.row(null, null, code, ErrorKind.UNAVAILABLE);
    }
    t.row(null, null, "internal_server_error", ErrorKind.INTERNAL);
    // no (known) code: the status decides
    t.row(null, "304", ErrorKind.CONFLICT);
    t.row(null, "400", ErrorKind.INVALID_REQUEST);
    t.row(null, "401", ErrorKind.AUTHENTICATION);
    t.row(null, "403", ErrorKind.PERMISSION);
    for (Operation op : EXECUTION_OPERATIONS) {
      t.row(op, "404", ErrorKind.INSTANCE_NOT_FOUND);
    }
    t.row(null, "404", ErrorKind.NOT_FOUND);
    t.row(null, "405", ErrorKind.INVALID_REQUEST);
    t.row(null, "409", ErrorKind.CONFLICT);
    t.row(null, "415", ErrorKind.INVALID_REQUEST);
    t.row(null, "429", ErrorKind.BACK_PRESSURE);
    t.row(null, "500", ErrorKind.INTERNAL);
    t.row(null, "502", ErrorKind.UNAVAILABLE);
    t.row(null, "503", ErrorKind.UNAVAILABLE);
    t.row(null, "504", ErrorKind.UNAVAILABLE);
    return t.fallback(ErrorKind.UNKNOWN_STATUS).build();
  }

  /**
   * Reads {@code {message|detail, error_code, server_traceback}}. A body that is not such an object
   * (HTML, truncated, empty) is mapped by its status with an excerpt as message.
   */
  static WorkflowException read(Operation operation, RestResponse response) {
    JsonNode body = response.jsonIfAny().filter(JsonNode::isObject).orElse(null);
    String code = body == null ? null : text(body, "error_code");
    String message = body == null ? null : text(body, "message");
    if (message == null && body != null) {
      message = text(body, "detail"); // what the Python client falls back to
    }
    if (code == null && response.status() == 304) {
      code = "not_modified"; // a 304 has no body: the manager's client names it so (NotModifiedError)
    }
    CloudifyServerError detail = null;
    if (body != null && (code != null || message != null)) {
      // The detail is read by users and logged whole: the client's secrets are masked in it too.
      detail = new CloudifyServerError(code, response.redact(text(body, "server_traceback")), extras(body, response));
      message = message == null ? "" : RestErrors.engineMessage(response.redact(message));
    } else if (response.status() == 304) {
      message = "not modified";
    } else {
      message = "unexpected error body: " + response.excerpt();
    }
    // 429 and 503 (back pressure, maintenance mode) come back marked not processed: any call may retry
    return RestErrors.fromAnswer(TABLE, operation, response, code, message, response.requestId(), detail);
  }

  private static Map<String, String> extras(JsonNode body, RestResponse response) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (!name.equals("message") && !name.equals("error_code") && !name.equals("server_traceback")
          && f.getValue().isValueNode() && !f.getValue().isNull()) {
        out.put(name, response.redact(f.getValue().asText()));
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    String v = ResponseBodies.text(node, field);
    return v == null || v.isBlank() ? null : v;
  }
}
