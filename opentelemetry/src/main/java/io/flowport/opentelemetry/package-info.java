/**
 * OpenTelemetry tracing for Flowport clients: {@link io.flowport.opentelemetry.FlowportTracing} is
 * a {@link io.flowport.core.CallListener} that makes a span per call and per attempt and sends the
 * trace context to the engine.
 */
package io.flowport.opentelemetry;
