/**
 * The Huawei OBS workflow adapter over its REST API: {@link io.flowport.rest.obs.ObsClient}, OBS's own
 * operations ({@link io.flowport.rest.obs.ObsOperations}), request signing ({@link io.flowport.rest.obs.ObsCredentials}),
 * the seed's name rules ({@link io.flowport.rest.obs.ObsNames}), and its error and state tables.
 */
package io.flowport.rest.obs;
