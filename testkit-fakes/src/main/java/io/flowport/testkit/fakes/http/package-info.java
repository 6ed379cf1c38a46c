/**
 * A small reusable base for REST engine fakes: {@link io.flowport.testkit.fakes.http.HttpFakeServer}
 * (WireMock underneath) hands every request to one {@link io.flowport.testkit.fakes.http.FakeHandler},
 * injects {@link io.flowport.testkit.fakes.FaultPlan} faults first and keeps a request log. Requests
 * are named {@code "METHOD /path"} below the base path, for faults and counts.
 */
package io.flowport.testkit.fakes.http;
