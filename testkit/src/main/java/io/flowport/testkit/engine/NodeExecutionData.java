package io.flowport.testkit.engine;

import java.util.Map;

/**
 * Execution data of a node's current run (bamboo's {@code get_execution_data}).
 *
 * @param nodeId node id
 * @param inputs for job-based tasks the variables the job was created with (plus the inputs of a
 *     {@code retryNode}); empty for other nodes
 * @param outputs variables the node produced (job completion, message, callback); empty otherwise
 * @param errorMessage last failure message, or null
 */
public record NodeExecutionData(String nodeId, Map<String, Object> inputs, Map<String, Object> outputs, String errorMessage) {}
