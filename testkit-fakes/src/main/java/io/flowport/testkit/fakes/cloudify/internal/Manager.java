package io.flowport.testkit.fakes.cloudify.internal;

import io.flowport.rest.cloudify.CloudifyStates;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.ProcessModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The fake manager's state and its workflow worker. Every change happens under this object's lock;
 * after each request's answer is made, {@link #work()} plays the manager's workers: pending
 * executions start ({@code wait} workflows wait at the user task {@code work} of their in-memory
 * engine instance until the test completes it, {@code succeed} ones end at once, {@code fail} ones
 * fail),
 * cancellations finish as {@code cancelled} (unless held), and queued executions are dequeued.
 * So an answer shows what the manager answers (a start is {@code pending}), and the next request
 * sees what its workers did meanwhile.
 */
public final class Manager {
  static final String WAIT_PROCESS = "cloudify-workflow-wait";
  static final String SUCCEED_PROCESS = "cloudify-workflow-succeed";
  static final String DEFAULT_TENANT = "default_tenant";

  final InMemoryEngine engine;
  final Map<String, Rows.Deployment> deployments = new LinkedHashMap<>();
  final Map<String, List<String>> deploymentGroups = new LinkedHashMap<>();
  final Map<String, Rows.Execution> executions = new LinkedHashMap<>();
  final Map<String, Rows.Group> groups = new LinkedHashMap<>();
  final List<Map<String, Object>> schedules = new ArrayList<>();
  private long seq;
  private boolean holdCancellations;

  public Manager(InMemoryEngine engine) {
    this.engine = engine;
    engine.deploy(ProcessModel.builder(WAIT_PROCESS).startEvent("start").userTask("work").endEvent("end").build());
    engine.deploy(ProcessModel.builder(SUCCEED_PROCESS).startEvent("start").endEvent("end").build());
  }

  /** Runs {@code op} and then the workers, atomically; the answer is made before the workers run. */
  public synchronized <T> T respond(Supplier<T> op) {
    try {
      return op.get();
    } finally {
      work();
    }
  }

  Instant now() {
    return engine.clock().instant();
  }

  long nextSeq() {
    return ++seq;
  }

  // -------------------------------------------------------------------------------- admin

  /** Adds a deployment with its blueprint's workflows and a terminated create_deployment_environment. */
  public synchronized void addDeployment(Rows.Deployment d) {
    deployments.put(d.id(), d);
    Rows.Execution env = newExecution(d.id(), d.blueprintId(), "create_deployment_environment", false, DEFAULT_TENANT,
        CloudifyStates.TERMINATED);
    env.startedAt = env.createdAt;
    env.endedAt = env.createdAt;
    if (!"ok".equals(d.environment())) {
      env.status = "failed".equals(d.environment()) ? CloudifyStates.FAILED
          : "pending".equals(d.environment()) ? CloudifyStates.PENDING : CloudifyStates.STARTED;
    }
  }

  public synchronized void addDeploymentGroup(String id, List<String> deploymentIds) {
    deploymentGroups.put(id, new ArrayList<>(deploymentIds));
  }

  /** The deployment ids of a deployment group, or null. */
  public synchronized List<String> deploymentGroup(String id) {
    List<String> g = deploymentGroups.get(id);
    return g == null ? null : List.copyOf(g);
  }

  /** Starts a system workflow (no deployment) that waits until completed; returns its id. */
  public String startSystemWorkflow(String workflowId) {
    return respond(() -> {
      Rows.Execution e = newExecution(null, null, workflowId, true, DEFAULT_TENANT, CloudifyStates.PENDING);
      attachEngine(e, true);
      return e.id;
    });
  }

  /** Keeps cancelled executions in their *_cancelling status until {@link #finishCancellation}. */
  public synchronized void holdCancellations(boolean hold) {
    this.holdCancellations = hold;
  }

  /** Ends a held cancellation: the execution becomes {@code cancelled}. */
  public void finishCancellation(String id) {
    respond(() -> {
      Rows.Execution e = require(id);
      if (!isCancelling(e.status)) {
        throw new IllegalStateException("execution " + id + " is " + e.status + ", not cancelling");
      }
      end(e, CloudifyStates.CANCELLED, "");
      return null;
    });
  }

