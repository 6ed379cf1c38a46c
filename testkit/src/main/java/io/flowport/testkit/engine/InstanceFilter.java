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

  /** Everything. */
  public static InstanceFilter all() {
    return new InstanceFilter(null, null, null, null, null, 0, 0);
  }

  public InstanceFilter withProcessId(String v) {
    return new InstanceFilter(v, definitionKey, state, businessKey, tenantId, offset, limit);
  }

  public InstanceFilter withDefinitionKey(String v) {
    return new InstanceFilter(processId, v, state, businessKey, tenantId, offset, limit);
  }

  public InstanceFilter withState(InstanceStatus v) {
    return new InstanceFilter(processId, definitionKey, v, businessKey, tenantId, offset, limit);
  }

  public InstanceFilter withBusinessKey(String v) {
    return new InstanceFilter(processId, definitionKey, state, v, tenantId, offset, limit);
  }

  public InstanceFilter withTenantId(String v) {
    return new InstanceFilter(processId, definitionKey, state, businessKey, v, offset, limit);
  }

  public InstanceFilter withPage(int newOffset, int newLimit) {
    return new InstanceFilter(processId, definitionKey, state, businessKey, tenantId, newOffset, newLimit);
  }
}
