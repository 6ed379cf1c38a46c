/**
 * For adapter authors: {@link io.flowport.core.spi.EngineBackend} (one attempt per call), the {@link io.flowport.core.spi.CallExecutor} that retries and times calls, and parser-safe helpers for JSON values and response bodies.
 */
package io.flowport.core.spi;
