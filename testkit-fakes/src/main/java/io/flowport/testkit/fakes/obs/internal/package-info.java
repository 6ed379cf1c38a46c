/**
 * Not API: the OBS fake's routes, signature check, workflow store and state-list mapping.
 */
package io.flowport.testkit.fakes.obs.internal;
