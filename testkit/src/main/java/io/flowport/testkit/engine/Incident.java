package io.flowport.testkit.engine;

import java.time.Instant;

/**
 * An open incident: created when a node goes FAILED, resolved when the node is retried or skipped.
 *
 * @param key incident key (numeric string)
 * @param instanceId instance
 * @param nodeId failed node (BPMN element id)
 * @param jobKey the job whose failure raised it, or null
 * @param message error message
 * @param createdAt engine-clock time
 */
public record Incident(String key, String instanceId, String nodeId, String jobKey, String message, Instant createdAt) {}
