package io.flowport.rest.obs;

import io.flowport.core.model.InstanceState;
import io.flowport.core.model.NodeState;
import io.flowport.core.spi.StateTable;
import java.util.Locale;
import java.util.Map;

/**
 * OBS workflow states and their unified meaning, as data.
 *
 * <table>
 *   <caption>execution states ({@code execution_state})</caption>
 *   <tr><th>raw</th><th>state</th></tr>
 *   <tr><td>RUNNING</td><td>RUNNING</td></tr>
 *   <tr><td>SUCCESS</td><td>COMPLETED</td></tr>
 *   <tr><td>FAILED</td><td>FAILED (a failed execution can be restored: {@code retry})</td></tr>
 * </table>
 *
 * <table>
 *   <caption>node states ({@code state_map.*.status})</caption>
 *   <tr><th>raw</th><th>state</th></tr>
 *   <tr><td>NOTRUNNING</td><td>CREATED</td></tr>
 *   <tr><td>RUNNING</td><td>RUNNING</td></tr>
 *   <tr><td>SUCCESS</td><td>FINISHED</td></tr>
 *   <tr><td>FAILED</td><td>FAILED</td></tr>
 * </table>
 *
 * Anything else maps to UNKNOWN (the raw value is kept). OBS executions cannot be suspended or
 * cancelled.
 */
public final class ObsStates {
  /** An execution or state that runs. */
  public static final String RUNNING = "RUNNING";
  /** An execution or state that ended well. */
  public static final String SUCCESS = "SUCCESS";
  /** An execution or state that failed (an execution can be restored). */
  public static final String FAILED = "FAILED";
  /** A state the execution has not reached. */
  public static final String NOT_RUNNING = "NOTRUNNING";

  /** Execution states. */
  public static final StateTable EXECUTIONS = StateTable.builder(ObsClient.ENGINE)
      .row(RUNNING, InstanceState.RUNNING)
      .row(SUCCESS, InstanceState.COMPLETED)
      .row(FAILED, InstanceState.FAILED)
      .build();

  /** Node (state map) states. */
  public static final Map<String, NodeState> NODES = Map.of(
      NOT_RUNNING, NodeState.CREATED, RUNNING, NodeState.RUNNING, SUCCESS, NodeState.FINISHED,
      FAILED, NodeState.FAILED);

  private ObsStates() {}

  /**
   * {@return the unified state of an execution state; UNKNOWN for anything not in {@link #EXECUTIONS}}
   *
   * @param raw the raw value
   */
  public static InstanceState execution(String raw) {
    return EXECUTIONS.state(raw);
  }

  /**
   * {@return the unified state of a node status; UNKNOWN for anything not in {@link #NODES}}
   *
   * @param raw the raw value
   */
  public static NodeState node(String raw) {
    return raw == null ? NodeState.UNKNOWN : NODES.getOrDefault(raw.toUpperCase(Locale.ROOT), NodeState.UNKNOWN);
  }

  /**
   * {@return the execution state that means {@code state}, or null when OBS has none for it}
   *
   * @param state the state
   */
  public static String rawExecutionState(InstanceState state) {
    for (StateTable.Row row : EXECUTIONS.rows()) {
      if (row.state() == state) {
        return row.raw();
      }
    }
    return null;
  }
}
