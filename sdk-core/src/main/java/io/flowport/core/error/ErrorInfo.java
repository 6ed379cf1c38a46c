package io.flowport.core.error;

import io.flowport.core.Operation;

/**
 * What is known about one failed call: who failed, doing what, and what the wire said.
 *
 * @param engine the engine name, e.g. {@code "zeebe"}
 * @param operation the operation that failed
 * @param wireStatus the HTTP code or gRPC status name, or null when nothing came back
 * @param engineCode the engine's own error code (Cloudify error_code, bk-sops code), or null
 * @param engineMessage the engine's own message, or a short excerpt of an odd body, or null
 * @param requestId the request id the engine sent, or null
 * @param requestMayHaveBeenProcessed false when the engine certainly did nothing (refused
 *     connection, back pressure, a rejection); true when the outcome is unknown
 * @serial exclude A record serializes as its components, documented above. (Javadoc 17 would
 *     otherwise ask for a second comment on each component in the serialized form.)
 */
public record ErrorInfo(
    String engine,
    Operation operation,
    String wireStatus,
    String engineCode,
    String engineMessage,
    String requestId,
    boolean requestMayHaveBeenProcessed) implements java.io.Serializable {

  /**
   * {@return an error the client found before sending anything}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   */
  public static ErrorInfo clientSide(String engine, Operation operation) {
    return new ErrorInfo(engine, operation, null, null, null, null, false);
  }

  /**
   * {@return an error the engine answered with: it rejected the request, so it did nothing}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param wireStatus the HTTP status on the wire
   * @param engineCode the engine's error code
   * @param engineMessage the engine message
   * @param requestId the request's id
   */
  public static ErrorInfo answered(
      String engine, Operation operation, String wireStatus, String engineCode, String engineMessage, String requestId) {
    return new ErrorInfo(engine, operation, wireStatus, engineCode, engineMessage, requestId, false);
  }

  /**
   * Sets the with request may have been processed.
   *
   * @param value the value
   * @return this object
   */
  public ErrorInfo withRequestMayHaveBeenProcessed(boolean value) {
    return new ErrorInfo(engine, operation, wireStatus, engineCode, engineMessage, requestId, value);
  }
}
