/**
 * Formatting shared by the assertions, the JUnit extension and the standalone fakes' admin API.
 * Not API: it may change in any release. Nothing here uses AssertJ or JUnit.
 */
package io.flowport.testkit.assertions.internal;
