/**
 * The shared layer of the REST engine fakes, above {@link io.flowport.testkit.fakes.http.HttpFakeServer}:
 * a fake is a {@link io.flowport.testkit.fakes.rest.RestFakeServer} serving one
 * {@link io.flowport.testkit.fakes.rest.RestApi}, made of the engine's
 * {@link io.flowport.testkit.fakes.rest.RestRoutes} (method + path template → handler, and the
 * engine's answers for unknown paths and wrong methods), its error shape
 * ({@link io.flowport.testkit.fakes.rest.ErrorBody}) and its
 * {@link io.flowport.testkit.fakes.rest.StatusTable} (engine failure → HTTP status), with
 * {@link io.flowport.testkit.fakes.rest.RestAuth}, {@link io.flowport.testkit.fakes.rest.JsonBodies}
 * and {@link io.flowport.testkit.fakes.rest.Paging} as helpers. Handlers throw
 * {@link io.flowport.testkit.fakes.rest.RestError} for the engine's own error answers.
 * {@code docs/adding-an-engine.md} lists what a new engine's fake writes.
 */
package io.flowport.testkit.fakes.rest;
