package io.flowport.rest.cloudify;

/** How an execution (or a group's members) is cancelled: the {@code action} sent to the manager. */
public enum CloudifyCancelMode {
  /** Asks the workflow to stop: {@code cancel}. */
  CANCEL("cancel"),
  /** Does not wait for the workflow function to return: {@code force-cancel}. */
  FORCE_CANCEL("force-cancel"),
  /** Kills the workflow and operation processes: {@code kill}. */
  KILL("kill");

  private final String action;

  CloudifyCancelMode(String action) {
    this.action = action;
  }

  /** {@return the wire action} */
  public String action() {
    return action;
  }
}
