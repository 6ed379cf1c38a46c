package io.flowport.testkit.engine;

/**
 * Filter for {@link InMemoryEngine#list(InstanceFilter)}; null fields do not filter. Results are in
 * start order; {@code offset}/{@code limit} page them (limit 0 = no limit).
 *
 * @param processId BPMN process id
 * @param definitionKey definition key
 * @param state derived instance state
 * @param businessKey business key
 * @param tenantId tenant
 * @param offset results to skip
 * @param limit maximum results, 0 for all
 */
public record InstanceFilter(
    String processId,
    String definitionKey,
    InstanceStatus state,
    String businessKey,
    String tenantId,
    int offset,
    int limit) {

  /**
   * Everything.
   *
   * @return the instance filter
   */
  public static InstanceFilter all() {
    return new InstanceFilter(null, null, null, null, null, 0, 0);
  }

  /**
   * Sets the with process id.
   *
   * @param v the v
   * @return this object
   */
  public InstanceFilter withProcessId(String v) {
    return new InstanceFilter(v, definitionKey, state, businessKey, tenantId, offset, limit);
  }

  /**
   * Sets the with definition key.
   *
   * @param v the v
   * @return this object
   */
  public InstanceFilter withDefinitionKey(String v) {
    return new InstanceFilter(processId, v, state, businessKey, tenantId, offset, limit);
  }

  /**
   * Sets the with state.
   *
   * @param v the v
   * @return this object
   */
  public InstanceFilter withState(InstanceStatus v) {
    return new InstanceFilter(processId, definitionKey, v, businessKey, tenantId, offset, limit);
  }

  /**
   * Sets the with business key.
   *
   * @param v the v
   * @return this object
   */
  public InstanceFilter withBusinessKey(String v) {
    return new InstanceFilter(processId, definitionKey, state, v, tenantId, offset, limit);
  }

  /**
   * Sets the with tenant id.
   *
   * @param v the v
   * @return this object
   */
  public InstanceFilter withTenantId(String v) {
    return new InstanceFilter(processId, definitionKey, state, businessKey, v, offset, limit);
  }

  /**
   * {@return a copy of this filter for another page}
   *
   * @param newOffset how many matching instances to skip
   * @param newLimit how many to return at most
   */
  public InstanceFilter withPage(int newOffset, int newLimit) {
    return new InstanceFilter(processId, definitionKey, state, businessKey, tenantId, newOffset, newLimit);
  }
}
