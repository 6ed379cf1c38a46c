/**
 * Formatting shared by the assertions and the JUnit extension. Not API: it may change in any
 * release. Nothing here uses AssertJ or JUnit.
 */
package io.flowport.testkit.assertions.internal;
