package io.flowport.testkit.engine;

import java.time.Instant;

/**
 * A deployed process definition.
 *
 * @param key definition key (numeric string, unique per engine)
 * @param processId BPMN process id
 * @param name process name (the id when it has none)
 * @param version version per (tenant, process id), from 1
 * @param resourceName resource it came from ({@code processId + ".bpmn"} for builder models)
 * @param tenantId tenant
 * @param deploymentKey key of the deployment that created this version
 * @param deployedAt engine-clock time
 */
public record DeployedModel(
    String key,
    String processId,
    String name,
    int version,
    String resourceName,
    String tenantId,
    String deploymentKey,
    Instant deployedAt) {}
