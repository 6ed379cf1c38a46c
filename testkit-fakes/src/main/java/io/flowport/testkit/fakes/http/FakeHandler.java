package io.flowport.testkit.fakes.http;

/** The engine side of an HTTP fake: one answer per request. Called concurrently from server threads. */
@FunctionalInterface
public interface FakeHandler {
  /**
   * Answers one request.
   *
   * @param request the request as it came over the wire
   * @return the answer to send
   */
  FakeResponse handle(FakeRequest request);
}
