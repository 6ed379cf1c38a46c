/**
 * Not API: the OBS backend, its JSON mapping, the V2 request signer and the error body readers.
 */
package io.flowport.rest.obs.internal;
