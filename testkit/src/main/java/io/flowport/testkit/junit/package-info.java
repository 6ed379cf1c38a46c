/**
 * JUnit Jupiter support: {@link io.flowport.testkit.junit.FlowportExtension} starts an
 * {@link io.flowport.testkit.engine.InMemoryEngine} for each test (or test class), injects it and
 * its clients, reports the engine's state when a test fails, and closes everything afterwards.
 * JUnit Jupiter is an optional dependency of the test kit; add {@code junit-jupiter} to use this package.
 */
package io.flowport.testkit.junit;
