package io.flowport.testkit.fakes.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.testkit.fakes.http.FakeRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a request's JSON body, answering a missing or malformed one with a typed 400 ({@link RestError})
 * in the engine's own words instead of a parser exception.
 *
 * <pre>{@code
 * static final JsonBodies BODIES = new JsonBodies(MAPPER, "Required request body is missing", "JSON parse error: ");
 * JsonNode body = BODIES.read(request);
 * }</pre>
 *
 * @param mapper the mapper to parse with
 * @param missingMessage the 400 detail for an empty body
 * @param malformedPrefix the 400 detail for bad JSON, before the parser's own description
 */
public record JsonBodies(ObjectMapper mapper, String missingMessage, String malformedPrefix) {
  /**
   * Creates the record: checks the components.
   *
   * @param mapper the mapper to parse with
   * @param missingMessage the 400 detail for an empty body
   * @param malformedPrefix the 400 detail for bad JSON, before the parser's own description
   */
  public JsonBodies {
    Objects.requireNonNull(mapper, "mapper == null");
    Objects.requireNonNull(missingMessage, "missingMessage == null");
    Objects.requireNonNull(malformedPrefix, "malformedPrefix == null");
  }

  /**
   * {@return the body as JSON; an empty body or bad JSON → {@link RestError} 400}
   *
   * @param request what to send
   */
  public JsonNode read(FakeRequest request) {
    if (request.body().length == 0) {
      throw RestError.badRequest(missingMessage);
    }
    try {
      JsonNode n = mapper.readTree(request.body());
      if (n == null || n.isMissingNode()) {
        throw RestError.badRequest(missingMessage);
      }
      return n;
    } catch (JsonProcessingException e) {
      throw RestError.badRequest(malformedPrefix + e.getOriginalMessage());
    } catch (IOException e) {
      throw RestError.badRequest("I/O error while reading input message"); // not reached with a byte array
    }
  }

  /**
   * {@return the body as a JSON object; anything else → {@link RestError} 400 with {@code notAnObject}'s text}
   *
   * @param request what to send
   * @param notAnObject the not an object
   */
  public JsonNode readObject(FakeRequest request, Function<JsonNode, String> notAnObject) {
    JsonNode n = read(request);
    if (!n.isObject()) {
      throw RestError.badRequest(notAnObject.apply(n));
    }
    return n;
  }
}
