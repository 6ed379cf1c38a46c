/**
 * Not API: how the standalone fake process finds the Zeebe gateway.
 */
package io.flowport.testkit.fakes.zeebe.internal;
