package io.flowport.rest.bksops;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.ErrorReader;
import io.flowport.rest.JsonEnvelope;
import io.flowport.rest.RestErrors;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How bk-sops' answers map to the unified errors, as data. bk-sops answers HTTP 200 even when it
 * refuses: the envelope {@code {result, code, message, data, trace_id}} decides, so envelope rows
 * have wire status {@code "200"} and bk-sops' code. The same code means different things on
 * different endpoints (operate_node and get_task_status answer 3599999 for almost everything,
 * node_callback keeps 3540000 for a node not in the task), so rows name the operation and a
 * pattern on the message where needed. The gateway's own non-JSON answers (403 "only through API
 * gateway", 404 for a non-numeric id, 405, 500) have rows by HTTP status.
 *
 * <table>
 *   <caption>bk-sops error table (first match wins)</caption>
 *   <tr><th>operation</th><th>status</th><th>code</th><th>message contains</th><th>kind</th></tr>
 *   <tr><td>any</td><td>200</td><td>3599999</td><td>iam authentication exception</td><td>PERMISSION</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999, 3540000</td><td>does not have node, 中未找到节点 (node data / detail)</td><td>NODE_NOT_FOUND</td></tr>
 *   <tr><td>get instance / node tree / task status / variables</td><td>200</td><td>3599999</td><td>get status error</td><td>INSTANCE_NOT_FOUND</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999</td><td>node version .. not exist, StateVersionNotMatch</td><td>STALE_VERSION</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999, 3545000</td><td>command is invalid</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>skip exclusive gateway</td><td>200</td><td>3599999</td><td>KeyError (no such flow)</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999</td><td>NotFoundError</td><td>NODE_NOT_FOUND</td></tr>
 *   <tr><td>cancel instance</td><td>200</td><td>3599999</td><td>transit .. from REVOKED / FINISHED to REVOKED</td><td>INSTANCE_NOT_FOUND (no running task to cancel)</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999</td><td>InvalidOperationError, can not / can't not transit, state is not</td><td>ILLEGAL_TRANSITION</td></tr>
 *   <tr><td>any</td><td>200</td><td>3599999</td><td></td><td>INTERNAL (an engine failure)</td></tr>
 *   <tr><td>any</td><td>200</td><td>3540000</td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>200</td><td>3540100</td><td></td><td>PERMISSION</td></tr>
 *   <tr><td>start instance, create task</td><td>200</td><td>3540400</td><td></td><td>DEFINITION_NOT_FOUND (the template)</td></tr>
 *   <tr><td>any other</td><td>200</td><td>3540400</td><td></td><td>INSTANCE_NOT_FOUND (the task)</td></tr>
 *   <tr><td>any</td><td>200</td><td>3545000</td><td></td><td>ILLEGAL_TRANSITION (already started, not started, not running)</td></tr>
 *   <tr><td>any</td><td>200</td><td>3545100</td><td></td><td>CONFLICT (the operation failed)</td></tr>
 *   <tr><td>start instance, start task, operate task</td><td>200</td><td>3546100</td><td></td><td>INVALID_DEFINITION (the pipeline does not validate)</td></tr>
 *   <tr><td>create task</td><td>200</td><td>3546100</td><td></td><td>INVALID_VARIABLES</td></tr>
 *   <tr><td>any</td><td>200</td><td>3546100</td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>200</td><td>3555000</td><td></td><td>UNAVAILABLE (bk-sops' environment)</td></tr>
 *   <tr><td>any</td><td>400</td><td></td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>401</td><td></td><td></td><td>AUTHENTICATION (the gateway)</td></tr>
 *   <tr><td>any</td><td>403</td><td></td><td></td><td>PERMISSION ("can only be accessed through API gateway")</td></tr>
 *   <tr><td>any</td><td>404</td><td></td><td></td><td>NOT_FOUND (no such route: a non-numeric id, a wrong base URL)</td></tr>
 *   <tr><td>any</td><td>405</td><td></td><td></td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>any</td><td>429</td><td></td><td></td><td>BACK_PRESSURE</td></tr>
 *   <tr><td>any</td><td>500</td><td></td><td></td><td>INTERNAL</td></tr>
 *   <tr><td>any</td><td>502, 503, 504</td><td></td><td></td><td>UNAVAILABLE</td></tr>
 *   <tr><td colspan="4">anything else</td><td>UNKNOWN_STATUS</td></tr>
 * </table>
 *
 * <p>bamboo_engine's failures arrive as {@code "fail: <python traceback>"}; the exception's
 * message keeps only {@code "fail: "} and the traceback's last line (the exception raised), see
 * {@link #shortMessage(String)}. The {@code trace_id} is the exception's request id.
 */
public final class BkSopsErrors {
  private BkSopsErrors() {}

  /** The longest message kept; longer ones are cut. */
  static final int MAX_MESSAGE = 300;

  /** The unified operations that read a task's status (get_task_status answers 3599999 for an unknown task). */
  private static final List<Operation> STATUS_READS = List.of(Operation.GET_INSTANCE, Operation.GET_NODE_TREE,
      BkSopsOperations.GET_TASK_STATUS, Operation.GET_VARIABLES);

  /** The table. */
  public static final ErrorTable TABLE = build();

  /**
   * The error reader: failed envelopes (HTTP 200, handed over by {@link io.flowport.rest.RestCalls})
   * and the gateway's own error statuses, JSON or not. The message is shortened
   * ({@link #shortMessage}); the request id is the envelope's {@code trace_id}, else the
   * {@code Sops-Trace-Id} header.
   */
  public static final ErrorReader READER = RestErrors.tableReader(TABLE, response -> {
    JsonNode node = response.jsonIfAny().orElse(null);
    if (node == null || !node.isObject()) {
      return null;
    }
    String message = ResponseBodies.text(node, "message");
    return new RestErrors.ErrorBody(ResponseBodies.text(node, "code"), shortMessage(message),
        ResponseBodies.text(node, "trace_id"));
  });

  /** bk-sops' envelope for 2xx answers: {@code result} decides, a failure is read by {@link #READER}. */
  public static final JsonEnvelope ENVELOPE = JsonEnvelope.builder(TABLE).requestIdField("trace_id").build();

  /**
   * {@return a message fit for an exception: for an engine failure ({@code "fail: Traceback ..."}) the
   * {@code "fail: "} prefix and the exception line the traceback ends with, module path dropped;
   * otherwise the first line} At most {@value #MAX_MESSAGE} characters; null stays null.
   *
   * @param message the message
   */
  public static String shortMessage(String message) {
    if (message == null) {
      return null;
    }
    String m = message.strip();
    int traceback = m.indexOf("Traceback");
    if (traceback >= 0) {
      String prefix = m.substring(0, traceback).strip();
      String last = lastLine(m.substring(traceback));
      int colon = last.indexOf(':');
      String exceptionName = colon > 0 ? last.substring(0, colon) : last;
      int dot = exceptionName.lastIndexOf('.');
      if (dot >= 0 && exceptionName.indexOf(' ') < 0) {
        last = last.substring(dot + 1);
      }
      m = prefix.isEmpty() ? last : prefix + " " + last;
    } else {
      int newline = m.indexOf('\n');
      if (newline >= 0) {
        m = m.substring(0, newline).strip();
      }
    }
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }

  private static String lastLine(String text) {
    String[] lines = text.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].strip();
      }
    }
    return "";
  }

  private static ErrorTable build() {
    ErrorTable.Builder t = ErrorTable.builder("bk-sops");
    String ok = "200";
    // 3599999 (UNKNOWN_ERROR): operate_node overwrites every failure with it, get_task_status uses it
    // for a missing task, and IAM denials use it too; the message tells them apart.
    t.rowMatching(null, ok, "(?i)iam authentication exception", ErrorKind.PERMISSION);
    t.rowMatching(null, ok, "(?i)does not have node|中未找到节点", ErrorKind.NODE_NOT_FOUND);
    for (Operation op : STATUS_READS) {
      rowCodeMatching(t, op, "3599999", "(?i)get status error", ErrorKind.INSTANCE_NOT_FOUND);
    }
    rowCodeMatching(t, null, "3599999", "(?i)node version \\S* ?not exist|StateVersionNotMatch", ErrorKind.STALE_VERSION);
    rowCodeMatching(t, null, "3599999", "(?i)command is invalid", ErrorKind.INVALID_REQUEST);
    // bamboo looks the flow up (node.targets[flow_id]) before it checks the gateway's state.
    rowCodeMatching(t, Operation.SKIP_EXCLUSIVE_GATEWAY, "3599999", "KeyError", ErrorKind.INVALID_REQUEST);
    rowCodeMatching(t, null, "3545000", "(?i)command is invalid", ErrorKind.INVALID_REQUEST);
    rowCodeMatching(t, null, "3599999", "NotFoundError", ErrorKind.NODE_NOT_FOUND);
    // Revoking a task that already ended: there is no running task to cancel (as on the other engines).
    rowCodeMatching(t, Operation.CANCEL_INSTANCE, "3599999", "(?i)transit .* from (REVOKED|FINISHED) to REVOKED",
        ErrorKind.INSTANCE_NOT_FOUND);
    rowCodeMatching(t, null, "3599999",
        "InvalidOperationError|(?i)can'?t? not transit|can not transit|state is not", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, ok, "3599999", ErrorKind.INTERNAL);
    t.row(null, ok, "3540000", ErrorKind.INVALID_REQUEST);
    t.row(null, ok, "3540100", ErrorKind.PERMISSION);
    t.row(Operation.START_INSTANCE, ok, "3540400", ErrorKind.DEFINITION_NOT_FOUND);
    t.row(BkSopsOperations.CREATE_TASK, ok, "3540400", ErrorKind.DEFINITION_NOT_FOUND);
    t.row(null, ok, "3540400", ErrorKind.INSTANCE_NOT_FOUND);
    t.row(null, ok, "3545000", ErrorKind.ILLEGAL_TRANSITION);
    t.row(null, ok, "3545100", ErrorKind.CONFLICT);
    t.row(Operation.START_INSTANCE, ok, "3546100", ErrorKind.INVALID_DEFINITION);
    t.row(BkSopsOperations.START_TASK, ok, "3546100", ErrorKind.INVALID_DEFINITION);
    t.row(BkSopsOperations.OPERATE_TASK, ok, "3546100", ErrorKind.INVALID_DEFINITION);
    t.row(BkSopsOperations.CREATE_TASK, ok, "3546100", ErrorKind.INVALID_VARIABLES);
    t.row(null, ok, "3546100", ErrorKind.INVALID_REQUEST);
    t.row(null, ok, "3555000", ErrorKind.UNAVAILABLE);
    // The gateway's and Django's own answers, not JSON envelopes.
    t.row(null, "400", ErrorKind.INVALID_REQUEST);
    t.row(null, "401", ErrorKind.AUTHENTICATION);
    t.row(null, "403", ErrorKind.PERMISSION);
    t.row(null, "404", ErrorKind.NOT_FOUND);
    t.row(null, "405", ErrorKind.INVALID_REQUEST);
    t.row(null, "429", ErrorKind.BACK_PRESSURE);
    t.row(null, "500", ErrorKind.INTERNAL);
    t.row(null, "502", ErrorKind.UNAVAILABLE);
    t.row(null, "503", ErrorKind.UNAVAILABLE);
    t.row(null, "504", ErrorKind.UNAVAILABLE);
    return t.fallback(ErrorKind.UNKNOWN_STATUS).build();
  }

  /** An envelope row on operation (null for any), code and a pattern on the message. */
  private static void rowCodeMatching(ErrorTable.Builder t, Operation op, String code, String regex, ErrorKind kind) {
    t.row(new ErrorTable.Row(op, "200", code, Pattern.compile(regex), kind));
  }
}
