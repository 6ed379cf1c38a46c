package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ALREADY_EXISTS;
import static io.flowport.testkit.engine.EngineException.Reason.GROUP_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.GroupSnapshot;
import io.flowport.testkit.engine.GroupStatus;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.StartCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution groups, modelled on Cloudify's (engine-wire-notes §1 and §6): a group of targets is a
 * named list of target names (Cloudify: a deployment group); starting a group on it creates one
 * instance of a definition per target, all {@link InstanceStatus#QUEUED}, and releases as many as
 * the concurrency allows. A member that settles (completes, is cancelled or fails) frees its slot
 * for the next queued one, and its target joins the group's success or failure group of targets.
 *
 * <p>Built on the engine's own operations: members are ordinary instances, followed through
 * {@link EngineCore#onChange}, which runs after the engine's lock is released, so the calls back
 * into the engine from here never nest inside it. Everything here is guarded by this object's
 * monitor (re-entered when releasing a member changes another). Not API.
 */
public final class ExecutionGroups {
  private final EngineCore core;
  private final Map<String, List<String>> targetGroups = new LinkedHashMap<>();
  private final Map<String, GroupRec> groups = new LinkedHashMap<>();
  private final Map<String, GroupRec> groupOfMember = new LinkedHashMap<>();
  private long nextGroup = 1;

  /** One execution group; members map instance id → target, in target order. */
  private static final class GroupRec {
    final String id;
    final String targetGroupId;
    final String processId;
    final Map<String, String> targetOf = new LinkedHashMap<>();
    final Map<String, InstanceStatus> states = new LinkedHashMap<>();
    int concurrency;
    boolean cancelled;
    String successGroupId;
    String failureGroupId;

    GroupRec(String id, String targetGroupId, String processId, int concurrency) {
      this.id = id;
      this.targetGroupId = targetGroupId;
      this.processId = processId;
      this.concurrency = concurrency;
    }

    int running() {
      int n = 0;
      for (InstanceStatus s : states.values()) {
        if (s != InstanceStatus.QUEUED && !s.isSettled()) {
          n++;
        }
      }
      return n;
    }
  }

  public ExecutionGroups(EngineCore core) {
    this.core = core;
    core.onChange(this::memberChanged);
  }

  /** Defines a group of targets; a used id → ALREADY_EXISTS. */
  public synchronized void createTargetGroup(String groupId, List<String> targets) {
    EnginePart.requireId(groupId, "groupId");
    if (targets == null) {
      throw new EngineException(INVALID_ARGUMENT, "targets must not be null");
    }
    targets.forEach(t -> EnginePart.requireId(t, "target"));
    if (targetGroups.containsKey(groupId)) {
      throw new EngineException(ALREADY_EXISTS, "A group of targets with id '" + groupId + "' already exists");
    }
    targetGroups.put(groupId, new ArrayList<>(targets));
  }

  /** The targets of a group of targets, in order. */
  public synchronized List<String> targetGroup(String groupId) {
    return List.copyOf(targets(groupId));
  }

  private List<String> targets(String groupId) {
    EnginePart.requireId(groupId, "groupId");
    List<String> targets = targetGroups.get(groupId);
    if (targets == null) {
      throw new EngineException(GROUP_NOT_FOUND, "Requested group of targets '" + groupId + "' was not found");
    }
    return targets;
  }

  /**
   * Starts {@code processId} once per target of {@code targetGroupId}, with {@code parameters}
   * and the variable {@code target} naming the member's target.
   */
  public synchronized GroupSnapshot start(String targetGroupId, String processId, Map<String, Object> parameters,
      int concurrency) {
    EnginePart.requireId(processId, "processId");
    if (concurrency < 0) {
      throw new EngineException(INVALID_ARGUMENT, "concurrency must be at least 0, was " + concurrency);
    }
    List<String> targets = targets(targetGroupId);
    if (targets.isEmpty()) {
      throw new EngineException(INVALID_ARGUMENT, "The group of targets '" + targetGroupId + "' has no targets");
    }
    GroupRec group = new GroupRec("group-" + nextGroup++, targetGroupId, processId, concurrency);
    for (String target : targets) {
      Map<String, Object> vars = new LinkedHashMap<>(parameters == null ? Map.of() : parameters);
      vars.put("target", target);
      InstanceSnapshot member = core.createQueued(StartCommand.process(processId).withVariables(vars));
      group.targetOf.put(member.id(), target);
      group.states.put(member.id(), member.state());
      groupOfMember.put(member.id(), group);
    }
    groups.put(group.id, group);
    fillSlots(group);
    return snapshot(group);
  }

  /** The group as it stands. */
  public synchronized GroupSnapshot get(String groupId) {
    return snapshot(group(groupId));
  }

  /**
   * Cancels every member that has not ended: queued ones first, so that none is released by a
   * running one ending. Nothing left to cancel → ILLEGAL_STATE (Cloudify answers 404 then).
   */
  public synchronized void cancel(String groupId) {
    GroupRec group = group(groupId);
    List<String> queued = new ArrayList<>();
    List<String> started = new ArrayList<>();
    group.states.forEach((id, state) -> {
      if (state == InstanceStatus.QUEUED) {
        queued.add(id);
      } else if (!state.isEnded()) {
        started.add(id);
      }
    });
    if (queued.isEmpty() && started.isEmpty()) {
      throw new EngineException(ILLEGAL_STATE, "Group '" + groupId + "' has no member left to cancel");
    }
    group.cancelled = true;
    queued.forEach(core::cancel);
    started.forEach(core::cancel);
  }

  /** Sets how many members may run at once; raising it releases queued members. */
  public synchronized void setConcurrency(String groupId, int concurrency) {
    if (concurrency < 0) {
      throw new EngineException(INVALID_ARGUMENT, "concurrency must be at least 0, was " + concurrency);
    }
    GroupRec group = group(groupId);
    group.concurrency = concurrency;
    fillSlots(group);
  }

  /**
   * Names the groups of targets that members' targets join when they complete ({@code success})
   * or fail ({@code failure}); either may be null. Members that have already settled join at once.
   */
  public synchronized void setTargetGroups(String groupId, String successGroupId, String failureGroupId) {
    GroupRec group = group(groupId);
    if (successGroupId != null) {
      targets(successGroupId);
    }
    if (failureGroupId != null) {
      targets(failureGroupId);
    }
    group.successGroupId = successGroupId;
    group.failureGroupId = failureGroupId;
    group.states.forEach((id, state) -> recordOutcome(group, id, state));
  }

  private GroupRec group(String groupId) {
    EnginePart.requireId(groupId, "groupId");
    GroupRec group = groups.get(groupId);
    if (group == null) {
      throw new EngineException(GROUP_NOT_FOUND, "Requested execution group '" + groupId + "' was not found");
    }
    return group;
  }

  private synchronized void memberChanged(InstanceSnapshot snapshot) {
    GroupRec group = groupOfMember.get(snapshot.id());
    if (group == null) {
      return;
    }
    InstanceStatus before = group.states.put(snapshot.id(), snapshot.state());
    if (before != snapshot.state()) {
      recordOutcome(group, snapshot.id(), snapshot.state());
    }
    if (snapshot.state().isSettled()) {
      fillSlots(group);
    }
  }

  /** Releases queued members, in target order, while the concurrency allows. */
  private void fillSlots(GroupRec group) {
    while (!group.cancelled && group.running() < group.concurrency) {
      String next = null;
      for (Map.Entry<String, InstanceStatus> e : group.states.entrySet()) {
        if (e.getValue() == InstanceStatus.QUEUED) {
          next = e.getKey();
          break;
        }
      }
      if (next == null) {
        return;
      }
      // Counted as running before the engine runs it: releasing may end it at once, and the
      // engine's change notice re-enters memberChanged (and this loop) before release returns.
      group.states.put(next, InstanceStatus.RUNNING);
      core.release(next);
    }
  }

  private void recordOutcome(GroupRec group, String memberId, InstanceStatus state) {
    String joins = state == InstanceStatus.COMPLETED ? group.successGroupId
        : state == InstanceStatus.FAILED ? group.failureGroupId : null;
    if (joins != null) {
      List<String> targets = targetGroups.get(joins);
      String target = group.targetOf.get(memberId);
      if (!targets.contains(target)) {
        targets.add(target);
      }
    }
  }

  private static GroupSnapshot snapshot(GroupRec group) {
    return new GroupSnapshot(group.id, group.targetGroupId, group.processId, status(group.states.values()),
        group.concurrency, List.copyOf(group.states.keySet()), group.successGroupId, group.failureGroupId);
  }

  /** Cloudify's derivation: all queued → QUEUED; all ended → FAILED if any failed, else TERMINATED. */
  static GroupStatus status(Iterable<InstanceStatus> members) {
    boolean allQueued = true;
    boolean allEnded = true;
    boolean anyFailed = false;
    for (InstanceStatus s : members) {
      allQueued &= s == InstanceStatus.QUEUED;
      allEnded &= s.isSettled();
      anyFailed |= s == InstanceStatus.FAILED;
    }
    if (allQueued) {
      return GroupStatus.QUEUED;
    }
    if (allEnded) {
      return anyFailed ? GroupStatus.FAILED : GroupStatus.TERMINATED;
    }
    return GroupStatus.STARTED;
  }
}
