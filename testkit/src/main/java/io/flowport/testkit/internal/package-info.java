/**
 * Not API: the in-memory engine as an engine backend.
 */
package io.flowport.testkit.internal;
