package io.flowport.testkit.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour a wire fake can show instead of (or before) its normal answer. Each fake turns
 * a fault into its own protocol: back pressure is HTTP 429 on REST engines and
 * RESOURCE_EXHAUSTED on Zeebe's gateway; unavailable is HTTP 503 or UNAVAILABLE.
 *
 * @param type what goes wrong
 * @param delay for {@link Type#LATENCY}: how long to wait before answering normally
 */
public record Fault(Type type, Duration delay) {
  /**
   * Creates the record: checks the components.
   *
   * @param type what goes wrong
   * @param delay for {@link Type#LATENCY}: how long to wait before answering normally
   */
  public Fault {
    Objects.requireNonNull(type, "type == null");
    delay = delay == null ? Duration.ZERO : delay;
  }

  /** The kinds of misbehaviour. */
  public enum Type {
    /** The engine is overloaded: HTTP 429 / gRPC RESOURCE_EXHAUSTED; the request is not processed. */
    BACK_PRESSURE,
    /** The engine is not serving: HTTP 503 / gRPC UNAVAILABLE; the request is not processed. */
    UNAVAILABLE,
    /** Answer normally, after {@link Fault#delay()}. */
    LATENCY,
    /** Drop the connection without an answer (REST: connection reset; gRPC: abrupt close); the request is not processed. */
    RESET,
    /**
     * Process the request, then drop the connection instead of answering: the engine did the
     * work and the client cannot know (an answer lost on the way back).
     */
    RESET_AFTER_PROCESSING,
    /** Answer 200 with a body that is not JSON. */
    MALFORMED_BODY,
    /** Answer with an HTML error page, as a proxy in front of the engine would. */
    HTML_ERROR,
    /** Answer 200 with an empty body. */
    EMPTY_BODY
  }

  /** {@return the back pressure} */
  public static Fault backPressure() {
    return new Fault(Type.BACK_PRESSURE, null);
  }

  /** {@return the unavailable} */
  public static Fault unavailable() {
    return new Fault(Type.UNAVAILABLE, null);
  }

  /**
   * Sets the latency.
   *
   * @param delay the delay
   * @return the fault
   */
  public static Fault latency(Duration delay) {
    return new Fault(Type.LATENCY, Objects.requireNonNull(delay, "delay == null"));
  }

  /** {@return the reset} */
  public static Fault reset() {
    return new Fault(Type.RESET, null);
  }

  /** {@return a fault that processes the request, then drops the connection instead of answering} */
  public static Fault resetAfterProcessing() {
    return new Fault(Type.RESET_AFTER_PROCESSING, null);
  }

  /** {@return the malformed body} */
  public static Fault malformedBody() {
    return new Fault(Type.MALFORMED_BODY, null);
  }

  /** {@return the html error} */
  public static Fault htmlError() {
    return new Fault(Type.HTML_ERROR, null);
  }

  /** {@return the empty body} */
  public static Fault emptyBody() {
    return new Fault(Type.EMPTY_BODY, null);
  }
}
