package io.flowport.rest.cloudify;

import io.flowport.core.model.InstanceState;
import java.time.Instant;
import java.util.Map;

/**
 * One Cloudify execution as the manager reported it. A field the manager left out (a get or list
 * with {@code _include}) is null; {@link #fields()} has every field as sent.
 *
 * @param id the execution id
 * @param deploymentId the deployment it runs on
 * @param blueprintId the deployment's blueprint
 * @param workflowId the workflow it runs
 * @param status the raw status (e.g. {@code terminated})
 * @param statusDisplay the manager's human form of the status (e.g. {@code completed})
 * @param state the unified state of {@code status} ({@link CloudifyStates})
 * @param error the error of a failed execution ({@code ""} when none)
 * @param parameters the workflow parameters
 * @param systemWorkflow whether it runs a system workflow
 * @param dryRun whether it is a dry run
 * @param createdAt when it was created
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param scheduledFor when it is scheduled for
 * @param createdBy the user who created it
 * @param tenantName the tenant it belongs to
 * @param totalOperations how many operations it has
 * @param finishedOperations how many of them finished
 * @param fields every field of the answer, as JSON-compatible values
 */
public record CloudifyExecution(
    String id,
    String deploymentId,
    String blueprintId,
    String workflowId,
    String status,
    String statusDisplay,
    InstanceState state,
    String error,
    Map<String, Object> parameters,
    Boolean systemWorkflow,
    Boolean dryRun,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Instant scheduledFor,
    String createdBy,
    String tenantName,
    Integer totalOperations,
    Integer finishedOperations,
    Map<String, Object> fields) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the execution id
   * @param deploymentId the deployment it runs on
   * @param blueprintId the deployment's blueprint
   * @param workflowId the workflow it runs
   * @param status the raw status (e.g. {@code terminated})
   * @param statusDisplay the manager's human form of the status (e.g. {@code completed})
   * @param state the unified state of {@code status} ({@link CloudifyStates})
   * @param error the error of a failed execution ({@code ""} when none)
   * @param parameters the workflow parameters
   * @param systemWorkflow whether it runs a system workflow
   * @param dryRun whether it is a dry run
   * @param createdAt when it was created
   * @param startedAt when it started
   * @param endedAt when it ended
   * @param scheduledFor when it is scheduled for
   * @param createdBy the user who created it
   * @param tenantName the tenant it belongs to
   * @param totalOperations how many operations it has
   * @param finishedOperations how many of them finished
   * @param fields every field of the answer, as JSON-compatible values
   */
  public CloudifyExecution {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** {@return the unified definition id of this execution: {@code deployment_id:workflow_id}} */
  public String definitionId() {
    return deploymentId == null || workflowId == null ? null : CloudifyDefinitions.definitionId(deploymentId, workflowId);
  }
}
