package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import java.util.Map;

/**
 * What the contract suite runs against: a client, and a way to drive the engine behind it where
 * the unified API has no operation for it (completing the contract's one task). Closed after the
 * suite.
 */
public interface ContractTarget extends AutoCloseable {

  /** The client under test. */
  WorkflowClient client();

  /** Which BPMN dialect the engine reads. */
  Dialect dialect();

  /**
   * Completes the waiting task {@code work} of a {@code contract-task} instance, with variables.
   * For Zeebe that is a job of type {@code contract-work}; for Flowable a user task.
   */
  void completeTask(String instanceId, Map<String, Object> variables) throws Exception;

  /** Where this engine differs from the others in ways the contract states rather than hides. */
  default Expectations expectations() {
    return Expectations.builder().build();
  }

  @Override
  default void close() throws Exception {
    client().close();
  }
}
