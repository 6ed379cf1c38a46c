/**
 * For adapter authors: {@link io.flowport.core.spi.EngineBackend} (the wire, one attempt per call),
 * {@link io.flowport.core.spi.AdapterClient} (the base of every adapter's client class, with one
 * {@code call} for the adapter's own operations), {@link io.flowport.core.spi.Checks} (argument
 * checks), {@link io.flowport.core.spi.StateTable} (raw status to unified state), the
 * {@link io.flowport.core.spi.CallExecutor} that retries and times calls, and parser-safe helpers
 * for JSON values and response bodies. See {@code docs/adding-an-engine.md}.
 */
package io.flowport.core.spi;
