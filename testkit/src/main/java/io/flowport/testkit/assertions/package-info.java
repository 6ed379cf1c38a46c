/**
 * Fluent AssertJ assertions on the instances of an {@link io.flowport.testkit.engine.InMemoryEngine}:
 * start at {@link io.flowport.testkit.assertions.FlowportAssertions}. AssertJ is an optional
 * dependency of the test kit; add {@code org.assertj:assertj-core} to use this package.
 */
package io.flowport.testkit.assertions;
