package io.flowport.core.spi;

import io.flowport.core.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a backend knows about the attempt it is making.
 *
 * @param engine the engine name
 * @param operation the operation
 * @param attempt the attempt number, from 1
 * @param deadline when the attempt times out; backends pass it on to the wire (gRPC deadline)
 * @param headers extra headers to send with the attempt (HTTP headers, gRPC metadata; names in
 *     lower case), set by {@link io.flowport.core.CallListener#beforeAttempt listeners}, e.g. W3C
 *     trace context; backends put them on the request before their credentials' headers
 */
public record CallContext(String engine, Operation operation, int attempt, Instant deadline,
    Map<String, String> headers) {

  /**
   * Copies {@code headers}; null means none.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param attempt the attempt, from 1
   * @param deadline the deadline
   * @param headers the headers
   */
  public CallContext {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /**
   * An attempt with no extra headers.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operation the operation called
   * @param attempt the attempt, from 1
   * @param deadline the deadline
   */
  public CallContext(String engine, Operation operation, int attempt, Instant deadline) {
    this(engine, operation, attempt, deadline, Map.of());
  }

  /** {@return the time left until the deadline, never negative} */
  public Duration remaining() {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
