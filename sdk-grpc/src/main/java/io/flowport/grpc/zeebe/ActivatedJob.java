package io.flowport.grpc.zeebe;

import java.time.Instant;
import java.util.Map;

/**
 * A job the gateway handed to this worker.
 *
 * @param key the job key, used to complete or fail it
 * @param type the job type
 * @param processInstanceKey the process instance it belongs to
 * @param bpmnProcessId the process id
 * @param processDefinitionVersion the process version
 * @param processDefinitionKey the process definition key
 * @param elementId the service task's id in the BPMN
 * @param elementInstanceKey the element instance key
 * @param customHeaders the task's custom headers
 * @param worker the worker name that activated it
 * @param retries the retries left
 * @param deadline when the lock expires
 * @param variables the variables visible to the job
 * @param tenantId the tenant, or null
 */
public record ActivatedJob(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, Object> customHeaders,
    String worker,
    int retries,
    Instant deadline,
    Map<String, Object> variables,
    String tenantId) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param key the job key, used to complete or fail it
   * @param type the job type
   * @param processInstanceKey the process instance it belongs to
   * @param bpmnProcessId the process id
   * @param processDefinitionVersion the process version
   * @param processDefinitionKey the process definition key
   * @param elementId the service task's id in the BPMN
   * @param elementInstanceKey the element instance key
   * @param customHeaders the task's custom headers
   * @param worker the worker name that activated it
   * @param retries the retries left
   * @param deadline when the lock expires
   * @param variables the variables visible to the job
   * @param tenantId the tenant, or null
   */
  public ActivatedJob {
    customHeaders = customHeaders == null ? Map.of() : java.util.Collections.unmodifiableMap(customHeaders);
    variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(variables);
  }
}
