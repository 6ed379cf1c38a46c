package io.flowport.rest.bksops;

import io.flowport.core.Operation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * bk-sops' own API gateway calls, typed, implemented by {@link BkSopsClient}: every one
 * of bamboo_engine's API operations the gateway exposes. Same rules as the unified API: every call
 * returns a future and never throws, errors are the unified exceptions (the
 * {@code {result, code, message, trace_id}} envelope decides, see {@link BkSopsErrors}), retries
 * and timeouts come from the client's options, and cancelling a future cancels the call.
 *
 * <p>Ids are bk-sops' numeric task and template ids; node ids are the pipeline's node ids. Which
 * bamboo_engine call each one makes:
 * <table>
 *   <caption>bamboo_engine operations through the gateway</caption>
 *   <tr><th>bamboo_engine</th><th>here</th><th>gateway</th></tr>
 *   <tr><td>run_pipeline</td><td>{@link #startTask}, {@link #operateTask} START</td><td>start_task, operate_task</td></tr>
 *   <tr><td>pause / resume / revoke_pipeline</td><td>{@link #operateTask}</td><td>operate_task</td></tr>
 *   <tr><td>pause / resume_node_appoint</td><td>{@link #pauseNode}, {@link #resumeNode}</td><td>operate_node pause / resume</td></tr>
 *   <tr><td>pause / resume_pipeline of a subprocess</td><td>{@link #pauseSubprocess}, {@link #resumeSubprocess}</td><td>operate_node pause_subproc / resume_subproc</td></tr>
 *   <tr><td>retry_node</td><td>{@link #retryNode}</td><td>operate_node retry (inputs)</td></tr>
 *   <tr><td>retry_subprocess</td><td>{@link #retrySubprocess}</td><td>operate_node retry_subprocess</td></tr>
 *   <tr><td>skip_node</td><td>{@link #skipNode}</td><td>operate_node skip</td></tr>
 *   <tr><td>skip_exclusive_gateway</td><td>{@link #skipExclusiveGateway}</td><td>operate_node skip_exg (flow_id)</td></tr>
 *   <tr><td>skip_conditional_parallel_gateway</td><td>not reachable: the gateway's operate_node never passes
 *       {@code flow_ids} / {@code converge_gateway_id}, so skip_cpg always fails; the unified call fails fast
 *       with OperationNotSupportedException</td><td>—</td></tr>
 *   <tr><td>forced_fail_activity</td><td>{@link #forcedFail}</td><td>operate_node forced_fail</td></tr>
 *   <tr><td>callback</td><td>{@link #callback}</td><td>node_callback (version optional)</td></tr>
 *   <tr><td>get_pipeline_states, get_children_states</td><td>{@link #taskStatus}, {@link #nodeDetail}</td><td>get_task_status, get_task_node_detail</td></tr>
 *   <tr><td>get_execution_data(_inputs / _outputs), get_data</td><td>{@link #nodeData}</td><td>get_task_node_data</td></tr>
 *   <tr><td>get_node_histories, get_node_short_histories</td><td>{@link #nodeDetail} histories ({@link NodeRun#summary()})</td><td>get_task_node_detail</td></tr>
 * </table>
 *
 * <p><b>Caching.</b> The gateway caches {@code get_task_status} for 10 seconds per path, user and
 * sorted query (not a task still CREATED, not an error). {@link #taskStatus} and every unified
 * read of a task's state send a distinct {@code _flowport} query parameter so each call reads the
 * current state; a polling start-and-await is therefore never fooled by a cached answer.
 */
public interface BkSopsOperations {
  /** {@code "create task"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_TASK = Operation.of("create task", false);
  /** {@code "start task"}: not idempotent, a repeat may duplicate work. */
  Operation START_TASK = Operation.of("start task", false);
  /** {@code "operate task"}: not idempotent, a repeat may duplicate work. */
  Operation OPERATE_TASK = Operation.of("operate task", false);
  /** {@code "get task status"}: idempotent, safe to repeat. */
  Operation GET_TASK_STATUS = Operation.of("get task status", true);
  /** {@code "get node detail"}: idempotent, safe to repeat. */
  Operation GET_NODE_DETAIL = Operation.of("get node detail", true);
  /** {@code "get node execution data"}: idempotent, safe to repeat. */
  Operation GET_NODE_EXECUTION = Operation.of("get node execution data", true);
  /** {@code "pause subprocess"}: idempotent, safe to repeat. */
  Operation PAUSE_SUBPROCESS = Operation.of("pause subprocess", true);
  /** {@code "resume subprocess"}: idempotent, safe to repeat. */
  Operation RESUME_SUBPROCESS = Operation.of("resume subprocess", true);

  /**
   * Creates a task from template {@code templateId} ({@code create_task}); it does not run until
   * started. {@code constants} are the template's global variables by name (sent as {@code ${name}}).
   *
   * @param templateId the template's id
   * @param name the name
   * @param constants the constants
   * @return a future of the created task, or failed with a WorkflowException
   */
  CompletableFuture<CreatedTask> createTask(String templateId, String name, Map<String, ?> constants);

  /**
   * Starts a created task ({@code start_task}) and returns its URL, or null. The start is
   * asynchronous: the task may read CREATED for a moment. A task already started fails with
   * IllegalTransitionException.
   *
   * @param taskId the task's id
   * @return a future of the string, or failed with a WorkflowException
   */
  CompletableFuture<String> startTask(String taskId);

  /**
   * Starts, pauses, resumes or revokes a task ({@code operate_task}); a task not started yet fails with IllegalTransitionException.
   *
   * @param taskId the task's id
   * @param action the action
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> operateTask(String taskId, TaskAction action);

  /**
   * {@return the task's state tree ({@code get_task_status}), always the current one (see Caching above)}
   *
   * @param taskId the task's id
   */
  CompletableFuture<TaskState> taskStatus(String taskId);

  /**
   * {@return the state tree of the task or of one of its subprocesses ({@code subprocessId}, may be null);
   * with {@code withExData} a FAILED task carries its failed nodes' details}
   *
   * @param taskId the task's id
   * @param subprocessId the subprocess id
   * @param withExData the with ex data
   */
  CompletableFuture<TaskState> taskStatus(String taskId, String subprocessId, boolean withExData);

  /**
   * {@return a node's state and earlier runs ({@code get_task_node_detail}); {@code loop} may be null for the latest loop}
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @param loop the loop
   */
  CompletableFuture<NodeDetail> nodeDetail(String taskId, String nodeId, Integer loop);

  /**
   * {@return a node's inputs, outputs and failure details ({@code get_task_node_data}); {@code loop} may be null}
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @param loop the loop
   */
  CompletableFuture<NodeExecution> nodeData(String taskId, String nodeId, Integer loop);

  /**
   * Retries a FAILED node with new inputs (may be empty: the old ones).
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @param inputs the node's new inputs
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> retryNode(String taskId, String nodeId, Map<String, ?> inputs);

  /**
   * Skips a FAILED activity.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> skipNode(String taskId, String nodeId);

  /**
   * Skips a FAILED exclusive gateway, taking flow {@code flowId}.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @param flowId the outgoing flow's id
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> skipExclusiveGateway(String taskId, String nodeId, String flowId);

  /**
   * Pauses a node (now, or when the task reaches it); not a subprocess.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> pauseNode(String taskId, String nodeId);

  /**
   * Resumes a SUSPENDED node.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> resumeNode(String taskId, String nodeId);

  /**
   * Pauses a subprocess node's pipeline.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> pauseSubprocess(String taskId, String nodeId);

  /**
   * Resumes a SUSPENDED subprocess node's pipeline.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> resumeSubprocess(String taskId, String nodeId);

  /**
   * Fails a RUNNING activity; bk-sops records "The node has been terminated by &lt;user&gt;."
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> forcedFail(String taskId, String nodeId);

  /**
   * Retries a FAILED subprocess node from its start.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> retrySubprocess(String taskId, String nodeId);

  /**
   * Calls back a node that waits for it ({@code node_callback}). With {@code version} (from the
   * state tree) a stale version fails with StaleVersionException, and bamboo then expires the
   * schedule of that version; with null bk-sops uses the current version.
   *
   * @param taskId the task's id
   * @param nodeId the node's id in the instance
   * @param data the callback data
   * @param version the version
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> callback(String taskId, String nodeId, Map<String, ?> data, String version);
}
