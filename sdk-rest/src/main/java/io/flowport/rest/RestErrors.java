package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.ResponseBodies;
import java.util.List;
import java.util.Objects;

/**
 * Building blocks for {@link ErrorReader}s: read the engine's code and message out of an error
 * body (when it has the engine's shape), then let the adapter's {@link ErrorTable} decide the
 * meaning from operation, HTTP status, code and message. Bodies that are not the engine's shape
 * (HTML, truncated or empty) still get the table's meaning for the status, with an excerpt.
 */
public final class RestErrors {
  private RestErrors() {}

  /**
   * The engine's code, message and request id found in an error body.
   *
   * @param code the engine's own code, or null
   * @param message the engine's message, or null
   * @param requestId the request id the body carries (OBS {@code request_id}, bk-sops
   *     {@code trace_id}), or null; it wins over a request-id header
   */
  public record ErrorBody(String code, String message, String requestId) {
    /**
     * A body with a code and a message and no request id.
     *
     * @param code the code
     * @param message the message
     */
    public ErrorBody(String code, String message) {
      this(code, message, null);
    }
  }

  /** Finds the engine's code and message in an error answer; returns null when the body has none. */
  @FunctionalInterface
  public interface ErrorBodyParser {
    /**
     * Finds the engine's code and message in an error answer.
     *
     * @param response the error answer
     * @return the code and message, or null when the body has none
     */
    ErrorBody parse(RestResponse response);
  }

  /**
   * {@return a parser for JSON error objects: the first non-blank field of {@code codeFields} is the code,
   * the first non-blank of {@code messageFields} the message} Null for a body that is not a JSON
   * object or has neither.
   *
   * @param codeFields the code fields
   * @param messageFields the message fields
   */
  public static ErrorBodyParser jsonFields(List<String> codeFields, List<String> messageFields) {
    return jsonFields(codeFields, messageFields, List.of());
  }

  /**
   * As {@link #jsonFields(List, List)}, also taking the request id from the first non-blank of
   * {@code requestIdFields} (e.g. OBS's {@code request_id}).
   *
   * @param codeFields the code fields
   * @param messageFields the message fields
   * @param requestIdFields the request id fields
   * @return the error body parser
   */
  public static ErrorBodyParser jsonFields(
      List<String> codeFields, List<String> messageFields, List<String> requestIdFields) {
    List<String> codes = List.copyOf(codeFields);
    List<String> messages = List.copyOf(messageFields);
    List<String> requestIds = List.copyOf(requestIdFields);
    return response -> {
      JsonNode node = response.jsonIfAny().orElse(null);
      if (node == null || !node.isObject()) {
        return null;
      }
      String code = first(node, codes);
      String message = first(node, messages);
      return code == null && message == null ? null : new ErrorBody(code, message, first(node, requestIds));
    };
  }

  /**
   * {@return a parser for XML error documents such as OBS's
   * {@code <Error><Code>NoSuchBucket</Code><Message>..</Message><RequestId>..</RequestId></Error>}:
   * the text of the first element named {@code codeElement}, {@code messageElement} and
   * {@code requestIdElement} (null to read none) anywhere in the document} Null for a body that is
   * not XML (or has neither code nor message). DOCTYPEs and external entities are refused.
   *
   * @param codeElement the code element
   * @param messageElement the message element
   * @param requestIdElement the request id element
   */
  public static ErrorBodyParser xmlElements(String codeElement, String messageElement, String requestIdElement) {
    Objects.requireNonNull(codeElement, "codeElement == null");
    Objects.requireNonNull(messageElement, "messageElement == null");
    return response -> {
      org.w3c.dom.Document doc = XmlBodies.parse(response.body());
      if (doc == null) {
        return null;
      }
      String code = XmlBodies.firstText(doc, codeElement);
      String message = XmlBodies.firstText(doc, messageElement);
      String requestId = requestIdElement == null ? null : XmlBodies.firstText(doc, requestIdElement);
      return code == null && message == null ? null : new ErrorBody(code, message, requestId);
    };
  }

  /**
   * {@return the first parser's body, or the next one's when it finds none (a JSON or an XML error, as OBS sends)}
   *
   * @param parsers the parsers
   */
  public static ErrorBodyParser firstOf(ErrorBodyParser... parsers) {
    List<ErrorBodyParser> all = List.of(parsers);
    return response -> {
      for (ErrorBodyParser p : all) {
        ErrorBody body;
        try {
          body = p.parse(response);
        } catch (RuntimeException e) {
          body = null;
        }
        if (body != null) {
          return body;
        }
      }
      return null;
    };
  }

