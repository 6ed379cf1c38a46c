package io.flowport.rest.cloudify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Group;
import io.flowport.core.model.Instance;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.RestBody;
import io.flowport.rest.RestJson;
import io.flowport.rest.cloudify.CloudifyExecution;
import io.flowport.rest.cloudify.CloudifyExecutionGroup;
import io.flowport.rest.cloudify.CloudifyPage;
import io.flowport.rest.cloudify.CloudifyStates;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the manager's JSON into the adapter's types, and writes request bodies. */
public final class CloudifyJson {
  /** Exactly this: the manager answers 415 to {@code application/json; charset=utf-8}. */
  public static final String CONTENT_TYPE = "application/json";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private CloudifyJson() {}

  /** A JSON body with the exact media type the manager accepts (a byte body: no charset is added). */
  public static RestBody body(Map<String, ?> value) {
    try {
      return RestBody.bytes(JsonValues.MAPPER.writeValueAsBytes(value), CONTENT_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An execution object. */
  public static CloudifyExecution execution(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalStateException("an execution is not a JSON object");
    }
    String status = text(n, "status");
    Map<String, Object> parameters = n.path("parameters").isObject() ? map(n.get("parameters")) : Map.of();
    return new CloudifyExecution(text(n, "id"), text(n, "deployment_id"), text(n, "blueprint_id"),
        text(n, "workflow_id"), status, text(n, "status_display"), CloudifyStates.state(status), text(n, "error"),
        parameters, bool(n, "is_system_workflow"), bool(n, "is_dry_run"), time(n, "created_at"),
        time(n, "started_at"), time(n, "ended_at"), time(n, "scheduled_for"), text(n, "created_by"),
        text(n, "tenant_name"), integer(n, "total_operations"), integer(n, "finished_operations"), map(n));
  }

  /** An execution group object. */
  public static CloudifyExecutionGroup group(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalStateException("an execution group is not a JSON object");
    }
    String status = text(n, "status");
    List<String> ids = null;
    if (n.path("execution_ids").isArray()) {
      ids = new ArrayList<>();
      for (JsonNode id : n.get("execution_ids")) {
        ids.add(id.asText());
      }
    }
    return new CloudifyExecutionGroup(RestJson.requireText(n, "id"), text(n, "deployment_group_id"), text(n, "workflow_id"), status,
        CloudifyStates.state(status), ids, integer(n, "concurrency"), text(n, "success_group_id"),
        text(n, "failure_group_id"), time(n, "created_at"), text(n, "created_by"), map(n));
  }

  /** The {@code items} + {@code metadata.pagination} envelope. */
  public static <T> CloudifyPage<T> page(JsonNode n, Function<JsonNode, T> item) {
    JsonNode items = n == null ? null : n.get("items");
    if (items == null || !items.isArray()) {
      throw new IllegalStateException("a list answer has no items array");
    }
    List<T> out = new ArrayList<>(items.size());
    for (JsonNode i : items) {
      out.add(item.apply(i));
    }
    JsonNode p = n.path("metadata").path("pagination");
    long total = p.path("total").isNumber() ? p.get("total").asLong() : out.size();
    int size = p.path("size").isNumber() ? p.get("size").asInt() : out.size();
    int offset = p.path("offset").isNumber() ? p.get("offset").asInt() : 0;
    return new CloudifyPage<>(out, total, size, offset);
  }

  /**
   * The unified instance of an execution: definition {@code deployment:workflow}, variables = parameters.
   *
   * @throws IllegalStateException for an execution without id (read as an unexpected answer)
   */
  public static Instance instance(CloudifyExecution e) {
    // Only the manager's placeholder for a scheduled start has no id; an instance must name one.
    if (e.id() == null || e.id().isBlank()) {
      throw new IllegalStateException("an execution without 'id' is not an instance");
    }
    return Instance.builder()
        .id(e.id())
        .definitionId(e.definitionId())
        .tenantId(e.tenantName())
        .state(e.state())
        .rawStatus(e.status())
        .startTime(e.startedAt() != null ? e.startedAt() : e.createdAt())
        .endTime(e.endedAt())
        .variables(e.parameters())
        .build();
  }

  /** The unified group; members unknown (not sent) become an empty list. */
  public static Group unified(CloudifyExecutionGroup g) {
    return new Group(g.id(), g.state(), g.status(), g.concurrency() == null ? 0 : g.concurrency(),
        g.executionIds() == null ? List.of() : g.executionIds());
  }

  /** The manager's timestamps ({@code 2024-08-01T10:00:00.000Z}, or naive UTC); null when absent or unreadable. */
  static Instant time(JsonNode n, String field) {
    String s = text(n, field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null; // kept as sent in fields()
      }
    }
  }

  private static Map<String, Object> map(JsonNode n) {
    return JsonValues.MAPPER.convertValue(n, MAP);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  private static Integer integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? null : v.asInt();
  }
}
