package io.flowport.testkit.engine;

import java.util.List;

/**
 * An execution group as it stands: one instance of one definition per target of a group of
 * targets, at most {@code concurrency} running at once, the rest {@link InstanceStatus#QUEUED}.
 *
 * @param id the group's id
 * @param targetGroupId the group of targets it was started on
 * @param processId the definition every member runs
 * @param status derived from the members
 * @param concurrency how many members may run at once (0 queues them all)
 * @param instanceIds the members, in the order of the targets
 * @param successGroupId the group of targets a member's target joins when it completes, or null
 * @param failureGroupId the group of targets a member's target joins when it fails, or null
 */
public record GroupSnapshot(
    String id,
    String targetGroupId,
    String processId,
    GroupStatus status,
    int concurrency,
    List<String> instanceIds,
    String successGroupId,
    String failureGroupId) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the group's id
   * @param targetGroupId the group of targets it was started on
   * @param processId the definition every member runs
   * @param status derived from the members
   * @param concurrency how many members may run at once (0 queues them all)
   * @param instanceIds the members, in the order of the targets
   * @param successGroupId the group of targets a member's target joins when it completes, or null
   * @param failureGroupId the group of targets a member's target joins when it fails, or null
   */
  public GroupSnapshot {
    instanceIds = List.copyOf(instanceIds);
  }
}
