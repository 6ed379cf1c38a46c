package io.flowport.testkit.fakes.http;

import io.flowport.testkit.fakes.Fault;
import java.time.Instant;

/**
 * One request an HTTP fake received, for assertions.
 *
 * @param name {@code "METHOD /path"} (path below the base path, as sent)
 * @param query the raw query string, or null
 * @param body the request body as UTF-8 text
 * @param status the status answered; 0 when the connection was reset
 * @param fault the injected fault, or null when the request was answered normally
 * @param receivedAt wall-clock time the request arrived
 */
public record RecordedRequest(String name, String query, String body, int status, Fault fault, Instant receivedAt) {}
