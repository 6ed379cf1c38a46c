/**
 * The Flowable 7.2.0 process REST wire fake: {@link io.flowport.testkit.fakes.flowable.FakeFlowableServer}.
 * {@code ...flowable.internal} is not API.
 */
package io.flowport.testkit.fakes.flowable;
