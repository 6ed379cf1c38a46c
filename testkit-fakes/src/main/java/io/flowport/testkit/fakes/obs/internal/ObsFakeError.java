package io.flowport.testkit.fakes.obs.internal;

/**
 * An error answer of the fake: status, OBS-style code and message. The workflow services answer
 * JSON {@code {code, message, request_id}}; authentication errors (the OBS gateway's) answer XML
 * {@code <Error>}. OBS publishes no workflow-specific codes (wire notes §6 item 4), so the
 * workflow codes here are the fake's own, documented on {@link io.flowport.testkit.fakes.obs.FakeObsServer}.
 */
final class ObsFakeError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;
  final boolean xml;

  private ObsFakeError(int status, String code, String message, boolean xml) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.xml = xml;
  }

  static ObsFakeError json(int status, String code, String message) {
    return new ObsFakeError(status, code, message, false);
  }

  static ObsFakeError xml(int status, String code, String message) {
    return new ObsFakeError(status, code, message, true);
  }

  static ObsFakeError badRequest(String message) {
    return json(400, "SYS.0010", message);
  }

  static ObsFakeError notFound(String code, String message) {
    return json(404, code, message);
  }
}
