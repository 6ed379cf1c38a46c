package io.flowport.rest.obs;

import io.flowport.core.model.InstanceState;
import java.time.Instant;
import java.util.Map;

/**
 * One workflow execution as OBS describes it ({@code execution_info} of a get, or an item of a list).
 *
 * @param executionUrn the execution's URN
 * @param graphUrn the workflow's URN, or null
 * @param graphName the workflow (graph) name
 * @param executionName the execution's name
 * @param executionState the raw state (RUNNING, SUCCESS, FAILED), or null
 * @param executionType how it was started (APICALL, TRIGGERCAL), or null
 * @param startedAt when it started, or null
 * @param stoppedAt when it stopped, or null (list items only)
 * @param input the inputs as OBS keeps them: a string holding JSON (get only), or null
 * @param stateMap each state's raw status by state name, in OBS's order (get only; empty for list items)
 */
public record ObsExecution(
    String executionUrn,
    String graphUrn,
    String graphName,
    String executionName,
    String executionState,
    String executionType,
    Instant startedAt,
    Instant stoppedAt,
    String input,
    Map<String, String> stateMap) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param executionUrn the execution's URN
   * @param graphUrn the workflow's URN, or null
   * @param graphName the workflow (graph) name
   * @param executionName the execution's name
   * @param executionState the raw state (RUNNING, SUCCESS, FAILED), or null
   * @param executionType how it was started (APICALL, TRIGGERCAL), or null
   * @param startedAt when it started, or null
   * @param stoppedAt when it stopped, or null (list items only)
   * @param input the inputs as OBS keeps them: a string holding JSON (get only), or null
   * @param stateMap each state's raw status by state name, in OBS's order (get only; empty for list items)
   */
  public ObsExecution {
    stateMap = stateMap == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateMap));
  }

  /** {@return the unified state of {@link #executionState()}} */
  public InstanceState state() {
    return ObsStates.execution(executionState);
  }
}
