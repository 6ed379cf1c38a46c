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

  /** An engine with {@link EngineOptions#defaults()}. */
  public static InMemoryEngine create() {
    return new InMemoryEngine(EngineOptions.defaults());
  }

  /** An engine with the given options. */
  public static InMemoryEngine create(EngineOptions options) {
    return new InMemoryEngine(options == null ? EngineOptions.defaults() : options);
  }

  /** The engine clock. */
  public TestClock clock() {
    return core.clock();
  }

  /** The options the engine was created with. */
  public EngineOptions options() {
    return core.options();
  }

  // ---------------------------------------------------------------- definitions

  /**
   * Deploys a BPMN resource in the default tenant and returns its first executable process (all of
   * them are deployed). Invalid XML or unsupported content → {@code INVALID_DEFINITION} naming the element.
   */
  public DeployedModel deploy(String resourceName, byte[] bpmnXml) {
    return core.deploy(null, List.of(new EngineCore.Resource(resourceName, bpmnXml, null))).definitions().get(0);
  }

  /** Deploys a builder-made model (resource name {@code processId + ".bpmn"}) in the default tenant. */
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
   */
  public EngineDeployment deploy(String tenantId, Map<String, byte[]> resources) {
    if (resources == null || resources.isEmpty()) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<EngineCore.Resource> list = new java.util.ArrayList<>();
    resources.forEach((name, bytes) -> list.add(new EngineCore.Resource(name, bytes, null)));
    return core.deploy(tenantId, list);
  }

  /** All deployed definitions, grouped by process id, versions ascending. */
  public List<DeployedModel> definitions() {
    return core.definitions();
  }

  /** A definition by key; unknown → {@code DEFINITION_NOT_FOUND}. */
  public DeployedModel definition(String definitionKey) {
    return core.definition(definitionKey);
  }

  // ---------------------------------------------------------------- instances

  /**
   * Starts an instance and runs it until it waits or ends. Unknown definition →
   * {@code DEFINITION_NOT_FOUND}; no none start event (when not started by message) → {@code NO_START_EVENT}.
   */
  public InstanceSnapshot start(StartCommand command) {
    return core.start(command);
  }

  /** Shortcut for {@code start(StartCommand.process(processId).withVariables(variables))}. */
  public InstanceSnapshot start(String processId, Map<String, Object> variables) {
    return core.start(StartCommand.process(processId).withVariables(variables));
  }

  /** The current state of an instance; unknown → {@code INSTANCE_NOT_FOUND}. */
  public InstanceSnapshot get(String instanceId) {
    return core.get(instanceId);
  }

  /** Instances matching the filter, in start order. */
  public List<InstanceSnapshot> list(InstanceFilter filter) {
    return core.list(filter);
  }

  /** Cancels a running, failed or suspended instance: RUNNING/SUSPENDED nodes go REVOKED. */
  public void cancel(String instanceId) {
    core.cancel(instanceId);
  }

  /** Cancels the instance if needed, then forgets it ({@code get} → INSTANCE_NOT_FOUND). */
  public void delete(String instanceId) {
    core.delete(instanceId);
  }

  /** Suspends: no job, message, timer or node operation proceeds until {@link #resume}. Twice → ILLEGAL_STATE. */
  public void suspend(String instanceId) {
    core.suspend(instanceId);
  }

  /** Resumes a suspended instance; fires timers that came due meanwhile. Not suspended → ILLEGAL_STATE. */
  public void resume(String instanceId) {
    core.resume(instanceId);
  }

  /** Retries every FAILED node of the instance (none → ILLEGAL_STATE). */
  public void retry(String instanceId) {
    core.retry(instanceId);
  }

  /** bamboo's pause_pipeline: same as {@link #suspend}. */
  public void pauseInstance(String instanceId) {
    core.suspend(instanceId);
  }

  /** bamboo's resume_pipeline: same as {@link #resume}. */
  public void resumeInstance(String instanceId) {
    core.resume(instanceId);
  }

  /** bamboo's revoke_pipeline: same as {@link #cancel}. */
  public void revokeInstance(String instanceId) {
    core.cancel(instanceId);
  }

  // ---------------------------------------------------------------- waiting

  /**
   * A future completed with the first snapshot (now or after a later change) that satisfies the
   * predicate. Never times out by itself; use {@code orTimeout} or {@link #awaitCompletion}.
   */
  public CompletableFuture<InstanceSnapshot> when(String instanceId, Predicate<InstanceSnapshot> predicate) {
    return core.when(instanceId, predicate);
  }

  /**
   * Completes when the instance is COMPLETED, CANCELLED or FAILED (a failed instance makes no
   * progress by itself; it can still be retried). The timeout is real time (via
   * {@link CompletableFuture#orTimeout}); it fails the future with a {@code TIMEOUT} EngineException.
   * Since execution is synchronous the future is usually complete on return.
   */
  public CompletableFuture<InstanceSnapshot> awaitCompletion(String instanceId, Duration timeout) {
    return core.awaitCompletion(instanceId, timeout);
  }

  /** Called with a snapshot after every change of any instance (after the lock is released). */
  public Registration onChange(Consumer<InstanceSnapshot> listener) {
    return core.onChange(listener);
  }

  // ---------------------------------------------------------------- variables

  /** A copy of the variables. */
  public Map<String, Object> variables(String instanceId) {
    return core.variables(instanceId);
  }

  /** One variable (may be null); missing → {@code VARIABLE_NOT_FOUND}. */
  public Object variable(String instanceId, String name) {
    return core.variable(instanceId, name);
  }

  /** Creates variables; if any name exists → {@code ALREADY_EXISTS} and nothing is written. */
  public void createVariables(String instanceId, Map<String, Object> variables) {
    core.createVariables(instanceId, variables);
  }

  /** Creates or overwrites variables. */
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
   */
  public String publishMessage(MessageCommand command) {
    return core.publishMessage(command);
  }

  /**
   * Flowable's {@code messageEventReceived}: delivers a message to this instance's waiting
   * subscription of that name, whatever its correlation key. None → {@code ILLEGAL_STATE}.
   */
  public void messageEventReceived(String instanceId, String messageName, Map<String, Object> variables) {
    core.messageEventReceived(instanceId, messageName, variables);
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Registers the handler of a job type (replacing an earlier one) and hands it the open jobs of
   * that type. Closing the registration removes it.
   */
  public Registration registerHandler(String type, JobHandler handler) {
    return core.registerHandler(type, handler);
  }

  /** Open jobs of a type (null: all), activated or not, in creation order. */
  public List<JobSnapshot> activeJobs(String type) {
    return core.activeJobs(type);
  }

  /**
   * Zeebe's ActivateJobs: locks up to {@code maxJobs} available jobs of the type for {@code timeout}
   * on the engine clock. A job is available when it has retries, its node is RUNNING, its instance
   * not suspended, and it is not locked.
   */
  public List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker) {
    return core.activateJobs(type, maxJobs, timeout, worker);
  }

  /** Completes a job (variables merged into the instance). Unknown → {@code JOB_NOT_FOUND}. */
  public void completeJob(String jobKey, Map<String, Object> variables) {
    core.completeJob(jobKey, variables);
  }

  /**
   * Fails a job: with {@code retries > 0} it becomes available again; with 0 its node goes FAILED
   * with an incident and the job is closed (a later complete → JOB_NOT_FOUND).
   */
  public void failJob(String jobKey, int retries, String errorMessage) {
    core.failJob(jobKey, retries, errorMessage);
  }

  /** Completes the job of a waiting user task. */
  public void completeUserTask(String instanceId, String nodeId, Map<String, Object> variables) {
    core.completeUserTask(instanceId, nodeId, variables);
  }

  /** Zeebe's ResolveIncident: retries the failed node of the incident. Unknown → {@code INCIDENT_NOT_FOUND}. */
  public void resolveIncident(String incidentKey) {
    core.resolveIncident(incidentKey);
  }

  // ---------------------------------------------------------------- nodes (bamboo_engine)

  /** The state tree: root = the instance, children = reached nodes. */
  public NodeSnapshot tree(String instanceId) {
    return core.tree(instanceId);
  }

  /**
   * bamboo's pause_node_appoint: a reached node goes SUSPENDED (per the transition table); a node
   * not reached yet gets a SUSPENDED state and the token stops there when it arrives. Not for subprocesses.
   */
  public void pauseNode(String instanceId, String nodeId) {
    core.pauseNode(instanceId, nodeId);
  }

  /** bamboo's resume_node_appoint: SUSPENDED → READY, and the node runs (again) if a token waits on it. */
  public void resumeNode(String instanceId, String nodeId) {
    core.resumeNode(instanceId, nodeId);
  }

  /**
   * bamboo's retry_node: a FAILED node → READY (retry + 1) and runs again; {@code inputs} (may be
   * null) are written to the instance variables first. A history entry keeps the failed run.
   */
  public void retryNode(String instanceId, String nodeId, Map<String, Object> inputs) {
    core.retryNode(instanceId, nodeId, inputs);
  }

  /** bamboo's skip_node: a FAILED activity or start event → FINISHED (skip) and the flow continues. */
  public void skipNode(String instanceId, String nodeId) {
    core.skipNode(instanceId, nodeId);
  }

  /** bamboo's skip_exclusive_gateway: a FAILED exclusive gateway → FINISHED, continuing on {@code flowId}. */
  public void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
    core.skipExclusiveGateway(instanceId, nodeId, flowId);
  }

  /** bamboo's skip_conditional_parallel_gateway: a FAILED conditional parallel gateway → FINISHED, taking {@code flowIds}. */
  public void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
    core.skipConditionalParallelGateway(instanceId, nodeId, flowIds);
  }

  /** bamboo's forced_fail_activity: a RUNNING activity → FAILED (its job or subscription is closed). */
  public void forceFail(String instanceId, String nodeId, String message) {
    core.forceFail(instanceId, nodeId, message);
  }

  /**
   * bamboo's callback: completes a node waiting on a job or message with {@code data} (merged into
   * the variables). {@code version} must be the node's current state version ({@link NodeSnapshot#version()})
   * else {@code STALE_VERSION}.
   */
  public void callback(String instanceId, String nodeId, Map<String, Object> data, String version) {
    core.callback(instanceId, nodeId, data, version);
  }

  /**
   * bamboo's retry_subprocess: a FAILED subprocess node (a node inside it failed) → READY → RUNNING,
   * its inside is reset (histories kept) and run again from its start event.
   */
  public void retrySubprocess(String instanceId, String nodeId) {
    core.retrySubprocess(instanceId, nodeId);
  }

  /** Inputs, outputs and error of the node's current run (empty for a node not reached yet). */
  public NodeExecutionData executionData(String instanceId, String nodeId) {
    return core.executionData(instanceId, nodeId);
  }

  /** Earlier runs of a node (written on retry, skip and loop re-entry), oldest first. */
  public List<NodeAttempt> histories(String instanceId, String nodeId) {
    return core.histories(instanceId, nodeId);
  }

  // ---------------------------------------------------------------- execution groups (Cloudify)

  /**
   * Defines a group of targets (Cloudify: a deployment group) that execution groups start on;
   * an id in use → {@code ALREADY_EXISTS}.
   */
  public void createTargetGroup(String groupId, List<String> targets) {
    groups().createTargetGroup(groupId, targets);
  }

  /** The targets of a group of targets (including those a group's success or failure added). */
  public List<String> targetGroup(String groupId) {
    return groups().targetGroup(groupId);
  }

  /**
   * Starts an execution group: one instance of {@code processId} per target of
   * {@code targetGroupId} (with the parameters and a variable {@code target}), all QUEUED, of which
   * {@code concurrency} are released at once and the rest as running ones settle. Unknown group
   * of targets → {@code GROUP_NOT_FOUND}; one without targets → {@code INVALID_ARGUMENT}.
   */
  public GroupSnapshot startGroup(String targetGroupId, String processId, Map<String, Object> parameters, int concurrency) {
    return groups().start(targetGroupId, processId, parameters, concurrency);
  }

  /** The execution group as it stands; unknown → {@code GROUP_NOT_FOUND}. */
  public GroupSnapshot group(String groupId) {
    return groups().get(groupId);
  }

  /** Cancels the members that have not ended, queued ones first; none left → {@code ILLEGAL_STATE}. */
  public void cancelGroup(String groupId) {
    groups().cancel(groupId);
  }

  /** Sets how many members run at once; raising it releases queued members. */
  public void setGroupConcurrency(String groupId, int concurrency) {
    groups().setConcurrency(groupId, concurrency);
  }

  /**
   * The groups of targets that members' targets join when they complete or fail (either may be
   * null); unknown ids → {@code GROUP_NOT_FOUND}.
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
