package io.flowport.rest.flowable;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.flowport.rest.ErrorReader;
import io.flowport.rest.RestErrors;
import java.util.List;

/**
 * How Flowable's REST answers map to the unified errors, as data. Wire status is the HTTP code;
 * Flowable sends no error code of its own, so rows match on operation, status and a pattern on
 * the message (the {@code exception} field of {@code {"message","exception"}}, the old
 * {@code errorMessage}, or Spring's {@code error} on a 401). Rows are tried in order.
 *
 * <table>
 *   <caption>Flowable error table</caption>
 *   <tr><th>operation</th><th>status</th><th>message contains</th><th>kind</th></tr>
 *   <tr><td>any</td><td>200 (code {@link #NO_SUCH_VERSION})</td><td>start by definition id and version: no such version</td><td>DEFINITION_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>200 (code {@link #NO_SUCH_HISTORIC_VARIABLE})</td><td>ended instance without that variable</td><td>VARIABLE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>200 (code {@link #NO_WAITING_EXECUTION})</td><td>message to an instance none of whose executions waits for it</td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>200 (code {@link #NO_OPEN_TASK})</td><td>complete task: no open task with that key</td><td>NOT_FOUND</td></tr>
 *   <tr><td>start instance (+ with options)</td><td>400</td><td>No process definition found / no deployed process
 *       definition found / no subscription to message / No process definition ... version</td><td>DEFINITION_NOT_FOUND</td></tr>
 *   <tr><td>publish message</td><td>400</td><td>no subscription to message</td><td>NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>400</td><td>unsupported type / Variable name is required / list of variables</td><td>INVALID_VARIABLES</td></tr>
 *   <tr><td>any</td><td>400</td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>401</td><td></td><td>AUTHENTICATION</td></tr>
 *   <tr><td>any</td><td>403</td><td></td><td>PERMISSION</td></tr>
 *   <tr><td>any</td><td>404</td><td>does not have a variable</td><td>VARIABLE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>404</td><td>Could not find an execution / Could not find a process instance</td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>404</td><td>Could not find the requested identity link / a deployment</td><td>NOT_FOUND</td></tr>
 *   <tr><td>instance, variable, link, diagram, message-instance operations</td><td>404</td><td></td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>404</td><td></td><td>NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>405</td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>create variables, create binary variable</td><td>409</td><td></td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>suspend, resume</td><td>409</td><td></td><td>ILLEGAL_TRANSITION</td></tr>
 *   <tr><td>any</td><td>409</td><td></td><td>CONFLICT</td></tr>
 *   <tr><td>any</td><td>415</td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>429</td><td></td><td>BACK_PRESSURE</td></tr>
 *   <tr><td>any</td><td>500</td><td>No endpoint (a wrong base path)</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>500</td><td>Variable '..' is already present (binary create on 7.2.0)</td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>deploy</td><td>500</td><td></td><td>INVALID_DEFINITION (Flowable answers 500 to invalid BPMN)</td></tr>
 *   <tr><td>any</td><td>500</td><td></td><td>INTERNAL</td></tr>
 *   <tr><td>any</td><td>502, 503, 504</td><td></td><td>UNAVAILABLE</td></tr>
 *   <tr><td colspan="3">anything else</td><td>UNKNOWN_STATUS</td></tr>
 * </table>
 *
 * 429 and 503 are marked as not processed (see {@link RestErrors#tableReader}), so even a start is
 * retried after them.
 */
public final class FlowableErrors {
  private FlowableErrors() {}

  /** Operations on one process instance: a bare 404 means the instance is not there. */
  static final List<Operation> INSTANCE_OPERATIONS = List.of(
      Operation.GET_INSTANCE, Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE,
      Operation.DELETE_INSTANCE, Operation.GET_VARIABLES, Operation.GET_VARIABLE, Operation.CREATE_VARIABLES,
      Operation.UPSERT_VARIABLES, FlowableOperations.GET_IDENTITY_LINKS, FlowableOperations.ADD_IDENTITY_LINK,
      FlowableOperations.REMOVE_IDENTITY_LINK, FlowableOperations.GET_TYPED_VARIABLES,
      FlowableOperations.CREATE_BINARY_VARIABLE, FlowableOperations.UPDATE_BINARY_VARIABLE,
      FlowableOperations.GET_BINARY_VARIABLE, FlowableOperations.GET_DIAGRAM, FlowableOperations.MESSAGE_INSTANCE);

  private static final String NO_DEFINITION =
      "(?i)no process definition found|no deployed process definition found|no subscription to message";

  /** The table. */
  public static final ErrorTable TABLE = build();

  /** Flowable's error body fields: {@code exception} (current), {@code errorMessage} (old docs), Spring's {@code error}, then {@code message}. */
  public static final RestErrors.ErrorBodyParser BODY =
      RestErrors.jsonFields(List.of(), List.of("exception", "errorMessage", "message", "error"));

  /** The error reader the Flowable transport uses. */
  public static final ErrorReader READER = RestErrors.tableReader(TABLE, BODY);

  private static final java.util.regex.Pattern NO_ENDPOINT = java.util.regex.Pattern.compile("(?i)^no endpoint ");

