package io.flowport.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts one workflow on every member of a group (Cloudify execution groups).
 *
 * @param groupId the group of targets (Cloudify deployment group id)
 * @param workflowId the workflow to run on each
 * @param parameters parameters for every member
 * @param concurrency how many run at once, at least 0 (0 queues them all)
 * @param force run even when another execution is running
 */
public record GroupRequest(
    String groupId, String workflowId, Map<String, Object> parameters, int concurrency, boolean force) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param groupId the group of targets (Cloudify deployment group id)
   * @param workflowId the workflow to run on each
   * @param parameters parameters for every member
   * @param concurrency how many run at once, at least 0 (0 queues them all)
   * @param force run even when another execution is running
   */
  public GroupRequest {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