  private static String first(JsonNode node, List<String> fields) {
    for (String f : fields) {
      String v = ResponseBodies.text(node, f);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * {@return the usual reader: parse the body with {@code parser}, map through {@code table} with the HTTP
   * status as wire status, and note the request id} 429 and 503 are answers (the engine did not do
   * the work), so they are marked as not processed whatever their kind, and a {@code Retry-After}
   * header is noted in the message.
   *
   * @param table the error table
   * @param parser the parser
   */
  public static ErrorReader tableReader(ErrorTable table, ErrorBodyParser parser) {
    Objects.requireNonNull(table, "table == null");
    Objects.requireNonNull(parser, "parser == null");
    return (operation, response) -> {
      ErrorBody parsed;
      try {
        parsed = parser.parse(response);
      } catch (RuntimeException e) {
        parsed = null; // a parser must not turn a typed error into a parser exception
      }
      String message = parsed != null && parsed.message() != null
          ? engineMessage(response.redact(parsed.message()))
          : "unexpected error body: " + response.excerpt();
      String code = parsed == null ? null : parsed.code();
      String requestId = parsed != null && parsed.requestId() != null ? parsed.requestId() : response.requestId();
      return fromAnswer(table, operation, response, code, message, requestId, null);
    };
  }

  /**
   * {@return the exception for an error answer an adapter has read itself (its own body format, a detail
   * it attaches as {@code cause}): {@code table} gives the kind from the HTTP status and
   * {@code code}; a {@code Retry-After} header is noted in the message; 429 and 503 are marked as
   * not processed, as {@link #tableReader} does}
   *
   * @param message the engine's message, or null when it sent none
   * @param cause an engine-specific detail to keep on the exception (a traceback, the SDK's view), or null
   * @param table the error table
   * @param operation the operation called
   * @param response the response
   * @param code the code
   * @param requestId the request's id
   */
  public static WorkflowException fromAnswer(ErrorTable table, Operation operation, RestResponse response,
      String code, String message, String requestId, Throwable cause) {
    WorkflowException e = table.toException(operation, String.valueOf(response.status()), code,
        message == null ? null : withRetryAfter(message, response), requestId, cause);
    return answeredBeforeWork(e, response);
  }

  /**
   * {@return an engine's message as it goes into an exception: at most 2,000 characters, then excerpted}
   *
   * @param message the message
   */
  public static String engineMessage(String message) {
    return ResponseBodies.excerpt(message.length() > 2000 ? message.substring(0, 2000) : message);
  }

  /**
   * {@return the exception for an answer that means an error although its status says success (an empty
   * list where one item was expected): the adapter names the meaning with a code of its own, and
   * {@code table} maps that code as it maps the engine's, so the kind stays data}
   *
   * @param derivedCode a code of the adapter's (a row of {@code table} matches it)
   * @param table the error table
   * @param operation the operation called
   * @param response the response
   * @param message the message
   */
  public static WorkflowException derived(
      ErrorTable table, Operation operation, RestResponse response, String derivedCode, String message) {
    return table.toException(operation, String.valueOf(response.status()), derivedCode, message,
        response.requestId(), null);
  }

  /**
   * {@code message} with the server's {@code Retry-After}, if any, appended.
   *
   * @param message the message
   * @param response the response
   * @return the message, with the Retry-After hint when the server sent one
   */
  public static String withRetryAfter(String message, RestResponse response) {
    String retryAfter = response.header("Retry-After");
    return retryAfter == null || retryAfter.isBlank() ? message : message + " (Retry-After: " + retryAfter.trim() + ")";
  }

  /** A 429 or 503 was answered before any work: mark it not processed so every call may retry it. */
  private static WorkflowException answeredBeforeWork(WorkflowException e, RestResponse response) {
    int s = response.status();
    if ((s == 429 || s == 503) && e.requestMayHaveBeenProcessed()) {
      return e.kind().toException(e.info().withRequestMayHaveBeenProcessed(false), e.getCause());
    }
    return e;
  }

  /**
   * {@return the exception for a 2xx answer a reader could not read: UnexpectedResponseException naming the
   * request and quoting an excerpt of the body}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param response the response
   * @param cause the underlying failure
   */
  public static WorkflowException unexpected(String engine, Operation operation, RestResponse response, Throwable cause) {
    String why = cause == null || cause.getMessage() == null ? "" : " (" + shortText(response.redact(cause.getMessage())) + ")";
    return ErrorKind.UNEXPECTED_RESPONSE.toException(new ErrorInfo(engine, operation,
        String.valueOf(response.status()), null,
        "cannot read the answer to " + response.method() + " " + response.path() + why + ": " + response.excerpt(),
        response.requestId(), true), cause);
  }

  private static String shortText(String s) {
    String one = ResponseBodies.excerpt(s);
    return one.length() > 120 ? one.substring(0, 120) + "..." : one;
  }
}
