package io.flowport.testkit.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message to publish (Zeebe's PublishMessage). Immutable; {@code with*} return copies.
 *
 * @param name message name
 * @param correlationKey correlation key, or null / empty (matches subscriptions without a key,
 *     and message start events)
 * @param ttl how long an uncorrelated message stays buffered on the engine clock (ZERO: not buffered)
 * @param messageId id for de-duplication while the message is buffered, or null
 * @param variables variables merged into the instance it correlates to (never null)
 * @param tenantId tenant, or null for the engine's default tenant
 */
public record MessageCommand(
    String name,
    String correlationKey,
    Duration ttl,
    String messageId,
    Map<String, Object> variables,
    String tenantId) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param name message name
   * @param correlationKey correlation key, or null / empty (matches subscriptions without a key,
   *     and message start events)
   * @param ttl how long an uncorrelated message stays buffered on the engine clock (ZERO: not buffered)
   * @param messageId id for de-duplication while the message is buffered, or null
   * @param variables variables merged into the instance it correlates to (never null)
   * @param tenantId tenant, or null for the engine's default tenant
   */
  public MessageCommand {
    ttl = ttl == null ? Duration.ZERO : ttl;
    variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /**
   * {@return a message with no TTL, no id and no variables}
   *
   * @param name the name
   * @param correlationKey the correlation key
   */
  public static MessageCommand of(String name, String correlationKey) {
    return new MessageCommand(name, correlationKey, Duration.ZERO, null, null, null);
  }

  /**
   * Sets the with ttl.
   *
   * @param newTtl the new ttl
   * @return this object
   */
  public MessageCommand withTtl(Duration newTtl) {
    return new MessageCommand(name, correlationKey, newTtl, messageId, variables, tenantId);
  }

  /**
   * Sets the with message id.
   *
   * @param newMessageId the new message id
   * @return this object
   */
  public MessageCommand withMessageId(String newMessageId) {
    return new MessageCommand(name, correlationKey, ttl, newMessageId, variables, tenantId);
  }

  /**
   * Sets the with variables.
   *
   * @param newVariables the new variables
   * @return this object
   */
  public MessageCommand withVariables(Map<String, Object> newVariables) {
    return new MessageCommand(name, correlationKey, ttl, messageId, newVariables, tenantId);
  }

  /**
   * Sets the with tenant id.
   *
   * @param newTenantId the new tenant id
   * @return this object
   */
  public MessageCommand withTenantId(String newTenantId) {
    return new MessageCommand(name, correlationKey, ttl, messageId, variables, newTenantId);
  }
}
