package io.flowport.testkit.fakes.cloudify.internal;

import io.flowport.rest.cloudify.CloudifyStates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The manager's {@code /execution-groups} endpoints on the fake's {@link Manager}
 * ({@code resources_v3_1/executions.py}): create/start, get, list, actions and PATCH. Get-by-id and
 * create answer with {@code status} and {@code execution_ids}; list items (without
 * {@code _get_data=true}) and action and PATCH answers leave both out (notes §6 9). Callers hold
 * the manager's lock.
 */
final class Groups {
  private final Manager m;
  private final Executions executions;

  Groups(Manager manager, Executions executions) {
    this.m = manager;
    this.executions = executions;
  }

  Map<String, Object> list(Map<String, List<String>> query, String tenant) {
    ListQuery q = ListQuery.parse(query, Rows.GROUP_FIELDS);
    boolean full = Wire.bool("_get_data", ListQuery.first(query, "_get_data"), false);
    boolean allTenants = Wire.bool("_all_tenants", ListQuery.first(query, "_all_tenants"), false);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Rows.Group g : m.groups.values()) {
      if (allTenants || g.tenant.equals(tenant)) {
        rows.add(g.render(m.groupStatus(g), full));
      }
    }
    return q.envelope(q.select(rows));
  }

  Map<String, Object> get(String id, Map<String, List<String>> query) {
    ListQuery q = ListQuery.parse(Map.of("_include", query.getOrDefault("_include", List.of())), Rows.GROUP_FIELDS);
    Rows.Group g = require(id);
    return ListQuery.cut(g.render(m.groupStatus(g), true), q.include);
  }

  /** {@code POST /execution-groups} → 200, with status and execution ids. */
  Map<String, Object> create(Map<String, Object> body, String tenant) {
    String depGroupId = Executions.requiredText(body, "deployment_group_id");
    String workflowId = Executions.requiredText(body, "workflow_id");
    int concurrency = concurrency(body.containsKey("concurrency") ? body.get("concurrency") : 5);
    boolean force = Wire.truthy(body.get("force")); // not converted: "false" is true (§6 9)
    List<Rows.Execution> associated = new ArrayList<>();
    if (body.get("associated_executions") instanceof List<?> ids && !ids.isEmpty()) {
      for (Object id : ids) {
        associated.add(m.require(String.valueOf(id)));
      }
    }
    List<String> deploymentIds = m.deploymentGroups.get(depGroupId);
    if (deploymentIds == null) {
      throw ManagerError.notFound("DeploymentGroup", depGroupId);
    }
    String id = body.get("id") instanceof String s ? s : UUID.randomUUID().toString();
    if (m.groups.containsKey(id)) {
      throw ManagerError.conflict("Execution group " + id + " already exists");
    }
    Rows.Group g = new Rows.Group(id, depGroupId, workflowId, tenant, concurrency);
    g.createdAt = m.now();
    m.groups.put(id, g);
    if (!associated.isEmpty()) {
      associated.forEach(e -> g.executionIds.add(e.id)); // a restore: nothing runs
      return g.render(m.groupStatus(g), true);
    }
    Map<String, Object> defaults = map(body.get("default_parameters"));
    Map<String, Object> perDeployment = map(body.get("parameters"));
    for (String depId : deploymentIds) {
      Rows.Deployment d = m.deployments.get(depId);
      if (d == null || !d.workflows().containsKey(workflowId)) {
        g.logs.add("Workflow " + workflowId + " does not exist in deployment " + depId);
        continue; // skipped, with a log entry on the group
      }
      Map<String, Object> params = new LinkedHashMap<>(defaults);
      params.putAll(map(perDeployment.get(depId)));
      Rows.Execution e = m.newExecution(depId, d.blueprintId(), workflowId, false, tenant, CloudifyStates.PENDING);
      e.parameters = params;
      m.attachEngine(e, true);
      g.executionIds.add(e.id);
    }
    startMembers(g, force);
    return g.render(m.groupStatus(g), true);
  }

  /** {@code group.start_executions}: pending members run up to the concurrency; the rest queue. */
  private void startMembers(Rows.Group g, boolean force) {
    for (Rows.Execution e : m.membersOf(g)) {
      if (!CloudifyStates.PENDING.equals(e.status)) {
        continue;
      }
      if (m.groupFull(e) || m.systemBusy(e) || (!force && m.deploymentBusy(e))) {
        e.status = CloudifyStates.QUEUED;
      }
    }
  }

  /** {@code POST /execution-groups/{id}}: cancel, force-cancel, kill, resume, force-resume (no requeue). */
  Map<String, Object> action(String id, Map<String, Object> body) {
    String action = Executions.requiredText(body, "action");
    List<String> valid = List.of("cancel", "force-cancel", "kill", "resume", "force-resume");
    if (!valid.contains(action)) {
      throw ManagerError.badParameters("Invalid action: " + action + ", Valid action values are: " + valid);
    }
    Rows.Group g = require(id);
    if (action.endsWith("resume")) {
      for (Rows.Execution e : m.membersOf(g)) {
        if (CloudifyStates.FAILED.equals(e.status) || CloudifyStates.CANCELLED.equals(e.status)) {
          m.stopEngineInstance(e);
          e.status = CloudifyStates.PENDING;
          e.endedAt = null;
          e.resumed = true;
        }
      }
      startMembers(g, false);
      return g.render(null, false);
    }
    List<Rows.Execution> toCancel = new ArrayList<>();
    for (Rows.Execution e : m.membersOf(g)) {
      if (CloudifyStates.QUEUED.equals(e.status)) {
        m.end(e, CloudifyStates.CANCELLED, ""); // queued members are cancelled at once
      } else if (!StateRules.END.contains(e.status)) {
        toCancel.add(e);
      }
    }
    if (toCancel.isEmpty()) {
      // as the manager: cancel_execution([]) finds nothing, after the queued members were cancelled
      throw new ManagerError(404, "not_found_error", "Requested `Execution` [] was not found");
    }
    executions.cancel(toCancel, StateRules.CancelAction.of(action));
    return g.render(null, false);
  }

  /** {@code PATCH /execution-groups/{id}}: target groups and concurrency. */
  Map<String, Object> update(String id, Map<String, Object> body) {
    Rows.Group g = require(id);
    if (body.get("success_group_id") instanceof String s && !s.isEmpty()) {
      addDeployments(g, s, CloudifyStates.TERMINATED);
      g.successGroupId = s;
    }
    if (body.get("failure_group_id") instanceof String f && !f.isEmpty()) {
      addDeployments(g, f, CloudifyStates.FAILED);
      g.failureGroupId = f;
    }
    if (body.get("concurrency") != null) {
      g.concurrency = concurrency(body.get("concurrency")); // from 0 to more: the worker dequeues
    }
    return g.render(null, false);
  }

  /** Adds the deployments of members that ended in {@code status} to deployment group {@code target}. */
  private void addDeployments(Rows.Group g, String target, String status) {
    List<String> deps = m.deploymentGroups.get(target);
    if (deps == null) {
      throw ManagerError.notFound("DeploymentGroup", target);
    }
    for (Rows.Execution e : m.membersOf(g)) {
      if (status.equals(e.status) && e.deploymentId != null && !deps.contains(e.deploymentId)) {
        deps.add(e.deploymentId);
      }
    }
  }

  /** {@code _validate_concurrency}: an int >= 0 (a bool is an int in Python); null → 400. */
  private static int concurrency(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Integer i && i >= 0) {
      return i;
    }
    throw ManagerError.badParameters("concurrency must be a nonnegative number, but got: " + value);
  }

  private Rows.Group require(String id) {
    Rows.Group g = m.groups.get(id);
    if (g == null) {
      throw ManagerError.notFound("ExecutionGroup", id);
    }
    return g;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