  /** The workflow of a started execution finishes: it becomes {@code terminated}. */
  public void completeExecution(String id) {
    respond(() -> {
      Rows.Execution e = require(id);
      if (!CloudifyStates.STARTED.equals(e.status) || e.engineInstanceId == null) {
        throw new IllegalStateException("execution " + id + " is " + e.status + ", not started");
      }
      InstanceSnapshot s = engine.get(e.engineInstanceId);
      if (!s.isEnded()) {
        engine.completeUserTask(e.engineInstanceId, "work", Map.of());
      }
      end(e, CloudifyStates.TERMINATED, "");
      return null;
    });
  }

  /** The workflow of a started execution fails with {@code error}. */
  public void failExecution(String id, String error) {
    respond(() -> {
      Rows.Execution e = require(id);
      if (!CloudifyStates.STARTED.equals(e.status)) {
        throw new IllegalStateException("execution " + id + " is " + e.status + ", not started");
      }
      end(e, CloudifyStates.FAILED, error);
      return null;
    });
  }

  /** A copy of an execution as the manager renders it, or null. */
  public synchronized Map<String, Object> execution(String id) {
    Rows.Execution e = executions.get(id);
    return e == null ? null : e.render();
  }

  /** The token an execution's workflow authenticates with ({@code Execution-Token}), or null. */
  public synchronized String executionToken(String id) {
    Rows.Execution e = executions.get(id);
    return e == null ? null : e.token;
  }

  /** Whether an Execution-Token belongs to an active execution (otherwise the manager answers 401). */
  synchronized boolean activeExecutionToken(String token) {
    return executions.values().stream().anyMatch(e -> e.token.equals(token) && StateRules.ACTIVE.contains(e.status));
  }

  /** The log lines of an execution group (deployments skipped for lacking the workflow). */
  public synchronized List<String> groupLogs(String groupId) {
    Rows.Group g = groups.get(groupId);
    return g == null ? List.of() : List.copyOf(g.logs);
  }

  /** The schedules created by starts with a {@code scheduled_time}. */
  public synchronized List<Map<String, Object>> schedules() {
    return List.copyOf(schedules);
  }

  // ------------------------------------------------------------------------------ storage

  Rows.Execution newExecution(String deploymentId, String blueprintId, String workflowId, boolean system, String tenant,
      String status) {
    return newExecution(UUID.randomUUID().toString(), deploymentId, blueprintId, workflowId, system, tenant, status);
  }

  Rows.Execution newExecution(String id, String deploymentId, String blueprintId, String workflowId, boolean system,
      String tenant, String status) {
    Rows.Execution e = new Rows.Execution(id, nextSeq(), deploymentId, blueprintId, workflowId, system, tenant, status);
    e.createdAt = now();
    executions.put(e.id, e);
    return e;
  }

  /**
   * Gives {@code e} the engine instance that runs its workflow, started now (it waits in task
   * {@code work}, or ends at once for a {@code succeed} workflow). With {@code takeId} the execution
   * takes the instance's id, so an execution and its engine instance are found by the same id.
   */
  void attachEngine(Rows.Execution e, boolean takeId) {
    Rows.Workflow w = workflowOf(e);
    InstanceSnapshot s = engine.start(w != null && "succeed".equals(w.run()) ? SUCCEED_PROCESS : WAIT_PROCESS,
        e.parameters);
    e.engineInstanceId = s.id();
    if (takeId) {
      executions.remove(e.id);
      e.id = s.id();
      executions.put(e.id, e);
    }
  }

  Rows.Execution require(String id) {
    Rows.Execution e = executions.get(id);
    if (e == null) {
      throw ManagerError.notFound("Execution", id);
    }
    return e;
  }

