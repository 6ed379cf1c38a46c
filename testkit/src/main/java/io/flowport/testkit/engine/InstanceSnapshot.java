package io.flowport.testkit.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of an instance at one moment.
 *
 * @param id instance id (numeric string, Zeebe-style key)
 * @param definitionKey key of the definition it runs
 * @param processId BPMN process id of that definition
 * @param version definition version
 * @param businessKey business key given at start, or null
 * @param tenantId tenant
 * @param state derived state (see {@link InstanceStatus})
 * @param variables copy of the variables (unmodifiable; values may be null)
 * @param activeNodeIds nodes READY (waiting for a token to run), RUNNING or SUSPENDED, in first-reached order
 * @param passedNodeIds nodes FINISHED, in first-reached order
 * @param failedNodeIds nodes FAILED
 * @param incidents open incidents, one per failed node
 * @param startTime engine-clock start time
 * @param endTime engine-clock end time, or null while not ended
 */
public record InstanceSnapshot(
    String id,
    String definitionKey,
    String processId,
    int version,
    String businessKey,
    String tenantId,
    InstanceStatus state,
    Map<String, Object> variables,
    List<String> activeNodeIds,
    List<String> passedNodeIds,
    List<String> failedNodeIds,
    List<Incident> incidents,
    Instant startTime,
    Instant endTime) {

  /** {@return whether the instance is COMPLETED or CANCELLED} */
  public boolean isEnded() {
    return state.isEnded();
  }
}
