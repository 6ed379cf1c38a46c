package io.flowport.rest.cloudify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestRequest;
import io.flowport.rest.RestCalls;
import io.flowport.rest.cloudify.CloudifyDeleteRequest;
import io.flowport.rest.cloudify.CloudifyExecution;
import io.flowport.rest.cloudify.CloudifyExecutionGroup;
import io.flowport.rest.cloudify.CloudifyGroupRequest;
import io.flowport.rest.cloudify.CloudifyListQuery;
import io.flowport.rest.cloudify.CloudifyPage;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The manager's REST v3.1 execution and execution-group endpoints, one request per method and one
 * attempt each. Bodies carry {@code Content-Type: application/json} exactly; booleans go as the
 * manager reads them (strings {@code "true"/"false"} on start as its client sends, JSON booleans on
 * groups, whose {@code force} is not converted); query parameters are encoded by OkHttp, which
 * sends a {@code +} in {@code _sort} as {@code %2B}.
 */
public final class CloudifyWire {
  static final String EXECUTIONS = "executions";
  static final String GROUPS = "execution-groups";
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private final RestCalls http;

  public CloudifyWire(RestCalls http) {
    this.http = http;
  }

  /** {@return the secrets the transport's credentials hold} */
  public io.flowport.core.spi.Secrets secrets() {
    return http.transport().secrets();
  }

  /** Closes the transport. */
  public void close() {
    http.close();
  }

  // ----------------------------------------------------------------------------- executions

  /**
   * {@code GET /executions}; {@code tenant} (may be null) is sent as the {@code Tenant} header. Each item
   * is made by {@code as} while the answer is read, so what it refuses is an unexpected answer.
   */
  public <T> CompletableFuture<CloudifyPage<T>> listExecutions(
      CallContext ctx, CloudifyListQuery query, String tenant, Function<CloudifyExecution, T> as) {
    RestRequest.Builder r = RestRequest.get(EXECUTIONS);
    if (tenant != null) {
      r.header("Tenant", tenant);
    }
    listParameters(r, query);
    if (query.includeSystemWorkflows() != null) {
      r.query("_include_system_workflows", query.includeSystemWorkflows().toString());
    }
    if (query.groupId() != null) {
      r.query("_group_id", query.groupId());
    }
    return http.call(ctx, r.build(), res -> CloudifyJson.page(res.json(), n -> as.apply(CloudifyJson.execution(n))));
  }

  /** {@code GET /executions/{id}}, the answer made into a value by {@code as} as it is read. */
  public <T> CompletableFuture<T> getExecution(CallContext ctx, String id, List<String> include,
      Function<CloudifyExecution, T> as) {
    RestRequest.Builder r = RestRequest.get(EXECUTIONS, id);
    include(r, include);
    return http.call(ctx, r.build(), res -> as.apply(CloudifyJson.execution(res.json())));
  }

