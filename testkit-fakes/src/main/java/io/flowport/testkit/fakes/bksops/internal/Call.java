package io.flowport.testkit.fakes.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.testkit.fakes.http.FakeRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One request being answered: the route, the user the gateway vouched for, the trace id. */
final class Call {
  final FakeRequest req;
  final Route route;
  final String username;
  final String traceId;

  Call(FakeRequest req, Route route, String username, String traceId) {
    this.req = req;
    this.route = route;
    this.username = username;
    this.traceId = traceId;
  }

  /** The JSON body, or null when it is not JSON. */
  JsonNode json() {
    try {
      return req.body().length == 0 ? null : JsonValues.MAPPER.readTree(req.body());
    } catch (IOException e) {
      return null;
    }
  }

  /** A JSON object as a map; empty for null or anything else. */
  Map<String, Object> map(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new LinkedHashMap<>();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JsonValues.MAPPER.convertValue(node, LinkedHashMap.class);
    return m;
  }

  /** An integer query parameter, or null when absent or not a number. */
  Integer intParam(String name) {
    String v = req.queryParam(name);
    try {
      return v == null || v.isEmpty() ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The answer from the cache (keyed by path, user and sorted query) or from {@code compute}. */
  ObjectNode cached(StatusCache cache, Supplier<ObjectNode> compute) {
    return cache.get(req.path() + "|" + username + "|" + new java.util.TreeMap<>(req.query()), compute);
  }
}
