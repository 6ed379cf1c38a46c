package io.flowport.testkit.engine;

import java.time.Instant;
import java.util.Map;

/**
 * An open job (a service or user task waiting to be completed), shaped after Zeebe's ActivatedJob.
 *
 * @param key job key (numeric string)
 * @param type job type ({@code "user:" + elementId} for user tasks)
 * @param instanceId instance
 * @param nodeId BPMN element id of the task
 * @param processId BPMN process id
 * @param definitionKey definition key
 * @param version definition version
 * @param retries retries left
 * @param variables variables at creation (unmodifiable)
 * @param worker worker that activated it, or null
 * @param deadline engine-clock time the activation lock runs out, or null when not activated
 * @param errorMessage message of the last {@code failJob}, or null
 * @param tenantId tenant of the job's instance
 */
public record JobSnapshot(
    String key,
    String type,
    String instanceId,
    String nodeId,
    String processId,
    String definitionKey,
    int version,
    int retries,
    Map<String, Object> variables,
    String worker,
    Instant deadline,
    String errorMessage,
    String tenantId) {}
