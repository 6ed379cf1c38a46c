/**
 * The Cloudify adapter: {@link io.flowport.rest.cloudify.CloudifyClient} over the manager's REST
 * API v3.1 (executions and execution groups), its typed operations
 * ({@link io.flowport.rest.cloudify.CloudifyOperations}), its error table
 * ({@link io.flowport.rest.cloudify.CloudifyErrors}) and status table
 * ({@link io.flowport.rest.cloudify.CloudifyStates}).
 */
package io.flowport.rest.cloudify;