  /**
   * {@link #READER} for a client of {@code baseUrl}: an unknown endpoint (Flowable's 500 "No
   * endpoint ...", the usual sign of a wrong base path) says to check the base URL, and which.
   *
   * @param baseUrl the client's base URL; its user info and query, if any, are not shown
   * @return the reader
   */
  public static ErrorReader reader(String baseUrl) {
    String shown = withoutSecrets(baseUrl);
    return (operation, response) -> {
      WorkflowException e = READER.read(operation, response);
      String message = e.engineMessage();
      if (message == null || !NO_ENDPOINT.matcher(message).find()) {
        return e;
      }
      ErrorInfo info = e.info();
      return e.kind().toException(new ErrorInfo(info.engine(), info.operation(), info.wireStatus(), info.engineCode(),
          message + " Check the base URL (" + shown + "): Flowable's REST API is usually under"
              + " /flowable-rest/service or /process-api.",
          info.requestId(), info.requestMayHaveBeenProcessed()), e.getCause());
    };
  }

  private static String withoutSecrets(String url) {
    try {
      java.net.URI u = java.net.URI.create(url);
      return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException | NullPointerException e) {
      return "<unparseable base URL>";
    }
  }

  /**
   * Codes of the adapter's own for answers that mean an error although Flowable answered 200 (an
   * empty list where one item was expected); Flowable sends no codes, so these cannot clash. They
   * are rows of {@link #TABLE} like any other.
   */
  public static final String NO_SUCH_VERSION = "flowport:no-such-version";

  /** An ended instance whose history has no variable of that name. */
  public static final String NO_SUCH_HISTORIC_VARIABLE = "flowport:no-such-historic-variable";

  /** No execution of the instance waits for the message. */
  public static final String NO_WAITING_EXECUTION = "flowport:no-waiting-execution";

  /** The instance has no open task with that key. */
  public static final String NO_OPEN_TASK = "flowport:no-open-task";

  private static ErrorTable build() {
    ErrorTable.Builder t = ErrorTable.builder("flowable");
    // Empty 200 answers the backend names (see NO_SUCH_VERSION and the codes after it).
    t.row(null, null, NO_SUCH_VERSION, ErrorKind.DEFINITION_NOT_FOUND);
    t.row(null, null, NO_SUCH_HISTORIC_VARIABLE, ErrorKind.VARIABLE_NOT_FOUND);
    t.row(null, null, NO_WAITING_EXECUTION, ErrorKind.INSTANCE_NOT_FOUND);
    t.row(null, null, NO_OPEN_TASK, ErrorKind.NOT_FOUND);
    // 400: the start call reports a missing definition (or message start) as a bad request.
    t.rowMatching(Operation.START_INSTANCE, "400", NO_DEFINITION, ErrorKind.DEFINITION_NOT_FOUND);
    t.rowMatching(FlowableOperations.START_WITH_OPTIONS, "400", NO_DEFINITION, ErrorKind.DEFINITION_NOT_FOUND);
    t.rowMatching(Operation.PUBLISH_MESSAGE, "400", "(?i)no subscription to message", ErrorKind.NOT_FOUND);
    t.rowMatching(null, "400", "(?i)has unsupported type|variable name is required|did not contain a list of variables",
        ErrorKind.INVALID_VARIABLES);
    t.row(null, "400", ErrorKind.INVALID_REQUEST);
    t.row(null, "401", ErrorKind.AUTHENTICATION);
    t.row(null, "403", ErrorKind.PERMISSION);
    // 404: the message says what is missing; otherwise the operation does.
    t.rowMatching(null, "404", "(?i)does not have a variable", ErrorKind.VARIABLE_NOT_FOUND);
    t.rowMatching(null, "404", "(?i)could not find an execution|could not find a process instance",
        ErrorKind.INSTANCE_NOT_FOUND);
    t.rowMatching(null, "404", "(?i)could not find the requested identity link|could not find a deployment",
        ErrorKind.NOT_FOUND);
    for (Operation op : INSTANCE_OPERATIONS) {
      t.row(op, "404", ErrorKind.INSTANCE_NOT_FOUND);
    }
    t.row(null, "404", ErrorKind.NOT_FOUND);
    t.row(null, "405", ErrorKind.INVALID_REQUEST);
    // 409
    t.row(Operation.CREATE_VARIABLES, "409", ErrorKind.ALREADY_EXISTS);
    t.row(FlowableOperations.CREATE_BINARY_VARIABLE, "409", ErrorKind.ALREADY_EXISTS);
    t.row(Operation.SUSPEND_INSTANCE, "409", ErrorKind.ILLEGAL_TRANSITION);
    t.row(Operation.RESUME_INSTANCE, "409", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, "409", ErrorKind.CONFLICT);
    t.row(null, "415", ErrorKind.INVALID_REQUEST);
    t.row(null, "429", ErrorKind.BACK_PRESSURE);
    // 500: Flowable answers 500 to invalid BPMN; an unknown endpoint (wrong base path) is also 500 on 7.x.
    t.rowMatching(null, "500", "(?i)^no endpoint ", ErrorKind.INVALID_REQUEST);
    // Real 7.2.0: creating a binary variable that exists answers 500, not 409.
    t.rowMatching(null, "500", "(?i)variable '.*' is already present", ErrorKind.ALREADY_EXISTS);
    t.row(Operation.DEPLOY, "500", ErrorKind.INVALID_DEFINITION);
    t.row(null, "500", ErrorKind.INTERNAL);
    t.row(null, "502", ErrorKind.UNAVAILABLE);
    t.row(null, "503", ErrorKind.UNAVAILABLE);
    t.row(null, "504", ErrorKind.UNAVAILABLE);
    return t.fallback(ErrorKind.UNKNOWN_STATUS).build();
  }
}
