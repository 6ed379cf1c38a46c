/**
 * Not API: the Flowable fake's route table ({@code FlowableApi}), one class per resource, its bodies,
 * error table, variable codec, BPMN index and the provider the standalone fake process finds.
 */
package io.flowport.testkit.fakes.flowable.internal;
