/**
 * One exception per meaning under {@link io.flowport.core.error.WorkflowException}, and {@link io.flowport.core.error.ErrorTable}, the data adapters map their wire with.
 */
package io.flowport.core.error;
