package io.flowport.core.model;

import java.util.List;

/**
 * An execution group as the engine reported it.
 *
 * @param id the group's id
 * @param state the unified state derived from its members
 * @param rawStatus the engine's own status
 * @param concurrency how many members run at once
 * @param instanceIds the member instances
 */
public record Group(String id, InstanceState state, String rawStatus, int concurrency, List<String> instanceIds) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param id the group's id
   * @param state the unified state derived from its members
   * @param rawStatus the engine's own status
   * @param concurrency how many members run at once
   * @param instanceIds the member instances
   */
  public Group {
    instanceIds = instanceIds == null ? List.of() : List.copyOf(instanceIds);
  }
}
