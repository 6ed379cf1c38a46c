package io.flowport.rest.obs;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What OBS workflows have beyond the unified API, implemented by {@link ObsClient}: the
 * SDK's {@code WorkflowClient} operations. Same rules as the unified API: every call returns a
 * future and never throws; names are checked against {@link ObsNames} before the wire; errors are
 * the unified exceptions (with the SDK's {@link ObsResult} view on them); retries and timeouts
 * come from the client's options; cancelling a future cancels the call.
 *
 * <p>Workflows, templates and trigger policies are answered as OBS's JSON (a {@link JsonNode});
 * their shapes are OBS's and are passed through unchanged. Request values ({@code states},
 * {@code inputs}, {@code parameters}, {@code rules}...) are JSON-compatible values (maps, lists,
 * strings, numbers, booleans); a null field is sent as {@code null}, as the SDK does.
 */
public interface ObsOperations {
  /** {@code "start workflow"}: not idempotent, a repeat may duplicate work. */
  Operation START_WORKFLOW = Operation.of("start workflow", false);
  /** {@code "list executions"}: idempotent, safe to repeat. */
  Operation LIST_EXECUTIONS = Operation.of("list executions", true);
  /** {@code "get execution"}: idempotent, safe to repeat. */
  Operation GET_EXECUTION = Operation.of("get execution", true);
  /** {@code "restore execution"}: not idempotent, a repeat may duplicate work. */
  Operation RESTORE_EXECUTION = Operation.of("restore execution", false);
  /** {@code "create workflow template"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_TEMPLATE = Operation.of("create workflow template", false);
  /** {@code "get workflow template"}: idempotent, safe to repeat. */
  Operation GET_TEMPLATE = Operation.of("get workflow template", true);
  /** {@code "list workflow templates"}: idempotent, safe to repeat. */
  Operation LIST_TEMPLATES = Operation.of("list workflow templates", true);
  /** {@code "delete workflow template"}: idempotent, safe to repeat. */
  Operation DELETE_TEMPLATE = Operation.of("delete workflow template", true);
  /** {@code "create workflow"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_WORKFLOW = Operation.of("create workflow", false);
  /** {@code "get workflow"}: idempotent, safe to repeat. */
  Operation GET_WORKFLOW = Operation.of("get workflow", true);
  /** {@code "list workflows"}: idempotent, safe to repeat. */
  Operation LIST_WORKFLOWS = Operation.of("list workflows", true);
  /** {@code "update workflow"}: idempotent, safe to repeat. */
  Operation UPDATE_WORKFLOW = Operation.of("update workflow", true);
  /** {@code "delete workflow"}: idempotent, safe to repeat. */
  Operation DELETE_WORKFLOW = Operation.of("delete workflow", true);
  /** {@code "put trigger policy"}: idempotent, safe to repeat. */
  Operation PUT_TRIGGER_POLICY = Operation.of("put trigger policy", true);
  /** {@code "get trigger policy"}: idempotent, safe to repeat. */
  Operation GET_TRIGGER_POLICY = Operation.of("get trigger policy", true);
  /** {@code "delete trigger policy"}: idempotent, safe to repeat. */
  Operation DELETE_TRIGGER_POLICY = Operation.of("delete trigger policy", true);

  /**
   * Starts workflow {@code graphName} on object {@code object} of bucket {@code bucket}
   * ({@code asyncAPIStartWorkflow}: {@code POST /v2/workflows/{graph}} with
   * {@code {"bucket","object","inputs"}}; {@code "inputs": null} when there are none).
   *
   * @param inputs values of the workflow's parameters by name, or null
   * @param graphName the graph's name
   * @param bucket the bucket
   * @param object the object
   * @return a future of the obs start result, or failed with a WorkflowException
   */
  CompletableFuture<ObsStartResult> startWorkflow(String graphName, String bucket, String object, Map<String, ?> inputs);

  /**
   * {@return a page of executions ({@code GET /v2/workflowexecutions?x-workflow-graph-name=..}); with a state
   * filter, as many pages as it takes to find {@code limit} matches (see {@link ObsExecutionQuery})}
   *
   * @param query what to list
   */
  CompletableFuture<ObsExecutionPage> listExecutions(ObsExecutionQuery query);

