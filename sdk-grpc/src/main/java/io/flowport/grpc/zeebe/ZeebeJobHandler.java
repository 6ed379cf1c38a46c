package io.flowport.grpc.zeebe;

import java.util.Map;

/**
 * Handles one job for a {@link JobWorker}. Return the variables to complete the job with (null or
 * empty for none); throw {@link ZeebeBpmnError} to throw a BPMN error; throw anything else to fail
 * the job with one retry less (an incident when none are left).
 */
@FunctionalInterface
public interface ZeebeJobHandler {
  /**
   * Works on one job.
   *
   * @param job the activated job, with its variables
   * @return the variables to complete the job with; null or empty for none
   * @throws Exception to fail the job with one retry less ({@link ZeebeBpmnError} to throw a BPMN error)
   */
  Map<String, ?> handle(ActivatedJob job) throws Exception;
}
