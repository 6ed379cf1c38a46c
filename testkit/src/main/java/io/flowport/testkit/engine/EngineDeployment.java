package io.flowport.testkit.engine;

import java.util.List;

/**
 * Result of one deploy call.
 *
 * @param key deployment key (numeric string)
 * @param tenantId tenant
 * @param definitions one per executable process in the resources, in document order; a
 *     duplicate (duplicate filtering on) is the already deployed definition
 */
public record EngineDeployment(String key, String tenantId, List<DeployedModel> definitions) {}