  /**
   * {@return one execution with its input and state map ({@code GET /v2/workflowexecutions/{name}?x-workflow-graph-name=..})}
   *
   * @param executionName the execution's name
   * @param graphName the graph's name
   */
  CompletableFuture<ObsExecution> getExecution(String executionName, String graphName);

  /**
   * Restores a FAILED execution: OBS runs it again from the failed state
   * ({@code PUT /v2/workflowexecutions/{name}?x-workflow-graph-name=..}, empty body).
   *
   * @param executionName the execution's name
   * @param graphName the graph's name
   * @return a future of the obs restore result, or failed with a WorkflowException
   */
  CompletableFuture<ObsRestoreResult> restoreExecution(String executionName, String graphName);

  /**
   * Creates a template ({@code POST /v2/workflowtemplates/{name}} with description, states, inputs, tags).
   *
   * @param templateName the template's name
   * @param description the description
   * @param states the states
   * @param inputs the node's new inputs
   * @param tags the tags
   * @return a future of the json node, or failed with a WorkflowException
   */
  CompletableFuture<JsonNode> createTemplate(String templateName, String description, Object states, Object inputs,
      Object tags);

  /**
   * {@return one template ({@code GET /v2/workflowtemplates/{name}})}
   *
   * @param templateName the template's name
   */
  CompletableFuture<JsonNode> getTemplate(String templateName);

  /**
   * Templates whose names start with {@code prefix} ({@code GET /v2/workflowtemplates/{prefix}?x-workflow-prefix
   * &x-workflow-start=&x-workflow-limit=}); null prefix, start or limit leave them out.
   *
   * @param prefix the prefix
   * @param start the start
   * @param limit the limit
   * @return a future of the json node, or failed with a WorkflowException
   */
  CompletableFuture<JsonNode> listTemplates(String prefix, Integer start, Integer limit);

  /**
   * Deletes a template ({@code DELETE /v2/workflowtemplates/{name}}).
   *
   * @param templateName the template's name
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> deleteTemplate(String templateName);

  /**
   * Creates workflow {@code graphName} from a template
   * ({@code POST /v2/workflows/{graph}?x-workflow-template-name={template}} with agency, description, parameters).
   *
   * @param templateName the template's name
   * @param graphName the graph's name
   * @param agency the agency
   * @param description the description
   * @param parameters the parameters
   * @return a future of the json node, or failed with a WorkflowException
   */
  CompletableFuture<JsonNode> createWorkflow(String templateName, String graphName, String agency, String description,
      Object parameters);

  /**
   * {@return one workflow ({@code GET /v2/workflows/{graph}})}
   *
   * @param graphName the graph's name
   */
  CompletableFuture<JsonNode> getWorkflow(String graphName);

  /**
   * Workflows whose names start with {@code prefix}; as {@link #listTemplates}.
   *
   * @param prefix the prefix
   * @param start the start
   * @param limit the limit
   * @return a future of the json node, or failed with a WorkflowException
   */
  CompletableFuture<JsonNode> listWorkflows(String prefix, Integer start, Integer limit);

  /**
   * Changes a workflow's parameters and description ({@code PUT /v2/workflows/{graph}}).
   *
   * @param graphName the graph's name
   * @param parameters the parameters
   * @param description the description
   * @return a future of the json node, or failed with a WorkflowException
   */
  CompletableFuture<JsonNode> updateWorkflow(String graphName, Object parameters, String description);

  /**
   * Deletes a workflow ({@code DELETE /v2/workflows/{graph}}).
   *
   * @param graphName the graph's name
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> deleteWorkflow(String graphName);

  /**
   * Sets the bucket's trigger policy ({@code PUT ?obsworkflowtriggerpolicy} with {@code {"rules":..}}).
   * Sent path-style on the configured endpoint ({@code /{bucket}?obsworkflowtriggerpolicy}).
   *
   * @param bucket the bucket
   * @param rules the rules
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> putTriggerPolicy(String bucket, Object rules);

  /**
   * {@return the bucket's trigger policy ({@code GET /{bucket}?obsworkflowtriggerpolicy})}
   *
   * @param bucket the bucket
   */
  CompletableFuture<JsonNode> getTriggerPolicy(String bucket);

  /**
   * Removes the bucket's trigger policy ({@code DELETE /{bucket}?obsworkflowtriggerpolicy}).
   *
   * @param bucket the bucket
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> deleteTriggerPolicy(String bucket);
}
