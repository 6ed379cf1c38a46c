package io.flowport.testkit.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to start: exactly one of a process id (optionally with a version, latest otherwise), a
 * definition key, or a message name (message start event). Immutable; {@code with*} return copies.
 *
 * <pre>{@code
 * engine.start(StartCommand.process("order").withVariable("amount", 120).withBusinessKey("o-1"));
 * }</pre>
 *
 * @param processId BPMN process id, or null
 * @param version version, or null for the latest
 * @param definitionKey definition key, or null
 * @param messageName message of a message start event, or null
 * @param variables start variables (never null)
 * @param businessKey business key, or null
 * @param tenantId tenant, or null for the engine's default tenant
 */
public record StartCommand(
    String processId,
    Integer version,
    String definitionKey,
    String messageName,
    Map<String, Object> variables,
    String businessKey,
    String tenantId) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param processId BPMN process id, or null
   * @param version version, or null for the latest
   * @param definitionKey definition key, or null
   * @param messageName message of a message start event, or null
   * @param variables start variables (never null)
   * @param businessKey business key, or null
   * @param tenantId tenant, or null for the engine's default tenant
   */
  public StartCommand {
    variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /**
   * Latest version of a process id.
   *
   * @param processId the process definition's id (BPMN process id or engine key)
   * @return the start command
   */
  public static StartCommand process(String processId) {
    return new StartCommand(processId, null, null, null, null, null, null);
  }

  /**
   * {@return one version of a process id}
   *
   * @param processId the process definition's id (BPMN process id or engine key)
   * @param version the version
   */
  public static StartCommand process(String processId, int version) {
    return new StartCommand(processId, version, null, null, null, null, null);
  }

  /**
   * {@return a definition by key}
   *
   * @param definitionKey the definition key
   */
  public static StartCommand definitionKey(String definitionKey) {
    return new StartCommand(null, null, definitionKey, null, null, null, null);
  }

  /**
   * {@return the latest definition with a message start event for this message}
   *
   * @param messageName the message's name
   */
  public static StartCommand message(String messageName) {
    return new StartCommand(null, null, null, messageName, null, null, null);
  }

  /**
   * Sets the with version.
   *
   * @param newVersion the new version
   * @return this object
   */
  public StartCommand withVersion(Integer newVersion) {
    return new StartCommand(processId, newVersion, definitionKey, messageName, variables, businessKey, tenantId);
  }

  /**
   * Replaces the variables.
   *
   * @param newVariables the new variables
   * @return this object
   */
  public StartCommand withVariables(Map<String, Object> newVariables) {
    return new StartCommand(processId, version, definitionKey, messageName, newVariables, businessKey, tenantId);
  }

  /**
   * Adds one variable (null values allowed).
   *
   * @param name the name
   * @param value the value
   * @return this object
   */
  public StartCommand withVariable(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(variables);
    copy.put(name, value);
    return withVariables(copy);
  }

  /**
   * Sets the with business key.
   *
   * @param newBusinessKey the new business key
   * @return this object
   */
  public StartCommand withBusinessKey(String newBusinessKey) {
    return new StartCommand(processId, version, definitionKey, messageName, variables, newBusinessKey, tenantId);
  }

  /**
   * Sets the with tenant id.
   *
   * @param newTenantId the new tenant id
   * @return this object
   */
  public StartCommand withTenantId(String newTenantId) {
    return new StartCommand(processId, version, definitionKey, messageName, variables, businessKey, newTenantId);
  }
}
