package io.flowport.rest.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.rest.RestResponse;
import io.flowport.rest.bksops.BkSopsErrors;

/**
 * bk-sops' answer envelope {@code {result, code, message, data, trace_id}}: HTTP 200 whether the
 * call worked or not, so {@code result} decides. A refusal becomes the table's exception with the
 * short message and the trace id as request id.
 */
final class Envelope {
  /** The response header bk-sops puts its trace id in. */
  static final String TRACE_HEADER = "Sops-Trace-Id";

  private Envelope() {}

  /**
   * The whole envelope of a successful call.
   *
   * @throws io.flowport.core.error.WorkflowException for {@code result: false}
   * @throws IllegalStateException for a body that is not an envelope (the transport reports UnexpectedResponseException)
   */
  static JsonNode read(Operation op, RestResponse response) {
    JsonNode root = response.json();
    JsonNode result = root.get("result");
    if (!root.isObject() || result == null || !result.isBoolean()) {
      throw new IllegalStateException("not a bk-sops envelope (no boolean 'result')");
    }
    if (result.booleanValue()) {
      return root;
    }
    JsonNode code = root.get("code");
    String traceId = text(root, "trace_id");
    if (traceId == null) {
      traceId = response.header(TRACE_HEADER);
    }
    String message = text(root, "message");
    throw BkSopsErrors.TABLE.toException(op, String.valueOf(response.status()),
        code == null || code.isNull() ? null : code.asText(),
        message == null ? "bk-sops refused the call without a message" : BkSopsErrors.shortMessage(message),
        traceId, null);
  }

  /** The envelope's {@code data} object of a successful call. */
  static JsonNode data(Operation op, RestResponse response) {
    JsonNode data = read(op, response).get("data");
    if (data == null || !data.isObject()) {
      throw new IllegalStateException("the envelope has no 'data' object");
    }
    return data;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.isValueNode() ? v.asText() : v.toString();
    return s.isEmpty() ? null : s;
  }
}
