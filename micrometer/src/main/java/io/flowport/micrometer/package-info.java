/**
 * Micrometer metrics for Flowport clients: {@link io.flowport.micrometer.FlowportMetrics} is a
 * {@link io.flowport.core.CallListener} that times calls and attempts and counts retries.
 */
package io.flowport.micrometer;
