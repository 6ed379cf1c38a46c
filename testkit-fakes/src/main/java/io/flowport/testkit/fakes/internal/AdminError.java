package io.flowport.testkit.fakes.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the admin API refuses: an HTTP status, a short code and a message saying what to send
 * instead. Answered as {@code {"status": 404, "error": "not_found", "message": "..."}}. Not API.
 */
final class AdminError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  AdminError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static AdminError badRequest(String message) {
    return new AdminError(400, "bad_request", message);
  }

  static AdminError notFound(String message) {
    return new AdminError(404, "not_found", message);
  }

  static AdminError methodNotAllowed(String method, String path, String allowed) {
    return new AdminError(405, "method_not_allowed", method + " is not served on " + path + "; use " + allowed);
  }

  static AdminError conflict(String message) {
    return new AdminError(409, "conflict", message);
  }

  /** The JSON body. */
  Map<String, Object> body() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", status);
    b.put("error", code);
    b.put("message", getMessage());
    return b;
  }
}
