package io.flowport.core.model;

/**
 * One definition made by a deployment.
 *
 * @param id the definition id (Zeebe bpmnProcessId, Flowable key)
 * @param version the version the engine gave it
 * @param key the engine's own key for this version (Zeebe processDefinitionKey, Flowable id)
 * @param resourceName the resource it came from
 * @param tenantId the tenant, or null
 */
public record DeployedDefinition(
    String id, int version, String key, String resourceName, String tenantId) {}
