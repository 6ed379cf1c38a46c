package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;

/**
 * Answers the requests of one route. It may throw a {@link RestError} (answered in the engine's error
 * shape) or an {@link io.flowport.testkit.engine.EngineException} (answered by the fake's
 * {@link StatusTable}).
 */
@FunctionalInterface
public interface RouteHandler {
  /**
   * {@return the answer to {@code request}, whose path matched the route's template with {@code path}'s variables}
   *
   * @param request what to send
   * @param path the path
   */
  FakeResponse handle(FakeRequest request, PathVars path);
}
