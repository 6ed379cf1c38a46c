package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.json;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.key;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.select;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.List;
import java.util.Map;

/** An activated engine job as the gateway sends it, for ActivateJobs batches and StreamActivatedJobs alike. */
final class ActivatedJobs {
  private ActivatedJobs() {}

  /** {@code j} with its instance's current variables (only {@code fetchVariables} when given). */
  static ActivatedJob of(InMemoryEngine engine, ElementInstanceKeys elementKeys, JobSnapshot j, String requestWorker, List<String> fetchVariables) {
    Map<String, Object> variables;
    try {
      variables = engine.get(j.instanceId()).variables();
    } catch (EngineException e) {
      variables = j.variables();
    }
    return ActivatedJob.newBuilder()
        .setKey(key(j.key()))
        .setType(j.type())
        .setProcessInstanceKey(key(j.instanceId()))
        .setBpmnProcessId(j.processId())
        .setProcessDefinitionVersion(j.version())
        .setProcessDefinitionKey(key(j.definitionKey()))
        .setElementId(j.nodeId())
        // Its own key, as on Zeebe; SetVariables on it writes the instance's one flat scope.
        .setElementInstanceKey(elementKeys.of(j.key(), j.instanceId()))
        .setCustomHeaders("{}")
        .setWorker(j.worker() == null ? requestWorker : j.worker())
        .setRetries(j.retries())
        .setDeadline(j.deadline() == null ? 0 : j.deadline().toEpochMilli())
        .setVariables(json(select(variables, fetchVariables)))
        .setTenantId(j.tenantId())
        .build();
  }
}