  List<Rows.Execution> membersOf(Rows.Group g) {
    List<Rows.Execution> out = new ArrayList<>();
    for (String id : g.executionIds) {
      Rows.Execution e = executions.get(id);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  String groupStatus(Rows.Group g) {
    return StateRules.groupStatus(membersOf(g).stream().map(e -> e.status).toList());
  }

  List<Rows.Group> groupsOf(Rows.Execution e) {
    return groups.values().stream().filter(g -> g.executionIds.contains(e.id)).toList();
  }

  // ------------------------------------------------------------------------------- queueing

  /** A system workflow is active or queued: everything else queues behind it (notes §6, [?] 1). */
  boolean systemBusy(Rows.Execution except) {
    return executions.values().stream().anyMatch(x -> x != except && x.system
        && (StateRules.ACTIVE.contains(x.status) || CloudifyStates.QUEUED.equals(x.status)));
  }

  /** Another execution of the deployment is active, or queued before {@code e}. */
  boolean deploymentBusy(Rows.Execution e) {
    return e.deploymentId != null && executions.values().stream().anyMatch(x -> x != e
        && e.deploymentId.equals(x.deploymentId)
        && (StateRules.ACTIVE.contains(x.status) || (CloudifyStates.QUEUED.equals(x.status) && x.seq < e.seq)));
  }

  /** A group of {@code e} already runs as many members as its concurrency allows. */
  boolean groupFull(Rows.Execution e) {
    for (Rows.Group g : groupsOf(e)) {
      long active = membersOf(g).stream().filter(x -> x != e && StateRules.ACTIVE.contains(x.status)).count();
      if (active >= g.concurrency) {
        return true;
      }
    }
    return false;
  }

  boolean anyOtherActive(Rows.Execution e) {
    return executions.values().stream().anyMatch(x -> x != e && StateRules.ACTIVE.contains(x.status));
  }

  /** Whether a queued execution may run now ({@code _get_queued_executions} + the start checks). */
  private boolean canRun(Rows.Execution e) {
    if (e.system) {
      return !anyOtherActive(e);
    }
    return !systemBusy(e) && !deploymentBusy(e) && !groupFull(e);
  }

  // --------------------------------------------------------------------------------- worker

  /** The manager's workers, until nothing changes. */
  synchronized void work() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rows.Execution e : List.copyOf(executions.values())) {
        if (CloudifyStates.PENDING.equals(e.status)) {
          run(e);
          changed = true;
        } else if (isCancelling(e.status) && !holdCancellations) {
          end(e, CloudifyStates.CANCELLED, e.error);
          changed = true;
        }
      }
      changed |= dequeue();
    }
  }

  private boolean dequeue() {
    List<Rows.Execution> queued = new ArrayList<>();
    executions.values().stream().filter(e -> e.system && CloudifyStates.QUEUED.equals(e.status)).forEach(queued::add);
    executions.values().stream().filter(e -> !e.system && CloudifyStates.QUEUED.equals(e.status)).forEach(queued::add);
    Set<String> seen = new HashSet<>();
    boolean changed = false;
    for (Rows.Execution e : queued) {
      if (e.deploymentId != null && !seen.add(e.deploymentId)) {
        continue; // one per deployment and round
      }
      if (canRun(e)) {
        e.status = CloudifyStates.PENDING;
        changed = true;
      }
    }
    return changed;
  }

  private void run(Rows.Execution e) {
    Rows.Workflow w = workflowOf(e);
    String run = w == null ? "wait" : w.run();
    e.status = CloudifyStates.STARTED;
    e.startedAt = now();
    e.endedAt = null;
    if (e.engineInstanceId == null) {
      attachEngine(e, false); // a resumed execution runs on a new engine instance
    }
    if ("succeed".equals(run)) {
      end(e, CloudifyStates.TERMINATED, "");
    } else if ("fail".equals(run)) {
      end(e, CloudifyStates.FAILED, w.error() == null ? "workflow failed" : w.error());
    }
  }

  Rows.Workflow workflowOf(Rows.Execution e) {
    Rows.Deployment d = e.deploymentId == null ? null : deployments.get(e.deploymentId);
    return d == null ? null : d.workflows().get(e.workflowId);
  }

  /**
   * Ends {@code e} in an END status: ended_at set, its engine instance stopped, and its deployment
   * added to the success (terminated) or failure (failed) group of its execution groups
   * ({@code _update_execution_group}).
   */
  void end(Rows.Execution e, String status, String error) {
    e.status = status;
    e.error = error == null ? "" : error;
    e.endedAt = now();
    stopEngineInstance(e);
    for (Rows.Group g : groupsOf(e)) {
      String target = CloudifyStates.TERMINATED.equals(status) ? g.successGroupId
          : CloudifyStates.FAILED.equals(status) ? g.failureGroupId : null;
      List<String> deployments = target == null ? null : deploymentGroups.get(target);
      if (deployments != null && e.deploymentId != null && !deployments.contains(e.deploymentId)) {
        deployments.add(e.deploymentId);
      }
    }
  }

  void stopEngineInstance(Rows.Execution e) {
    if (e.engineInstanceId != null) {
      InstanceSnapshot s = engine.get(e.engineInstanceId);
      if (!s.isEnded()) {
        engine.cancel(e.engineInstanceId);
      }
      e.engineInstanceId = null;
    }
  }

  static boolean isCancelling(String status) {
    return CloudifyStates.CANCELLING.equals(status) || CloudifyStates.FORCE_CANCELLING.equals(status)
        || CloudifyStates.KILL_CANCELLING.equals(status);
  }
}
