package io.flowport.core.spi;

import io.flowport.core.Operation;
import java.time.Duration;
import java.time.Instant;

/**
 * What a backend knows about the attempt it is making.
 *
 * @param engine the engine name
 * @param operation the operation
 * @param attempt the attempt number, from 1
 * @param deadline when the attempt times out; backends pass it on to the wire (gRPC deadline)
 */
public record CallContext(String engine, Operation operation, int attempt, Instant deadline) {
  /** The time left until the deadline, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
