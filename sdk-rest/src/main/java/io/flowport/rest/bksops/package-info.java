/**
 * The BlueKing bk-sops adapter over its API gateway: {@link io.flowport.rest.bksops.BkSopsClient},
 * bk-sops' own operations ({@link io.flowport.rest.bksops.BkSopsOperations}), its envelope error
 * table and its state tables.
 */
package io.flowport.rest.bksops;