  /**
   * {@code POST /executions}; {@code tenant} (may be null) is sent as the {@code Tenant} header; the answer
   * made into a value by {@code as} as it is read.
   */
  public <T> CompletableFuture<T> startExecution(CallContext ctx, CloudifyStartRequest s, String tenant,
      Function<CloudifyExecution, T> as) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deployment_id", s.deploymentId());
    body.put("workflow_id", s.workflowId());
    putIfSet(body, "parameters", s.parameters());
    // the manager's own client sends these four as strings; verify_and_convert_bool reads either
    putIfSet(body, "allow_custom_parameters", flag(s.allowCustomParameters()));
    putIfSet(body, "force", flag(s.force()));
    putIfSet(body, "dry_run", flag(s.dryRun()));
    putIfSet(body, "queue", flag(s.queue()));
    putIfSet(body, "scheduled_time", s.scheduledTime());
    putIfSet(body, "wait_after_fail", s.waitAfterFail());
    putIfSet(body, "force_status", s.forceStatus());
    putIfSet(body, "id", s.executionId());
    putIfSet(body, "created_by", s.createdBy());
    putIfSet(body, "created_at", s.createdAt());
    putIfSet(body, "started_at", s.startedAt());
    putIfSet(body, "ended_at", s.endedAt());
    putIfSet(body, "error", s.error());
    putIfSet(body, "is_system_workflow", s.systemWorkflow());
    RestRequest.Builder r = RestRequest.post(EXECUTIONS).body(CloudifyJson.body(body));
    if (tenant != null) {
      r.header("Tenant", tenant);
    }
    return http.call(ctx, r.build(), res -> as.apply(CloudifyJson.execution(res.json())));
  }

  /** {@code POST /executions/{id}} with {@code {"action": action}}. */
  public CompletableFuture<CloudifyExecution> executionAction(CallContext ctx, String id, String action) {
    RestRequest r = RestRequest.post(EXECUTIONS, id).body(CloudifyJson.body(Map.of("action", action))).build();
    return http.call(ctx, r, res -> CloudifyJson.execution(res.json()));
  }

  public CompletableFuture<CloudifyExecution> updateExecution(CallContext ctx, String id, String status, String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    putIfSet(body, "error", error);
    RestRequest r = RestRequest.patch(EXECUTIONS, id).body(CloudifyJson.body(body)).build();
    return http.call(ctx, r, res -> CloudifyJson.execution(res.json()));
  }

  /** {@code DELETE /executions}: the count of the {@code items:[{count}]} answer. */
  public CompletableFuture<Integer> deleteExecutions(CallContext ctx, CloudifyDeleteRequest d) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (d.keepLast() != null) {
      body.put("keep_last", d.keepLast());
    } else {
      body.put("to_datetime", naive(d.toDatetime()));
    }
    RestRequest.Builder r = RestRequest.delete(EXECUTIONS).body(CloudifyJson.body(body));
    filters(r, d.filters());
    return http.call(ctx, r.build(), res -> {
      JsonNode count = res.json().path("items").path(0).path("count");
      if (!count.isNumber()) {
        throw new IllegalStateException("the delete answer has no items[0].count");
      }
      return count.asInt();
    });
  }

  public CompletableFuture<Boolean> shouldStart(CallContext ctx, String id) {
    RestRequest r = RestRequest.get(EXECUTIONS, id, "should-start").build();
    return http.call(ctx, r, res -> {
      JsonNode b = res.json();
      if (!b.isBoolean()) {
        throw new IllegalStateException("should-start did not answer a boolean");
      }
      return b.asBoolean();
    });
  }

  // ------------------------------------------------------------------------ execution groups

  public CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> listGroups(CallContext ctx, CloudifyListQuery query) {
    RestRequest.Builder r = RestRequest.get(GROUPS);
    listParameters(r, query);
    return http.call(ctx, r.build(), res -> CloudifyJson.page(res.json(), CloudifyJson::group));
  }

  /** One page of the snapshot dump: {@code _get_data=true} with the dump's fields. */
  public CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> dumpGroups(CallContext ctx, int offset) {
    RestRequest r = RestRequest.get(GROUPS)
        .query("_get_data", "true")
        .query("_include", "id,created_at,workflow_id,execution_ids,concurrency,deployment_group_id,created_by")
        .query("_offset", offset)
        .build();
    return http.call(ctx, r, res -> CloudifyJson.page(res.json(), CloudifyJson::group));
  }

  public CompletableFuture<CloudifyExecutionGroup> getGroup(CallContext ctx, String id, List<String> include) {
    RestRequest.Builder r = RestRequest.get(GROUPS, id);
    include(r, include);
    return http.call(ctx, r.build(), res -> CloudifyJson.group(res.json()));
  }

  /** {@code POST /execution-groups}: starts, or with executions creates without running. */
  public CompletableFuture<CloudifyExecutionGroup> postGroup(CallContext ctx, CloudifyGroupRequest g) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deployment_group_id", g.deploymentGroupId());
    body.put("workflow_id", g.workflowId());
    putIfSet(body, "force", g.force()); // a JSON boolean: the manager takes any non-empty string as true
    putIfSet(body, "default_parameters", g.defaultParameters());
    putIfSet(body, "parameters", g.parameters());
    putIfSet(body, "concurrency", g.concurrency());
    putIfSet(body, "associated_executions", g.executions());
    putIfSet(body, "id", g.id());
    putIfSet(body, "created_by", g.createdBy());
    putIfSet(body, "created_at", g.createdAt());
    RestRequest r = RestRequest.post(GROUPS).body(CloudifyJson.body(body)).build();
    return http.call(ctx, r, res -> CloudifyJson.group(res.json()));
  }

  public CompletableFuture<CloudifyExecutionGroup> groupAction(CallContext ctx, String id, String action) {
    RestRequest r = RestRequest.post(GROUPS, id).body(CloudifyJson.body(Map.of("action", action))).build();
    return http.call(ctx, r, res -> CloudifyJson.group(res.json()));
  }

  /** {@code PATCH /execution-groups/{id}} with {@code fields} (concurrency, or target group ids). */
  public CompletableFuture<CloudifyExecutionGroup> patchGroup(CallContext ctx, String id, Map<String, ?> fields) {
    RestRequest r = RestRequest.patch(GROUPS, id).body(CloudifyJson.body(fields)).build();
    return http.call(ctx, r, res -> CloudifyJson.group(res.json()));
  }

  // ------------------------------------------------------------------------------- helpers

  private static void listParameters(RestRequest.Builder r, CloudifyListQuery q) {
    filters(r, q.filters());
    include(r, q.include());
    for (String key : q.sort()) {
      r.query("_sort", key);
    }
    r.query("_size", q.size());
    r.query("_offset", q.offset());
    if (q.allTenants() != null) {
      r.query("_all_tenants", q.allTenants().toString());
    }
    if (q.getAllResults() != null) {
      r.query("_get_all_results", q.getAllResults().toString());
    }
  }

  private static void filters(RestRequest.Builder r, Map<String, List<String>> filters) {
    filters.forEach((field, values) -> values.forEach(v -> r.query(field, v)));
  }

  private static void include(RestRequest.Builder r, List<String> include) {
    if (include != null && !include.isEmpty()) {
      r.query("_include", String.join(",", include));
    }
  }

  private static String flag(Boolean b) {
    return b == null ? null : b.toString();
  }

  private static void putIfSet(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  /** One of the manager's six naive formats (an offset would be refused). */
  static String naive(LocalDateTime t) {
    return t.getNano() == 0 ? SECONDS.format(t) : MICROS.format(t);
  }
}
