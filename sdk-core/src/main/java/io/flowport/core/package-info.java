/**
 * The asynchronous {@link io.flowport.core.WorkflowClient}, its options (retries, timeouts, listeners) and the ways to make one ({@link io.flowport.core.WorkflowClients}).
 */
package io.flowport.core;
