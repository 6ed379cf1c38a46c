package io.flowport.testkit.fakes.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer as it came over the wire, engine-neutral: the status (an HTTP code such as {@code "404"}
 * or a gRPC code name such as {@code "NOT_FOUND"}), a description (gRPC: the status description;
 * HTTP: the answer's media type), and the body as JSON ({@code null} when there is none).
 *
 * @param status the HTTP status code or the gRPC status code name
 * @param description the gRPC status description ({@code null} for OK), or the HTTP media type
 * @param body the body as JSON (a protobuf message as its JSON form), {@code null} when empty
 */
public record WireAnswer(String status, String description, JsonNode body) {}
