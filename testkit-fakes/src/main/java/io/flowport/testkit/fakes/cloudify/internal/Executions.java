package io.flowport.testkit.fakes.cloudify.internal;

import io.flowport.rest.cloudify.CloudifyStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The manager's {@code /executions} endpoints on the fake's {@link Manager}: start (with the
 * queueing rules, scheduled placeholders and restore fields), actions, PATCH, bulk delete,
 * should-start, get and list. Callers hold the manager's lock ({@link Manager#respond}).
 */
final class Executions {
  private final Manager m;

  Executions(Manager manager) {
    this.m = manager;
  }

  Map<String, Object> list(Map<String, List<String>> query, String tenant) {
    ListQuery q = ListQuery.parse(query, Rows.EXECUTION_FIELDS);
    boolean system = Wire.bool("_include_system_workflows", ListQuery.first(query, "_include_system_workflows"), false);
    boolean allTenants = Wire.bool("_all_tenants", ListQuery.first(query, "_all_tenants"), false);
    String groupId = ListQuery.first(query, "_group_id");
    Rows.Group group = groupId == null ? null : m.groups.get(groupId);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Rows.Execution e : m.executions.values()) {
      if ((system || !e.system) && (allTenants || e.tenant.equals(tenant))
          && (groupId == null || (group != null && group.executionIds.contains(e.id)))) {
        rows.add(e.render());
      }
    }
    return q.envelope(q.select(rows));
  }

  Map<String, Object> get(String id, Map<String, List<String>> query) {
    ListQuery q = ListQuery.parse(Map.of("_include", query.getOrDefault("_include", List.of())), Rows.EXECUTION_FIELDS);
    return ListQuery.cut(m.require(id).render(), q.include);
  }

  /** {@code POST /executions} → 201. */
  Map<String, Object> start(Map<String, Object> body, String tenant) {
    String deploymentId = requiredText(body, "deployment_id");
    String workflowId = requiredText(body, "workflow_id");
    Object rawParameters = body.get("parameters");
    if (rawParameters != null && !(rawParameters instanceof Map)) {
      throw ManagerError.badParameters("parameters: expected a dict, got " + rawParameters);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> parameters = rawParameters == null ? Map.of() : (Map<String, Object>) rawParameters;
    boolean allowCustom = Wire.bool("allow_custom_parameters", body.get("allow_custom_parameters"), false);
    boolean force = Wire.bool("force", body.get("force"), false);
    boolean dryRun = Wire.bool("dry_run", body.get("dry_run"), false);
    boolean queue = Wire.bool("queue", body.get("queue"), false);
    Object waitAfterFail = body.get("wait_after_fail");
    if (waitAfterFail != null && !(waitAfterFail instanceof Integer)) {
      throw ManagerError.badParameters("wait_after_fail must be an integer, got " + waitAfterFail);
    }
    String forceStatus = text(body, "force_status");
    String scheduledTime = text(body, "scheduled_time");
    if (forceStatus != null) {
      if (!StateRules.ALL.contains(forceStatus)) {
        throw ManagerError.badParameters("Invalid force_status: " + forceStatus);
      }
      if (scheduledTime != null) {
        throw ManagerError.badParameters("force_status cannot be used together with a schedule");
      }
    }
    Rows.Deployment d = m.deployments.get(deploymentId);
    if (d == null) {
      throw ManagerError.notFound("Deployment", deploymentId);
    }
    checkEnvironment(d);
    Rows.Workflow w = d.workflows().get(workflowId);
    if (w == null && forceStatus == null) {
      throw new ManagerError(400, "nonexistent_workflow_error",
          "Workflow " + workflowId + " does not exist in deployment " + deploymentId);
    }
    Map<String, Object> merged = w == null ? parameters : merge(w, parameters, allowCustom);
    if (scheduledTime != null) {
      return schedule(deploymentId, workflowId, scheduledTime, merged);
    }
    String id = text(body, "id");
    if (id != null && m.executions.containsKey(id)) {
      throw ManagerError.conflict("Execution " + id + " already exists");
    }
    Rows.Execution e = m.newExecution(id != null ? id : UUID.randomUUID().toString(), deploymentId, d.blueprintId(),
        workflowId, Boolean.TRUE.equals(body.get("is_system_workflow")), tenant, CloudifyStates.PENDING);
    e.parameters = merged;
    e.dryRun = dryRun;
    e.allowCustomParameters = allowCustom;
    if (forceStatus != null) {
      restore(e, body, forceStatus); // stored, not run
      return e.render();
    }
    if (m.systemBusy(e)) {
      e.status = CloudifyStates.QUEUED; // even without queue, and with force
    } else if (!force && m.deploymentBusy(e)) {
      if (!queue) {
        m.executions.remove(e.id);
        throw new ManagerError(400, "existing_running_execution_error", "The following executions are currently"
            + " running for this deployment. To execute this workflow anyway, pass \"force=true\"");
      }
      e.status = CloudifyStates.QUEUED;
    }
    m.attachEngine(e, id == null);
    return e.render();
  }

  private static void checkEnvironment(Rows.Deployment d) {
    switch (d.environment()) {
      case "ok" -> { }
      case "failed", "cancelled" -> throw new ManagerError(400, "deployment_creation_error",
          "Deployment " + d.id() + " creation failed or was cancelled");
      case "pending" -> throw new ManagerError(400, "deployment_environment_creation_pending_error",
          "Deployment environment creation is still pending for " + d.id());
      default -> throw new ManagerError(400, "deployment_environment_creation_in_progress_error",
          "Deployment environment creation is still in progress for " + d.id());
    }
  }

  /** The workflow's declared parameters with defaults, checked ({@code illegal_execution_parameters_error}). */
  private static Map<String, Object> merge(Rows.Workflow w, Map<String, Object> given, boolean allowCustom) {
    if (w.parameters() == null) {
      return given;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> p : w.parameters().entrySet()) {
      if (given.containsKey(p.getKey())) {
        out.put(p.getKey(), given.get(p.getKey()));
      } else if (p.getValue() != null && p.getValue().containsKey("default")) {
        out.put(p.getKey(), p.getValue().get("default"));
      } else {
        throw new ManagerError(400, "illegal_execution_parameters_error",
            "Workflow \"" + w.id() + "\" must be provided with the following parameters to execute: ['"
                + p.getKey() + "']");
      }
    }
    for (Map.Entry<String, Object> g : given.entrySet()) {
      if (!w.parameters().containsKey(g.getKey())) {
        if (!allowCustom) {
          throw new ManagerError(400, "illegal_execution_parameters_error", "Workflow \"" + w.id()
              + "\" does not have the following parameters declared: " + g.getKey()
              + ". Remove these parameters or use the flag for allowing custom parameters");
        }
        out.put(g.getKey(), g.getValue());
      }
    }
    return out;
  }

  /** A start with {@code scheduled_time}: an ExecutionSchedule, and an unsaved placeholder as answer (§6 5). */
  private Map<String, Object> schedule(String deploymentId, String workflowId, String time, Map<String, Object> params) {
    Instant at = Wire.anyTime("scheduled_time", time);
    if (!at.isAfter(m.now())) {
      throw ManagerError.badParameters("Scheduled time " + time + " is in the past");
    }
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("id", workflowId + "_" + UUID.randomUUID().toString().replace("-", ""));
    schedule.put("deployment_id", deploymentId);
    schedule.put("workflow_id", workflowId);
    schedule.put("since", Wire.timestamp(at));
    schedule.put("parameters", params);
    m.schedules.add(schedule);
    Map<String, Object> placeholder = new HashMap<>();
    placeholder.put("id", null);
    placeholder.put("workflow_id", null);
    placeholder.put("deployment_id", null);
    placeholder.put("status", CloudifyStates.SCHEDULED);
    placeholder.put("status_display", CloudifyStates.SCHEDULED);
    placeholder.put("parameters", params);
    placeholder.put("scheduled_for", Wire.timestamp(at));
    return placeholder;
  }

  private static void restore(Rows.Execution e, Map<String, Object> body, String status) {
    e.status = status;
    String error = text(body, "error");
    e.error = error == null ? "" : error;
    if (text(body, "created_by") != null) {
      e.createdBy = text(body, "created_by");
    }
    if (text(body, "created_at") != null) {
      e.createdAt = Wire.anyTime("created_at", text(body, "created_at"));
    }
    if (text(body, "started_at") != null) {
      e.startedAt = Wire.anyTime("started_at", text(body, "started_at"));
    }
    if (text(body, "ended_at") != null) {
      e.endedAt = Wire.anyTime("ended_at", text(body, "ended_at"));
    }
  }

  /** {@code POST /executions/{id}}: cancel, force-cancel, kill, resume, force-resume, requeue. */
  Map<String, Object> action(String id, Map<String, Object> body) {
    String action = requiredText(body, "action");
    List<String> valid = List.of("cancel", "force-cancel", "kill", "resume", "force-resume", "requeue");
    if (!valid.contains(action)) {
      throw ManagerError.badParameters("Invalid action: " + action + ", Valid action values are: " + valid);
    }
    Rows.Execution e = m.require(id);
    if (action.startsWith("resume") || action.equals("force-resume")) {
      boolean force = action.equals("force-resume");
      StateRules.checkResume(e.id, e.status, force);
      m.stopEngineInstance(e); // a resumed execution is re-sent: a new run
      e.status = CloudifyStates.PENDING;
      e.endedAt = null;
      e.resumed = true;
      return e.render();
    }
    // the manager routes requeue to a plain cancel (notes §1)
    StateRules.CancelAction cancel = StateRules.CancelAction.of(action.equals("requeue") ? "cancel" : action);
    cancel(List.of(e), cancel);
    return e.render();
  }

  /** Validates every execution first, then moves each to the requested action's status, error "". */
  void cancel(List<Rows.Execution> targets, StateRules.CancelAction action) {
    for (Rows.Execution e : targets) {
      StateRules.checkCancel(e.id, e.status, action);
    }
    for (Rows.Execution e : targets) {
      e.status = action.newStatus();
      e.error = "";
    }
  }

  /** {@code PATCH /executions/{id}}: {@code {status, error?}}. */
  Map<String, Object> update(String id, Map<String, Object> body) {
    String status = requiredText(body, "status");
    Rows.Execution e = m.require(id);
    if (!StateRules.patchAllowed(e.workflowId, e.status, status)) {
      throw new ManagerError(400, "invalid_exception_status_update", "Invalid relationship - can't change status from "
          + e.status + " to " + status + " for \"" + e.id + "\" execution while running \"" + e.workflowId
          + "\" workflow.");
    }
    String error = text(body, "error");
    if (StateRules.END.contains(status)) {
      m.end(e, status, error); // ended_at set; the worker dequeues
      return e.render();
    }
    e.status = status;
    e.error = error == null ? "" : error; // PATCH without error resets it
    if (CloudifyStates.STARTED.equals(status)) {
      e.startedAt = m.now();
    }
    return e.render();
  }

  /** {@code DELETE /executions} → 200 {@code {items:[{count}], metadata:{pagination: <as asked>}}}. */
  Map<String, Object> delete(Map<String, List<String>> query, Map<String, Object> body) {
    Object keepLast = body.get("keep_last");
    Object toDatetime = body.get("to_datetime");
    if (keepLast != null) {
      if (!(keepLast instanceof Integer)) {
        throw ManagerError.badParameters("keep_last: expected an int, got " + keepLast);
      }
      if (toDatetime != null) {
        throw ManagerError.badParameters("Must provide either a `to_datetime` timestamp or a `keep_last` number of"
            + " executions to keep");
      }
      if ((Integer) keepLast <= 0) {
        throw ManagerError.badParameters("`keep_last` must be an integer greater than 0. got " + keepLast + " instead.");
      }
    }
    Instant before = toDatetime == null ? null : Wire.naive(String.valueOf(toDatetime));
    ListQuery q = ListQuery.parse(query, Rows.EXECUTION_FIELDS);
    Map<String, List<String>> filters = new LinkedHashMap<>(q.filters);
    if (filters.containsKey("status")) {
      for (String s : filters.get("status")) {
        if (!StateRules.END.contains(s)) {
          throw ManagerError.badParameters("Can't filter by execution status `" + s + "`. Allowed statuses are: "
              + StateRules.END);
        }
      }
    } else {
      filters.put("status", List.copyOf(StateRules.END));
    }
    List<Rows.Execution> matching = m.executions.values().stream()
        .filter(e -> ListQuery.matches(e.render(), filters)).toList();
    Map<String, Integer> envs = new HashMap<>();
    for (Rows.Execution e : matching) {
      if ("create_deployment_environment".equals(e.workflowId) && CloudifyStates.TERMINATED.equals(e.status)) {
        envs.merge(e.deploymentId, 1, Integer::sum);
      }
    }
    int deleted = 0;
    int maxToDelete = matching.size() - (keepLast == null ? 0 : (Integer) keepLast);
    for (Rows.Execution e : matching) {
      if (before != null && !e.createdAt.isBefore(before)) {
        continue;
      }
      if (!deletable(e, envs)) {
        continue;
      }
      m.executions.remove(e.id);
      deleted++;
      // as the manager: the check comes after a delete, so keep_last >= the count still deletes one
      if (before == null && keepLast != null && deleted >= maxToDelete) {
        break;
      }
    }
    Map<String, Object> pagination = new LinkedHashMap<>();
    if (q.sizeGiven) {
      pagination.put("size", q.size);
    }
    if (q.offsetGiven) {
      pagination.put("offset", q.offset);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", List.of(Map.of("count", deleted)));
    out.put("metadata", Map.of("pagination", pagination));
    return out;
  }

  /** The last successful create_deployment_environment of a deployment is never deleted. */
  private static boolean deletable(Rows.Execution e, Map<String, Integer> envs) {
    if (!"create_deployment_environment".equals(e.workflowId)) {
      return true;
    }
    int left = envs.getOrDefault(e.deploymentId, 0);
    if (left <= 1) {
      return false;
    }
    envs.put(e.deploymentId, left - 1);
    return true;
  }

  /** {@code GET /executions/{id}/should-start}: no system workflow busy, nothing else on its deployment. */
  boolean shouldStart(String id) {
    Rows.Execution e = m.require(id);
    return !m.systemBusy(e) && !m.deploymentBusy(e);
  }

  static String requiredText(Map<String, Object> body, String name) {
    Object v = body.get(name);
    if (!(v instanceof String s)) {
      throw ManagerError.badParameters("Missing or invalid " + name + " in json request body");
    }
    return s;
  }

  static String text(Map<String, Object> body, String name) {
    Object v = body.get(name);
    return v == null ? null : String.valueOf(v);
  }
}
