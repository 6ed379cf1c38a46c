package io.flowport.rest.obs.internal;

/**
 * Unified instance ids of OBS executions: {@code <graph>/<execution>}. OBS names an execution by
 * its name and its graph's name together; a graph name has no {@code /} (letters, digits,
 * {@code _}, {@code -}), so the first {@code /} splits the two.
 */
public final class ObsIds {
  private ObsIds() {}

  /** The instance id of execution {@code executionName} of graph {@code graphName}. */
  public static String instanceId(String graphName, String executionName) {
    return graphName + "/" + executionName;
  }

  /** {@code {graph, execution}} of an instance id, or null when it is not one. */
  public static String[] parse(String instanceId) {
    if (instanceId == null) {
      return null;
    }
    int slash = instanceId.indexOf('/');
    if (slash <= 0 || slash == instanceId.length() - 1) {
      return null;
    }
    return new String[] {instanceId.substring(0, slash), instanceId.substring(slash + 1)};
  }
}
