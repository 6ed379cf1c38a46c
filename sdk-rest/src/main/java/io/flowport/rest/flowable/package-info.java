/**
 * The Flowable adapter over its REST API: {@link io.flowport.rest.flowable.FlowableClient}, Flowable's own operations, its error and state tables.
 */
package io.flowport.rest.flowable;
