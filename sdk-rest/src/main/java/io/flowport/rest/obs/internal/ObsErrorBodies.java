package io.flowport.rest.obs.internal;

import io.flowport.rest.RestErrors;
import io.flowport.rest.RestResponse;
import io.flowport.rest.obs.ObsResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an OBS error answer into the SDK's {@link ObsResult}, as the SDK does: a JSON
 * {@code {code, message, request_id}} only when the content type is exactly
 * {@code application/json} (wire notes §6.3: with a {@code ;charset} suffix the SDK reads XML and
 * finds no code), otherwise an XML {@code <Error>} with Code, Message, RequestId, HostId and
 * Resource. The {@code x-obs-error-code} and {@code x-obs-request-id} headers fill in what the
 * body lacks. Never throws: an unreadable body gives a result without a code.
 */
public final class ObsErrorBodies {
  private static final RestErrors.ErrorBodyParser JSON =
      RestErrors.jsonFields(List.of("code"), List.of("message"), List.of("request_id"));
  private static final RestErrors.ErrorBodyParser XML = RestErrors.xmlElements("Code", "Message", "RequestId");
  /** HostId and Resource, read as the code and message of a second pass (the kit's parser reads two elements). */
  private static final RestErrors.ErrorBodyParser XML_ORIGIN = RestErrors.xmlElements("HostId", "Resource", null);
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private ObsErrorBodies() {}

  /** The result of an error answer. */
  public static ObsResult read(RestResponse response) {
    String type = response.header("Content-Type");
    boolean json = type != null && type.trim().equals("application/json");
    RestErrors.ErrorBody body = parse(json ? JSON : XML, response);
    RestErrors.ErrorBody origin = json ? null : parse(XML_ORIGIN, response);
    String code = body == null ? null : body.code();
    if (code == null) {
      code = response.header("x-obs-error-code");
    }
    String requestId = body == null || body.requestId() == null ? response.requestId() : body.requestId();
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    return new ObsResult(response.status(), REASONS.get(response.status()), blankToNull(code),
        body == null ? null : blankToNull(body.message()), blankToNull(requestId), response.header("x-reserved-indicator"),
        origin == null ? null : origin.code(), origin == null ? null : origin.message(), headers);
  }

  private static RestErrors.ErrorBody parse(RestErrors.ErrorBodyParser parser, RestResponse response) {
    try {
      return parser.parse(response);
    } catch (RuntimeException e) {
      return null; // never a parser exception instead of the error
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
