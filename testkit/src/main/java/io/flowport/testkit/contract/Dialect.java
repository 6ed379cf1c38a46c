package io.flowport.testkit.contract;

/**
 * Which BPMN extensions an engine needs. The contract's processes come once per dialect and
 * describe the same process: Zeebe wants {@code zeebe:taskDefinition} and subscriptions with a
 * correlation key, Flowable a user task where Zeebe has a service task.
 */
public enum Dialect {
  ZEEBE("zeebe"),
  FLOWABLE("flowable");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The class path resource of contract process {@code name} in this dialect. */
  public String resource(String name) {
    return "io/flowport/testkit/contract/" + folder + "/" + name + ".bpmn";
  }
}
