package io.flowport.testkit.fakes.http;

/** The engine side of an HTTP fake: one answer per request. Called concurrently from server threads. */
@FunctionalInterface
public interface FakeHandler {
  FakeResponse handle(FakeRequest request);
}
