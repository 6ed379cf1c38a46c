package io.flowport.core.model;

/**
 * What the engine answered to a published message.
 *
 * @param key the engine's key of the message, or null when the engine gives none
 * @param instanceId the instance it started or reached, when the engine says so, else null
 */
public record MessageReceipt(String key, String instanceId) {}
