/**
 * Not API: the one client implementation over an engine backend, and the polling start-and-await.
 */
package io.flowport.core.internal;
