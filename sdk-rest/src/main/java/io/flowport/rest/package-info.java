/**
 * What every REST adapter shares. {@link io.flowport.rest.RestTransport} only sends (OkHttp and
 * Jackson: encoded paths, credentials per attempt, the attempt's deadline, cancellation on the
 * wire); {@link io.flowport.rest.RestCalls} reads the answers in the backend, with the adapter's
 * {@link io.flowport.rest.ErrorReader} (JSON fields, XML elements, {@link io.flowport.rest.JsonEnvelope}
 * for errors sent with HTTP 200) and {@link io.flowport.rest.RestCalls.Fallback}s;
 * {@link io.flowport.rest.RestClientBuilder} is the base of REST client builders;
 * {@link io.flowport.rest.OffsetPaging}, {@link io.flowport.rest.MarkerPaging} and
 * {@link io.flowport.rest.RestJson} replace private copies in each adapter.
 */
package io.flowport.rest;
