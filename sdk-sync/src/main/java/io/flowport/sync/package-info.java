/**
 * The blocking Flowport client, {@link io.flowport.sync.SyncWorkflowClient}, over any
 * {@link io.flowport.core.WorkflowClient}.
 */
package io.flowport.sync;
