package io.flowport.rest.cloudify;

import io.flowport.core.Operation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything Cloudify's {@code ExecutionsClient} and {@code ExecutionGroupsClient} do, typed. Like
 * the unified API, every method returns a future that never throws: bad arguments and manager
 * errors complete it exceptionally with a {@link io.flowport.core.error.WorkflowException} (the
 * manager's {@code server_traceback} is on its {@link CloudifyServerError} cause). Calls go through
 * the client's retries and timeouts; the constants below name them in errors and listener events.
 */
public interface CloudifyOperations {
  /** {@code "list executions"}: idempotent, safe to repeat. */
  Operation LIST_EXECUTIONS = Operation.of("list executions", true);
  /** {@code "get execution"}: idempotent, safe to repeat. */
  Operation GET_EXECUTION = Operation.of("get execution", true);
  /** {@code "start execution"}: not idempotent, a repeat may duplicate work. */
  Operation START_EXECUTION = Operation.of("start execution", false);
  /** {@code "create execution"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_EXECUTION = Operation.of("create execution", false);
  /** {@code "cancel execution"}: idempotent, safe to repeat. */
  Operation CANCEL_EXECUTION = Operation.of("cancel execution", true);
  /** {@code "resume execution"}: not idempotent, a repeat may duplicate work. */
  Operation RESUME_EXECUTION = Operation.of("resume execution", false);
  /** {@code "requeue execution"}: not idempotent, a repeat may duplicate work. */
  Operation REQUEUE_EXECUTION = Operation.of("requeue execution", false);
  /** {@code "update execution"}: idempotent, safe to repeat. */
  Operation UPDATE_EXECUTION = Operation.of("update execution", true);
  /** {@code "delete executions"}: idempotent, safe to repeat. */
  Operation DELETE_EXECUTIONS = Operation.of("delete executions", true);
  /** {@code "should start"}: idempotent, safe to repeat. */
  Operation SHOULD_START = Operation.of("should start", true);
  /** {@code "list execution groups"}: idempotent, safe to repeat. */
  Operation LIST_GROUPS = Operation.of("list execution groups", true);
  /** {@code "get execution group"}: idempotent, safe to repeat. */
  Operation GET_GROUP = Operation.of("get execution group", true);
  /** {@code "create execution group"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_GROUP = Operation.of("create execution group", false);
  /** {@code "start execution group"}: not idempotent, a repeat may duplicate work. */
  Operation START_GROUP = Operation.of("start execution group", false);
  /** {@code "cancel execution group"}: idempotent, safe to repeat. */
  Operation CANCEL_GROUP = Operation.of("cancel execution group", true);
  /** {@code "resume execution group"}: not idempotent, a repeat may duplicate work. */
  Operation RESUME_GROUP = Operation.of("resume execution group", false);
  /** {@code "set execution group concurrency"}: idempotent, safe to repeat. */
  Operation SET_GROUP_CONCURRENCY = Operation.of("set execution group concurrency", true);
  /** {@code "set execution group targets"}: idempotent, safe to repeat. */
  Operation SET_GROUP_TARGETS = Operation.of("set execution group targets", true);
  /** {@code "dump execution groups"}: idempotent, safe to repeat. */
  Operation DUMP_GROUPS = Operation.of("dump execution groups", true);

  /** Every operation of this interface. */
  Set<Operation> ALL = Set.of(LIST_EXECUTIONS, GET_EXECUTION, START_EXECUTION, CREATE_EXECUTION, CANCEL_EXECUTION,
      RESUME_EXECUTION, REQUEUE_EXECUTION, UPDATE_EXECUTION, DELETE_EXECUTIONS, SHOULD_START, LIST_GROUPS, GET_GROUP,
      CREATE_GROUP, START_GROUP, CANCEL_GROUP, RESUME_GROUP, SET_GROUP_CONCURRENCY, SET_GROUP_TARGETS, DUMP_GROUPS);

  /**
   * {@return one page of executions ({@code GET /executions})}
   *
   * @param query what to list
   */
  CompletableFuture<CloudifyPage<CloudifyExecution>> listExecutions(CloudifyListQuery query);

  /**
   * Visits every execution the query matches, page after page from the query's offset; completes
   * after the last page. {@code action} runs on the callback executor, one item at a time.
   *
   * @param query what to list
   * @param action the action
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> forEachExecution(CloudifyListQuery query, Consumer<? super CloudifyExecution> action);

  /**
   * {@return every execution the query matches, fetched page by page as the stream is consumed} Consuming
   * blocks the consuming thread while a page is fetched; a failure is thrown as the
   * {@link io.flowport.core.error.WorkflowException}. Close the stream if you stop early.
   *
   * @param query what to list
   */
  Stream<CloudifyExecution> streamExecutions(CloudifyListQuery query);

  /**
   * {@return one execution; {@code include} (may be empty) limits the fields sent}
   *
   * @param executionId the execution's id
   * @param include what to include
   */
  CompletableFuture<CloudifyExecution> getExecution(String executionId, List<String> include);

  /**
   * Starts an execution; the answer is {@code pending} (or {@code queued}, or a scheduled placeholder).
   *
   * @param request what to send
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> startExecution(CloudifyStartRequest request);

  /**
   * Creates an execution with the restore fields (with a forced status it is stored, not run).
   *
   * @param request what to send
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> createExecution(CloudifyStartRequest request);

  /**
   * Cancels, force-cancels or kills an execution.
   *
   * @param executionId the execution's id
   * @param mode the mode
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> cancelExecution(String executionId, CloudifyCancelMode mode);

  /**
   * Resumes an execution; {@code force} retries the failed tasks of a failed or cancelled one.
   *
   * @param executionId the execution's id
   * @param force the force
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> resumeExecution(String executionId, boolean force);

  /**
   * Requeues an execution (after a snapshot restore). The manager treats the action like a plain
   * cancel: it answers what cancel would.
   *
   * @param executionId the execution's id
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> requeueExecution(String executionId);

  /**
   * Sets an execution's status and error ({@code PATCH}); without an error the manager clears it.
   *
   * @param executionId the execution's id
   * @param status the status
   * @param error the error
   * @return a future of the cloudify execution, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecution> updateExecution(String executionId, String status, String error);

  /**
   * Deletes ended executions; completes with how many were deleted.
   *
   * @param request what to send
   * @return a future of the integer, or failed with a WorkflowException
   */
  CompletableFuture<Integer> deleteExecutions(CloudifyDeleteRequest request);

  /**
   * {@return whether the execution could start now (no system workflow or other execution of its deployment running)}
   *
   * @param executionId the execution's id
   */
  CompletableFuture<Boolean> shouldStart(String executionId);

  /**
   * {@return one page of execution groups (items carry neither status nor execution ids)}
   *
   * @param query what to list
   */
  CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> listGroups(CloudifyListQuery query);

  /**
   * {@return one execution group, with its status and execution ids; {@code include} may be empty}
   *
   * @param groupId the execution group's id
   * @param include what to include
   */
  CompletableFuture<CloudifyExecutionGroup> getGroup(String groupId, List<String> include);

  /**
   * Creates a group of existing executions without running anything (restore); needs {@code executions}.
   *
   * @param request what to send
   * @return a future of the cloudify execution group, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecutionGroup> createGroup(CloudifyGroupRequest request);

  /**
   * Starts the workflow on every deployment of the deployment group.
   *
   * @param request what to send
   * @return a future of the cloudify execution group, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecutionGroup> startGroup(CloudifyGroupRequest request);

  /**
   * Cancels the group's members; queued ones become {@code cancelled} at once.
   *
   * @param groupId the execution group's id
   * @param mode the mode
   * @return a future of the cloudify execution group, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecutionGroup> cancelGroup(String groupId, CloudifyCancelMode mode);

  /**
   * Resumes the group's failed and cancelled members.
   *
   * @param groupId the execution group's id
   * @param force the force
   * @return a future of the cloudify execution group, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecutionGroup> resumeGroup(String groupId, boolean force);

  /**
   * Changes how many members run at once; raising it from 0 dequeues members.
   *
   * @param groupId the execution group's id
   * @param concurrency how many members run at once
   * @return a future of the cloudify execution group, or failed with a WorkflowException
   */
  CompletableFuture<CloudifyExecutionGroup> setGroupConcurrency(String groupId, int concurrency);

  /**
   * {@return where deployments of members that succeed / fail are added; either may be null (unchanged)}
   *
   * @param groupId the execution group's id
   * @param successGroupId the group succeeding members join, or null
   * @param failureGroupId the group failing members join, or null
   */
  CompletableFuture<CloudifyExecutionGroup> setGroupTargets(String groupId, String successGroupId, String failureGroupId);

  /**
   * {@return the groups' attributes for a snapshot (every page of {@code GET /execution-groups?_get_data=true});
   * when {@code groupIds} is not empty, only those groups}
   *
   * @param groupIds the group ids
   */
  CompletableFuture<List<CloudifyExecutionGroup>> dumpGroups(List<String> groupIds);
}
