/**
 * The HTTP server under every REST engine fake: {@link io.flowport.testkit.fakes.http.HttpFakeServer}
 * (WireMock underneath) hands every request to one {@link io.flowport.testkit.fakes.http.FakeHandler},
 * injects {@link io.flowport.testkit.fakes.FaultPlan} faults first and keeps a request log. Requests
 * are named {@code "METHOD /path"} below the base path, for faults and counts. A new REST fake is
 * written on {@link io.flowport.testkit.fakes.rest} (routes, status table, error shape), not on this
 * package directly.
 */
package io.flowport.testkit.fakes.http;
