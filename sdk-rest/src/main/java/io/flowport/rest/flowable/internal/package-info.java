/**
 * Not API: the Flowable backend and its JSON mapping.
 */
package io.flowport.rest.flowable.internal;
