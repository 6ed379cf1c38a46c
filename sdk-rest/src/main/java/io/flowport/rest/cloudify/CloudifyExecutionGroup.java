package io.flowport.rest.cloudify;

import io.flowport.core.model.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Cloudify execution group. The manager sends {@code status} and {@code execution_ids} only on
 * get-by-id and create; list items and the answers to actions and PATCH leave them out, so both may
 * be null here (null is "not sent", not "empty").
 *
 * @param id the group id
 * @param deploymentGroupId the deployment group it was started from
 * @param workflowId the workflow it runs
 * @param status the status the manager derived from the members, or null when not sent or empty
 * @param state the unified state of {@code status}
 * @param executionIds the members, or null when not sent
 * @param concurrency how many members run at once, or null when not sent
 * @param successGroupId where deployments of members that succeed are added, or null
 * @param failureGroupId where deployments of members that fail are added, or null
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param fields every field of the answer, as JSON-compatible values
 */
public record CloudifyExecutionGroup(
    String id,
    String deploymentGroupId,
    String workflowId,
    String status,
    InstanceState state,
    List<String> executionIds,
    Integer concurrency,
    String successGroupId,
    String failureGroupId,
    Instant createdAt,
    String createdBy,
    Map<String, Object> fields) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the group id
   * @param deploymentGroupId the deployment group it was started from
   * @param workflowId the workflow it runs
   * @param status the status the manager derived from the members, or null when not sent or empty
   * @param state the unified state of {@code status}
   * @param executionIds the members, or null when not sent
   * @param concurrency how many members run at once, or null when not sent
   * @param successGroupId where deployments of members that succeed are added, or null
   * @param failureGroupId where deployments of members that fail are added, or null
   * @param createdAt when it was created
   * @param createdBy who created it
   * @param fields every field of the answer, as JSON-compatible values
   */
  public CloudifyExecutionGroup {
    executionIds = executionIds == null ? null : List.copyOf(executionIds);
    fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
