/**
 * The Flowable adapter over its REST API: {@link io.flowport.rest.flowable.FlowableClient}, which
 * implements Flowable's own operations ({@link io.flowport.rest.flowable.FlowableOperations}), its
 * error table ({@link io.flowport.rest.flowable.FlowableErrors}) and its state table
 * ({@link io.flowport.rest.flowable.FlowableStates}). Which operations make several requests in one
 * attempt is listed on the backend, {@code io.flowport.rest.flowable.internal.FlowableBackend}:
 * deploy (two per resource), start by definition id and version, get and variable reads (history
 * after a 404), publish, message to an instance, and complete task.
 */
package io.flowport.rest.flowable;
