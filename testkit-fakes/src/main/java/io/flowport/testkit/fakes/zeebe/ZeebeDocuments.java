package io.flowport.testkit.fakes.zeebe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway's JSON variable documents and its numeric keys, as Zeebe reads and writes them. */
final class ZeebeDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeDocuments() {}

  /** A JSON object document; "" means none. Not an object → INVALID_ARGUMENT (see package docs). */
  static Map<String, Object> document(Rpc rpc, String json, String property) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ZeebeStatuses.status(Status.Code.INVALID_ARGUMENT, "Property '" + property
          + "' is invalid: Expected document to be valid JSON, but it could not be parsed: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      String type = node == null ? "NIL" : node.getNodeType().name();
      throw ZeebeStatuses.status(Status.Code.INVALID_ARGUMENT, "Property '" + property
          + "' is invalid: Expected document to be a root level object, but was '" + type + "'");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.convertValue(node, LinkedHashMap.class);
    return map;
  }

  /** Variables as a JSON document. */
  static String json(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variables cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Only the {@code names} variables; all of them when {@code names} is empty (Zeebe's fetchVariables). */
  static Map<String, Object> select(Map<String, Object> variables, List<String> names) {
    if (names.isEmpty()) {
      return variables;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : names) {
      if (variables.containsKey(n)) {
        out.put(n, variables.get(n));
      }
    }
    return out;
  }

  /** An engine key as Zeebe's long key. */
  static long key(String key) {
    return Long.parseLong(key);
  }

  /** null for an empty tenant (the engine then takes its default). */
  static String tenantOrNull(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? null : tenantId;
  }
}
