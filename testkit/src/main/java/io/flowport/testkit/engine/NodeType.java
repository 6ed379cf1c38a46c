package io.flowport.testkit.engine;

/** Kinds of nodes the in-memory engine runs (the BPMN subset, see testkit/README.md). */
public enum NodeType {
  /** The root of the node tree: the instance itself (bamboo's pipeline). */
  PROCESS,
  /** None start event, or message start event when the element has a message name. */
  START_EVENT,
  /** End event: the flow ends here (the instance when no other token runs). */
  END_EVENT,
  /** Wait state completed through a job of the task's type. */
  SERVICE_TASK,
  /** Wait state completed through a job of type {@code "user:" + elementId}. */
  USER_TASK,
  /** Waits for a message. */
  RECEIVE_TASK,
  /** Intermediate message catch event: waits for a message. */
  MESSAGE_CATCH_EVENT,
  /** Intermediate timer catch event with a duration. */
  TIMER_CATCH_EVENT,
  /** Takes the first outgoing flow whose condition holds, or the default one. */
  EXCLUSIVE_GATEWAY,
  /** Takes every outgoing flow; as a join, waits for every incoming one. */
  PARALLEL_GATEWAY,
  /** Fork that takes every outgoing flow whose condition holds (BPMN inclusiveGateway, bamboo's ConditionalParallelGateway). */
  CONDITIONAL_PARALLEL_GATEWAY,
  /** Embedded subprocess. */
  SUB_PROCESS;

  /**
   * Activities in bamboo's sense (ServiceActivity): can be force-failed, skipped and called back.
   *
   * @return whether nodes of this type are activities
   */
  public boolean isActivity() {
    return this == SERVICE_TASK || this == USER_TASK || this == RECEIVE_TASK;
  }

  /** {@return whether a node of this type waits for a job} */
  public boolean isJobBased() {
    return this == SERVICE_TASK || this == USER_TASK;
  }

  /** {@return whether a node of this type waits for a message} */
  public boolean isMessageBased() {
    return this == RECEIVE_TASK || this == MESSAGE_CATCH_EVENT;
  }
}
