package io.flowport.testkit.fakes.cloudify.internal;

import io.flowport.rest.cloudify.CloudifyStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fake manager's stored objects and how they are rendered as the manager renders them. */
final class Rows {
  private Rows() {}

  /** The fields a list of executions may filter, include and sort by. */
  static final Set<String> EXECUTION_FIELDS = Set.of("id", "deployment_id", "blueprint_id", "workflow_id", "status",
      "status_display", "error", "parameters", "is_system_workflow", "is_dry_run", "created_at", "started_at",
      "ended_at", "scheduled_for", "created_by", "tenant_name", "visibility", "total_operations",
      "finished_operations", "allow_custom_parameters", "resume");

  /** The fields a list of execution groups may filter, include and sort by. */
  static final Set<String> GROUP_FIELDS = Set.of("id", "deployment_group_id", "workflow_id", "concurrency",
      "created_at", "created_by", "tenant_name", "visibility", "success_group_id", "failure_group_id", "status",
      "execution_ids");

  /**
   * One workflow of a blueprint: how the fake runs it ({@code succeed}, {@code wait} for the test
   * to complete it, {@code fail} with {@code error}) and its declared parameters (null: any).
   */
  record Workflow(String id, String run, String error, Map<String, Map<String, Object>> parameters) {}

  /** A deployment: its workflows and the state of its environment ({@code ok}, {@code failed}, ...). */
  record Deployment(String id, String blueprintId, Map<String, Workflow> workflows, String environment) {}

  /** One execution. */
  static final class Execution {
    String id; // the id of the engine instance that runs it, once it has one (see Manager.attachEngine)
    final long seq;
    final String deploymentId;
    final String blueprintId;
    final String workflowId;
    final boolean system;
    final String tenant;
    String status;
    String error = "";
    Map<String, Object> parameters = Map.of();
    boolean dryRun;
    boolean allowCustomParameters;
    boolean resumed;
    Instant createdAt;
    Instant startedAt;
    Instant endedAt;
    String createdBy = "admin";
    String engineInstanceId;
    final String token;

    Execution(String id, long seq, String deploymentId, String blueprintId, String workflowId, boolean system,
        String tenant, String status) {
      this.id = id;
      this.seq = seq;
      this.deploymentId = deploymentId;
      this.blueprintId = blueprintId;
      this.workflowId = workflowId;
      this.system = system;
      this.tenant = tenant;
      this.status = status;
      this.token = "execution-token-" + java.util.UUID.randomUUID();
    }

    Map<String, Object> render() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("deployment_id", deploymentId);
      m.put("blueprint_id", blueprintId);
      m.put("workflow_id", workflowId);
      m.put("status", status);
      m.put("status_display", StateRules.display(status));
      m.put("error", error);
      m.put("parameters", parameters);
      m.put("is_system_workflow", system);
      m.put("is_dry_run", dryRun);
      m.put("allow_custom_parameters", allowCustomParameters);
      m.put("resume", resumed);
      m.put("created_at", Wire.timestamp(createdAt));
      m.put("started_at", Wire.timestamp(startedAt));
      m.put("ended_at", Wire.timestamp(endedAt));
      m.put("scheduled_for", null);
      m.put("created_by", createdBy);
      m.put("tenant_name", tenant);
      m.put("visibility", "tenant");
      m.put("total_operations", 1);
      m.put("finished_operations", CloudifyStates.TERMINATED.equals(status) ? 1 : 0);
      return m;
    }
  }

  /** One execution group. */
  static final class Group {
    final String id;
    final String deploymentGroupId;
    final String workflowId;
    final String tenant;
    int concurrency;
    final List<String> executionIds = new ArrayList<>();
    String successGroupId;
    String failureGroupId;
    Instant createdAt;
    String createdBy = "admin";
    final List<String> logs = new ArrayList<>();

    Group(String id, String deploymentGroupId, String workflowId, String tenant, int concurrency) {
      this.id = id;
      this.deploymentGroupId = deploymentGroupId;
      this.workflowId = workflowId;
      this.tenant = tenant;
      this.concurrency = concurrency;
    }

    /** {@code full}: with status and execution_ids, as get-by-id and create answer. */
    Map<String, Object> render(String status, boolean full) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("deployment_group_id", deploymentGroupId);
      m.put("workflow_id", workflowId);
      m.put("concurrency", concurrency);
      m.put("created_at", Wire.timestamp(createdAt));
      m.put("created_by", createdBy);
      m.put("tenant_name", tenant);
      m.put("visibility", "tenant");
      m.put("success_group_id", successGroupId);
      m.put("failure_group_id", failureGroupId);
      if (full) {
        m.put("status", status);
        m.put("execution_ids", List.copyOf(executionIds));
      }
      return m;
    }
  }
}
