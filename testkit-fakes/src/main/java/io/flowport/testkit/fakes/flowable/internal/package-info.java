/**
 * Not API: the Flowable fake's router, variable codec and BPMN index.
 */
package io.flowport.testkit.fakes.flowable.internal;
