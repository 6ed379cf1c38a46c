package io.flowport.testkit.engine;

import io.flowport.testkit.engine.internal.EngineCore;
import io.flowport.testkit.engine.internal.ExecutionGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A deterministic, thread-safe, in-memory process engine for tests. It runs the BPMN subset of
 * {@code testkit/README.md} (from Zeebe or Flowable {@code .bpmn} files or a {@link ProcessModel}
 * builder) with bamboo_engine's node state machine.
 *
 * <h2>Execution model</h2>
 * Every call runs synchronously on the calling thread: {@link #start} drives the instance until
 * every token waits (job, message, timer, paused node) or the instance ends, then returns. One lock
 * guards the engine, so calls from many threads are serialized and never lose updates. Nothing
 * sleeps and the engine owns no thread: timers and message TTLs follow the {@link TestClock}, and
 * advancing it fires due timers before {@link TestClock#advance} returns. Listeners and futures are
 * notified after the lock is released, on the thread that made the change.
 *
 * <h2>Errors</h2>
 * Every failure is an {@link EngineException} with a {@link EngineException.Reason}; null or blank
 * ids are {@code INVALID_ARGUMENT}. Operations on an ended instance are {@code ILLEGAL_STATE}
 * (the instance is still readable unless {@link EngineOptions#keepEndedInstances()} is false).
 *
 * <h2>Jobs</h2>
 * Service tasks create a job of their task type, user tasks a job of type {@code "user:" + elementId}.
 * Complete them through a registered {@link JobHandler}, {@link #completeJob}, {@link #callback},
 * or {@link #completeUserTask}.
 */
public final class InMemoryEngine implements AutoCloseable {
  private final EngineCore core;
  private volatile ExecutionGroups groups;

  private InMemoryEngine(EngineOptions options) {
    this.core = new EngineCore(options);
  }

  /** {@return an engine with {@link EngineOptions#defaults()}} */
  public static InMemoryEngine create() {
    return new InMemoryEngine(EngineOptions.defaults());
  }

  /**
   * {@return an engine with the given options}
   *
   * @param options the options
   */
  public static InMemoryEngine create(EngineOptions options) {
    return new InMemoryEngine(options == null ? EngineOptions.defaults() : options);
  }

  /** {@return the engine clock} */
  public TestClock clock() {
    return core.clock();
  }

  /** {@return the options the engine was created with} */
  public EngineOptions options() {
    return core.options();
  }

  // ---------------------------------------------------------------- definitions

  /**
   * Deploys a BPMN resource in the default tenant and returns its first executable process (all of
   * them are deployed). Invalid XML or unsupported content → {@code INVALID_DEFINITION} naming the element.
   *
   * @param resourceName the resource's file name
   * @param bpmnXml the bpmn xml
   * @return the deployed model
   */
  public DeployedModel deploy(String resourceName, byte[] bpmnXml) {
    return core.deploy(null, List.of(new EngineCore.Resource(resourceName, bpmnXml, null))).definitions().get(0);
  }

  /**
   * Deploys a builder-made model (resource name {@code processId + ".bpmn"}) in the default tenant.
   *
   * @param model the process model
   * @return the deployed model
   */
  public DeployedModel deploy(ProcessModel model) {
    if (model == null) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "model must not be null");
    }
    return core.deploy(null, List.of(new EngineCore.Resource(null, null, model))).definitions().get(0);
  }

  /**
   * Deploys several BPMN resources at once into a tenant (null: default tenant), all or nothing.
   * Versions are counted per (tenant, process id); with duplicate filtering a resource whose name
   * and bytes equal the latest version's keeps that version.
   *
   * @param tenantId the tenant id
   * @param resources the resources
   * @return the engine deployment
   */
  public EngineDeployment deploy(String tenantId, Map<String, byte[]> resources) {
    if (resources == null || resources.isEmpty()) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<EngineCore.Resource> list = new java.util.ArrayList<>();
    resources.forEach((name, bytes) -> list.add(new EngineCore.Resource(name, bytes, null)));
    return core.deploy(tenantId, list);
  }

  /** {@return all deployed definitions, grouped by process id, versions ascending} */
  public List<DeployedModel> definitions() {
    return core.definitions();
  }

  /**
   * {@return a definition by key; unknown → {@code DEFINITION_NOT_FOUND}}
   *
   * @param definitionKey the definition key
   */
  public DeployedModel definition(String definitionKey) {
    return core.definition(definitionKey);
  }

  // ---------------------------------------------------------------- instances

  /**
   * Starts an instance and runs it until it waits or ends. Unknown definition →
   * {@code DEFINITION_NOT_FOUND}; no none start event (when not started by message) → {@code NO_START_EVENT}.
   *
   * @param command the command
   * @return the instance snapshot
   */
  public InstanceSnapshot start(StartCommand command) {
    return core.start(command);
  }

  /**
   * Shortcut for {@code start(StartCommand.process(processId).withVariables(variables))}.
   *
   * @param processId the process definition's id (BPMN process id or engine key)
   * @param variables the variables, by name
   * @return the instance snapshot
   */
  public InstanceSnapshot start(String processId, Map<String, Object> variables) {
    return core.start(StartCommand.process(processId).withVariables(variables));
  }

  /**
   * {@return the current state of an instance; unknown → {@code INSTANCE_NOT_FOUND}}
   *
   * @param instanceId the engine's id of the instance
   */
  public InstanceSnapshot get(String instanceId) {
    return core.get(instanceId);
  }

  /**
   * Instances matching the filter, in start order.
   *
   * @param filter the filter
   * @return the list
   */
  public List<InstanceSnapshot> list(InstanceFilter filter) {
    return core.list(filter);
  }

  /**
   * Cancels a running, failed or suspended instance: RUNNING/SUSPENDED nodes go REVOKED.
   *
   * @param instanceId the engine's id of the instance
   */
  public void cancel(String instanceId) {
    core.cancel(instanceId);
  }

  /**
   * Cancels the instance if needed, then forgets it ({@code get} → INSTANCE_NOT_FOUND).
   *
   * @param instanceId the engine's id of the instance
   */
  public void delete(String instanceId) {
    core.delete(instanceId);
  }

  /**
   * Suspends: no job, message, timer or node operation proceeds until {@link #resume}. Twice → ILLEGAL_STATE.
   *
   * @param instanceId the engine's id of the instance
   */
  public void suspend(String instanceId) {
    core.suspend(instanceId);
  }

  /**
   * Resumes a suspended instance; fires timers that came due meanwhile. Not suspended → ILLEGAL_STATE.
   *
   * @param instanceId the engine's id of the instance
   */
  public void resume(String instanceId) {
    core.resume(instanceId);
  }

  /**
   * Retries every FAILED node of the instance (none → ILLEGAL_STATE).
   *
   * @param instanceId the engine's id of the instance
   */
  public void retry(String instanceId) {
    core.retry(instanceId);
  }

  /**
   * bamboo's pause_pipeline: same as {@link #suspend}.
   *
   * @param instanceId the engine's id of the instance
   */
  public void pauseInstance(String instanceId) {
    core.suspend(instanceId);
  }

  /**
   * bamboo's resume_pipeline: same as {@link #resume}.
   *
   * @param instanceId the engine's id of the instance
   */
  public void resumeInstance(String instanceId) {
    core.resume(instanceId);
  }

  /**
   * bamboo's revoke_pipeline: same as {@link #cancel}.
   *
   * @param instanceId the engine's id of the instance
   */
  public void revokeInstance(String instanceId) {
    core.cancel(instanceId);
  }

  // ---------------------------------------------------------------- waiting

  /**
   * {@return a future completed with the first snapshot (now or after a later change) that satisfies the
   * predicate} Never times out by itself; use {@code orTimeout} or {@link #awaitCompletion}.
   *
   * @param instanceId the engine's id of the instance
   * @param predicate the predicate
   */
  public CompletableFuture<InstanceSnapshot> when(String instanceId, Predicate<InstanceSnapshot> predicate) {
    return core.when(instanceId, predicate);
  }

  /**
   * Completes when the instance is COMPLETED, CANCELLED or FAILED (a failed instance makes no
   * progress by itself; it can still be retried). The timeout is real time (via
   * {@link CompletableFuture#orTimeout}); it fails the future with a {@code TIMEOUT} EngineException.
   * Since execution is synchronous the future is usually complete on return.
   *
   * @param instanceId the engine's id of the instance
   * @param timeout how long to wait
   * @return a future of the instance snapshot, or failed with a WorkflowException
   */
  public CompletableFuture<InstanceSnapshot> awaitCompletion(String instanceId, Duration timeout) {
    return core.awaitCompletion(instanceId, timeout);
  }

  /**
   * Called with a snapshot after every change of any instance (after the lock is released).
   *
   * @param listener the listener told of each call
   * @return the registration
   */
  public Registration onChange(Consumer<InstanceSnapshot> listener) {
    return core.onChange(listener);
  }

  // ---------------------------------------------------------------- variables

  /**
   * {@return a copy of the variables}
   *
   * @param instanceId the engine's id of the instance
   */
  public Map<String, Object> variables(String instanceId) {
    return core.variables(instanceId);
  }

  /**
   * {@return one variable (may be null); missing → {@code VARIABLE_NOT_FOUND}}
   *
   * @param instanceId the engine's id of the instance
   * @param name the name
   */
  public Object variable(String instanceId, String name) {
    return core.variable(instanceId, name);
  }

  /**
   * Creates variables; if any name exists → {@code ALREADY_EXISTS} and nothing is written.
   *
   * @param instanceId the engine's id of the instance
   * @param variables the variables, by name
   */
  public void createVariables(String instanceId, Map<String, Object> variables) {
    core.createVariables(instanceId, variables);
  }

  /**
   * Creates or overwrites variables.
   *
   * @param instanceId the engine's id of the instance
   * @param variables the variables, by name
   */
  public void upsertVariables(String instanceId, Map<String, Object> variables) {
    core.upsertVariables(instanceId, variables);
  }

  // ---------------------------------------------------------------- messages

  /**
   * Publishes a message; returns its key. It correlates to every instance with a waiting
   * subscription of that name and correlation key (at most once per instance), and starts the
   * latest definition of each process that has a message start event for it. With a TTL it stays
   * buffered until the TTL passes on the engine clock and correlates to instances that reach a
   * matching catch later. A buffered message with the same id → {@code ALREADY_EXISTS}.
   *
   * @param command the command
   * @return the publish message
   */
  public String publishMessage(MessageCommand command) {
    return core.publishMessage(command);
  }

  /**
   * Flowable's {@code messageEventReceived}: delivers a message to this instance's waiting
   * subscription of that name, whatever its correlation key. None → {@code ILLEGAL_STATE}.
   *
   * @param instanceId the engine's id of the instance
   * @param messageName the message's name
   * @param variables the variables, by name
   */
  public void messageEventReceived(String instanceId, String messageName, Map<String, Object> variables) {
    core.messageEventReceived(instanceId, messageName, variables);
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Registers the handler of a job type (replacing an earlier one) and hands it the open jobs of
   * that type. Closing the registration removes it.
   *
   * @param type the type
   * @param handler the handler
   * @return the registration
   */
  public Registration registerHandler(String type, JobHandler handler) {
    return core.registerHandler(type, handler);
  }

  /**
   * Open jobs of a type (null: all), activated or not, in creation order.
   *
   * @param type the type
   * @return the active jobs
   */
  public List<JobSnapshot> activeJobs(String type) {
    return core.activeJobs(type);
  }

  /**
   * Zeebe's ActivateJobs: locks up to {@code maxJobs} available jobs of the type for {@code timeout}
   * on the engine clock. A job is available when it has retries, its node is RUNNING, its instance
   * not suspended, and it is not locked.
   *
   * @param type the type
   * @param maxJobs how many jobs at most
   * @param timeout how long to wait
   * @param worker the worker's name
   * @return the activate jobs
   */
  public List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker) {
    return core.activateJobs(type, maxJobs, timeout, worker, null);
  }

  /**
   * {@link #activateJobs(String, int, Duration, String)}, taking only the available jobs
   * {@code which} accepts (it sees each job before it is locked, and must not call the engine).
   *
   * @param type the job type
   * @param maxJobs at most this many jobs
   * @param timeout how long the jobs stay locked, on the engine clock
   * @param worker the worker activating them
   * @param which which available jobs may be taken
   * @return the jobs activated, locked for {@code timeout}
   */
  public List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker,
      Predicate<JobSnapshot> which) {
    return core.activateJobs(type, maxJobs, timeout, worker, which);
  }

  /**
   * Completes a job (variables merged into the instance). Unknown → {@code JOB_NOT_FOUND}.
   *
   * @param jobKey the job's key
   * @param variables the variables, by name
   */
  public void completeJob(String jobKey, Map<String, Object> variables) {
    core.completeJob(jobKey, variables);
  }

  /**
   * Fails a job: with {@code retries > 0} it becomes available again; with 0 its node goes FAILED
   * with an incident and the job is closed (a later complete → JOB_NOT_FOUND).
   *
   * @param jobKey the job's key
   * @param retries the retries left
   * @param errorMessage the error message
   */
  public void failJob(String jobKey, int retries, String errorMessage) {
    core.failJob(jobKey, retries, errorMessage);
  }

  /**
   * Completes the job of a waiting user task.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param variables the variables, by name
   */
  public void completeUserTask(String instanceId, String nodeId, Map<String, Object> variables) {
    core.completeUserTask(instanceId, nodeId, variables);
  }

  /**
   * Zeebe's ResolveIncident: retries the failed node of the incident. Unknown → {@code INCIDENT_NOT_FOUND}.
   *
   * @param incidentKey the incident key
   */
  public void resolveIncident(String incidentKey) {
    core.resolveIncident(incidentKey);
  }

  // ---------------------------------------------------------------- nodes (bamboo_engine)

  /**
   * {@return the state tree: root = the instance, children = reached nodes}
   *
   * @param instanceId the engine's id of the instance
   */
  public NodeSnapshot tree(String instanceId) {
    return core.tree(instanceId);
  }

  /**
   * bamboo's pause_node_appoint: a reached node goes SUSPENDED (per the transition table); a node
   * not reached yet gets a SUSPENDED state and the token stops there when it arrives. Not for subprocesses.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   */
  public void pauseNode(String instanceId, String nodeId) {
    core.pauseNode(instanceId, nodeId);
  }

  /**
   * bamboo's resume_node_appoint: SUSPENDED → READY, and the node runs (again) if a token waits on it.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   */
  public void resumeNode(String instanceId, String nodeId) {
    core.resumeNode(instanceId, nodeId);
  }

  /**
   * bamboo's retry_node: a FAILED node → READY (retry + 1) and runs again; {@code inputs} (may be
   * null) are written to the instance variables first. A history entry keeps the failed run.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param inputs the node's new inputs
   */
  public void retryNode(String instanceId, String nodeId, Map<String, Object> inputs) {
    core.retryNode(instanceId, nodeId, inputs);
  }

  /**
   * bamboo's skip_node: a FAILED activity or start event → FINISHED (skip) and the flow continues.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   */
  public void skipNode(String instanceId, String nodeId) {
    core.skipNode(instanceId, nodeId);
  }

  /**
   * bamboo's skip_exclusive_gateway: a FAILED exclusive gateway → FINISHED, continuing on {@code flowId}.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param flowId the outgoing flow's id
   */
  public void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
    core.skipExclusiveGateway(instanceId, nodeId, flowId);
  }

  /**
   * bamboo's skip_conditional_parallel_gateway: a FAILED conditional parallel gateway → FINISHED, taking {@code flowIds}.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param flowIds the flow ids
   */
  public void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
    core.skipConditionalParallelGateway(instanceId, nodeId, flowIds);
  }

  /**
   * bamboo's forced_fail_activity: a RUNNING activity → FAILED (its job or subscription is closed).
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param message the message
   */
  public void forceFail(String instanceId, String nodeId, String message) {
    core.forceFail(instanceId, nodeId, message);
  }

  /**
   * bamboo's callback: completes a node waiting on a job or message with {@code data} (merged into
   * the variables). {@code version} must be the node's current state version ({@link NodeSnapshot#version()})
   * else {@code STALE_VERSION}.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @param data the callback data
   * @param version the version
   */
  public void callback(String instanceId, String nodeId, Map<String, Object> data, String version) {
    core.callback(instanceId, nodeId, data, version);
  }

  /**
   * bamboo's retry_subprocess: a FAILED subprocess node (a node inside it failed) → READY → RUNNING,
   * its inside is reset (histories kept) and run again from its start event.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   */
  public void retrySubprocess(String instanceId, String nodeId) {
    core.retrySubprocess(instanceId, nodeId);
  }

  /**
   * Inputs, outputs and error of the node's current run (empty for a node not reached yet).
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return the node execution data
   */
  public NodeExecutionData executionData(String instanceId, String nodeId) {
    return core.executionData(instanceId, nodeId);
  }

  /**
   * Earlier runs of a node (written on retry, skip and loop re-entry), oldest first.
   *
   * @param instanceId the engine's id of the instance
   * @param nodeId the node's id in the instance
   * @return the histories
   */
  public List<NodeAttempt> histories(String instanceId, String nodeId) {
    return core.histories(instanceId, nodeId);
  }

  // ---------------------------------------------------------------- execution groups (Cloudify)

  /**
   * Defines a group of targets (Cloudify: a deployment group) that execution groups start on;
   * an id in use → {@code ALREADY_EXISTS}.
   *
   * @param groupId the execution group's id
   * @param targets the targets
   */
  public void createTargetGroup(String groupId, List<String> targets) {
    groups().createTargetGroup(groupId, targets);
  }

  /**
   * {@return the targets of a group of targets (including those a group's success or failure added)}
   *
   * @param groupId the execution group's id
   */
  public List<String> targetGroup(String groupId) {
    return groups().targetGroup(groupId);
  }

  /**
   * Starts an execution group: one instance of {@code processId} per target of
   * {@code targetGroupId} (with the parameters and a variable {@code target}), all QUEUED, of which
   * {@code concurrency} are released at once and the rest as running ones settle. Unknown group
   * of targets → {@code GROUP_NOT_FOUND}; one without targets → {@code INVALID_ARGUMENT}.
   *
   * @param targetGroupId the target group id
   * @param processId the process definition's id (BPMN process id or engine key)
   * @param parameters the parameters
   * @param concurrency how many members run at once
   * @return the group snapshot
   */
  public GroupSnapshot startGroup(String targetGroupId, String processId, Map<String, Object> parameters, int concurrency) {
    return groups().start(targetGroupId, processId, parameters, concurrency);
  }

  /**
   * {@return the execution group as it stands; unknown → {@code GROUP_NOT_FOUND}}
   *
   * @param groupId the execution group's id
   */
  public GroupSnapshot group(String groupId) {
    return groups().get(groupId);
  }

  /**
   * Cancels the members that have not ended, queued ones first; none left → {@code ILLEGAL_STATE}.
   *
   * @param groupId the execution group's id
   */
  public void cancelGroup(String groupId) {
    groups().cancel(groupId);
  }

  /**
   * Sets how many members run at once; raising it releases queued members.
   *
   * @param groupId the execution group's id
   * @param concurrency how many members run at once
   */
  public void setGroupConcurrency(String groupId, int concurrency) {
    groups().setConcurrency(groupId, concurrency);
  }

  /**
   * The groups of targets that members' targets join when they complete or fail (either may be
   * null); unknown ids → {@code GROUP_NOT_FOUND}.
   *
   * @param groupId the execution group's id
   * @param successGroupId the group succeeding members join, or null
   * @param failureGroupId the group failing members join, or null
   */
  public void setGroupTargets(String groupId, String successGroupId, String failureGroupId) {
    groups().setTargetGroups(groupId, successGroupId, failureGroupId);
  }

  /** Made on first use, so engines without groups pay nothing for following their members. */
  private ExecutionGroups groups() {
    ExecutionGroups g = groups;
    if (g == null) {
      synchronized (this) {
        g = groups;
        if (g == null) {
          g = new ExecutionGroups(core);
          groups = g;
        }
      }
    }
    return g;
  }

  /** Stops listening to the clock and fails pending {@link #when} futures; later calls → ILLEGAL_STATE. */
  @Override
  public void close() {
    core.close();
  }
}
