package io.flowport.testkit.contract;

/**
 * The situations the contract suite puts an engine in, described for any engine, BPMN or not. A
 * {@link ContractTarget} supplies, for each scenario it can express, the resources that define it
 * on its engine (BPMN for Zeebe and Flowable, a blueprint for Cloudify, a pipeline for bk-sops, a
 * graph for OBS); a scenario it cannot express makes the tests that need it skip with the reason
 * shown.
 *
 * <p>Each scenario names the definition id the suite starts ({@link #definitionId()}, which a
 * target may map with {@link ContractTarget#definitionId(Scenario)}) and what the definition must
 * do. Node ids, message names and variables are part of that description, since the suite
 * addresses them.
 */
public enum Scenario {
  /** {@code contract-noop}: starts and ends at once, keeping the variables it was started with. */
  NOOP("contract-noop"),

  /**
   * {@code contract-task}: waits in one task node {@code work} until it is completed
   * ({@link ContractTarget#completeTask}), then ends. The variables given on completion are
   * the instance's.
   */
  ONE_TASK("contract-task"),

  /**
   * {@code contract-message}: waits for the message {@code contract-ping} correlated on the
   * variable {@code orderId} (or, on engines without correlation keys, on the business key), then
   * ends.
   */
  MESSAGE_CATCH("contract-message"),

  /** {@code contract-message-start}: started by the message {@code contract-go}; then ends. */
  MESSAGE_START("contract-message-start"),

  /** A definition the engine must refuse on deploy (malformed); its id is never started. */
  INVALID_DEFINITION("contract-broken"),

  /**
   * {@code contract-gateway}: reaches an exclusive gateway {@code choose} whose flows {@code left}
   * and {@code right} need the variable {@code route}, which the suite never sets, so the gateway
   * fails; taking flow {@code right} by skipping the gateway ends the instance.
   */
  EXCLUSIVE_GATEWAY("contract-gateway"),

  /**
   * {@code contract-subprocess}: a subprocess {@code sub} holding one task node {@code inner}
   * that waits like {@link #ONE_TASK}'s {@code work}; then ends.
   */
  SUBPROCESS("contract-subprocess"),

  /**
   * The definition every member of an execution group runs: it waits like {@link #ONE_TASK}
   * (in task {@code work}) so that members stay running and the group's concurrency shows.
   */
  GROUP_MEMBER("contract-task");

  private final String definitionId;

  Scenario(String definitionId) {
    this.definitionId = definitionId;
  }

  /** {@return the id of the definition the suite starts for this scenario} */
  public String definitionId() {
    return definitionId;
  }
}
