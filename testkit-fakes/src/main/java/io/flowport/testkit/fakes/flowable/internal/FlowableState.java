package io.flowport.testkit.fakes.flowable.internal;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.fakes.rest.RestError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Flowable fake keeps beside the engine (deployment records, start users, delete reasons,
 * hidden variables, assignees, identity links) and the lookups every resource shares, in Flowable's
 * terms: a runtime instance is a running one (ended instances leave Flowable's runtime tables), a
 * process definition id is {@code key:version:<engine key>}, and a miss is Flowable's 404 text.
 * Guarded by {@code RestApi}'s one-request-at-a-time.
 */
final class FlowableState {
  /** What Flowable records as delete reason when DELETE names none (DeleteReason.PROCESS_INSTANCE_DELETED). */
  static final String DEFAULT_DELETE_REASON = "process instance deleted";

  final InMemoryEngine engine;
  /** The user every request is authenticated as (null without auth): Flowable's start user. */
  final String user;
  /** Messages and categories of the deployed BPMN, which the engine does not keep. */
  final BpmnIndex index = new BpmnIndex();
  /** Deployments made through the fake, by id. */
  final Map<String, DeploymentRec> deployments = new ConcurrentHashMap<>();
  final Set<String> deletedDeployments = ConcurrentHashMap.newKeySet();
  final Map<String, String> deleteReasons = new ConcurrentHashMap<>();
  final Map<String, String> startUsers = new ConcurrentHashMap<>();
  /** Instance id → variables deleted through the API (the engine cannot remove one: the fake hides it). */
  final Map<String, Set<String>> removedVariables = new ConcurrentHashMap<>();
  /** Task id → assignee. */
  final Map<String, String> assignees = new ConcurrentHashMap<>();
  /** Child execution id → {instance id, activity id}. */
  private final Map<String, String[]> childExecutions = new ConcurrentHashMap<>();
  /** Tasks already given their BPMN assignee. */
  private final Set<String> seenTasks = ConcurrentHashMap.newKeySet();
  /** Instance id → identity links (user, type), in creation order. */
  final Map<String, List<String[]>> identityLinks = new ConcurrentHashMap<>();

  FlowableState(InMemoryEngine engine, String user) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.user = user;
  }

  record DeploymentRec(String id, String name, Instant time, String category, String key, String tenantId) {}

  /** A deployment made through the fake, or one synthesized for definitions deployed on the engine directly. */
  DeploymentRec deployment(String id) {
    if (deletedDeployments.contains(id)) {
      throw RestError.notFound("Could not find a deployment with id '" + id + "'.");
    }
    DeploymentRec rec = deployments.get(id);
    if (rec != null) {
      return rec;
    }
    return engine.definitions().stream().filter(d -> d.deploymentKey().equals(id)).findFirst()
        .map(d -> new DeploymentRec(id, d.resourceName(), d.deployedAt(), null, null, d.tenantId()))
        .orElseThrow(() -> RestError.notFound("Could not find a deployment with id '" + id + "'."));
  }

  List<DeployedModel> visibleDefinitions() {
    return engine.definitions().stream().filter(d -> !deletedDeployments.contains(d.deploymentKey())).toList();
  }

  static String flowableId(DeployedModel d) {
    return d.processId() + ":" + d.version() + ":" + d.key();
  }

  DeployedModel definitionById(String id, boolean notFoundIs404) {
    return visibleDefinitions().stream().filter(d -> flowableId(d).equals(id)).findFirst().orElseThrow(() ->
        notFoundIs404
            ? RestError.notFound("Could not find a process definition with id '" + id + "'.")
            : RestError.badRequest("no deployed process definition found with id '" + id + "'"));
  }

  Optional<DeployedModel> latest(String key, String tenantId) {
    String tenant = tenantId == null ? "" : tenantId;
    return visibleDefinitions().stream()
        .filter(d -> d.processId().equals(key) && tenant.equals(d.tenantId()))
        .max(Comparator.comparingInt(DeployedModel::version));
  }

  DeployedModel definitionOf(InstanceSnapshot s) {
    return engine.definition(s.definitionKey());
  }

  /** A running instance; ended ones are gone from Flowable's runtime tables. */
  InstanceSnapshot runtimeInstance(String id) {
    return runtimeOrNull(id).orElseThrow(() ->
        RestError.notFound("Could not find a process instance with id '" + id + "'."));
  }

  Optional<InstanceSnapshot> runtimeOrNull(String id) {
    try {
      InstanceSnapshot s = engine.get(id);
      return s.isEnded() ? Optional.empty() : Optional.of(s);
    } catch (EngineException e) {
      if (e.reason() == EngineException.Reason.INSTANCE_NOT_FOUND || e.reason() == EngineException.Reason.INVALID_ARGUMENT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  List<InstanceSnapshot> runtimeInstances() {
    return engine.list(InstanceFilter.all()).stream().filter(s -> !s.isEnded()).toList();
  }

  Map<String, Object> visibleVariables(InstanceSnapshot s) {
    Set<String> removed = removedVariables.get(s.id());
    if (removed == null || removed.isEmpty()) {
      return s.variables();
    }
    Map<String, Object> out = new LinkedHashMap<>(s.variables());
    out.keySet().removeAll(removed);
    return out;
  }

  /** The running instance of an execution id: the instance's own id or one of its child executions. */
  InstanceSnapshot execution(String id) {
    String[] child = childExecutions.get(id);
    return runtimeOrNull(child == null ? id : child[0]).orElseThrow(() ->
        RestError.notFound("Could not find an execution with id '" + id + "'."));
  }

  /** The activity a child execution id stands for, or null for an instance's own execution. */
  String executionActivity(String id) {
    String[] child = childExecutions.get(id);
    return child == null ? null : child[1];
  }

  /**
   * The child execution that runs {@code activityId} of an instance: Flowable gives each waiting
   * activity its own execution below the process instance's ({@code parentId}); the fake names it
   * {@code <instance id>.<activity id>}.
   */
  String childExecutionId(String instanceId, String activityId) {
    String id = instanceId + "." + activityId;
    childExecutions.putIfAbsent(id, new String[] {instanceId, activityId});
    return id;
  }

  void upsert(String id, Map<String, Object> vars) {
    engine.upsertVariables(id, vars);
    unhide(id, vars.keySet());
  }

  void unhide(String id, Set<String> names) {
    Set<String> removed = removedVariables.get(id);
    if (removed != null) {
      removed.removeAll(names);
    }
  }

  /** The open user tasks; a task seen for the first time gets its BPMN assignee (see {@link #assign}). */
  List<JobSnapshot> userTasks() {
    List<JobSnapshot> out = new ArrayList<>();
    for (JobSnapshot j : engine.activeJobs(null)) {
      Optional<InstanceSnapshot> s = j.type().startsWith("user:") ? runtimeOrNull(j.instanceId()) : Optional.empty();
      if (s.isPresent()) {
        if (seenTasks.add(j.key())) {
          BpmnIndex.ProcessInfo info = index.get(s.get().definitionKey());
          String assignee = info == null ? null : info.assigneeByNode().get(j.nodeId());
          if (assignee != null) {
            assign(j, assignee);
          }
        }
        out.add(j);
      }
    }
    return out;
  }

  /**
   * Assigns a task; as Flowable does, the assignee becomes a participant of the process instance
   * (once: Flowable adds no second participant link for the same user).
   */
  void assign(JobSnapshot task, String assignee) {
    assignees.put(task.key(), assignee);
    List<String[]> links = identityLinks.computeIfAbsent(task.instanceId(), k -> new ArrayList<>());
    if (links.stream().noneMatch(l -> l[0].equals(assignee) && l[1].equals("participant"))) {
      links.add(new String[] {assignee, "participant"});
    }
  }

  JobSnapshot task(String id) {
    return userTasks().stream().filter(j -> j.key().equals(id)).findFirst()
        .orElseThrow(() -> RestError.notFound("Could not find a task with id '" + id + "'."));
  }

  InstanceSnapshot historic(String id) {
    try {
      return engine.get(id);
    } catch (EngineException e) {
      if (e.reason() == EngineException.Reason.INSTANCE_NOT_FOUND || e.reason() == EngineException.Reason.INVALID_ARGUMENT) {
        throw RestError.notFound("Could not find a process instance with id '" + id + "'.");
      }
      throw e;
    }
  }
}
