package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;
import static io.flowport.testkit.engine.EngineException.Reason.STALE_VERSION;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeExecutionData;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.internal.Compiled.CFlow;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * bamboo's node state machine (bk-sops): the node tree and node data, and the node operations
 * (pause, resume, retry, skip, gateway skips, force-fail, callback with state version, retry of a
 * subprocess), each allowed only from the states {@link io.flowport.testkit.engine.NodeStatus}'s
 * transition table permits. Not API.
 */
final class NodeStateMachine extends EnginePart {
  NodeStateMachine(EngineState st) {
    super(st);
  }

  NodeSnapshot tree(String instanceId) {
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      NodeStatus rootState = switch (inst.state()) {
        case COMPLETED -> NodeStatus.FINISHED;
        case CANCELLED -> NodeStatus.REVOKED;
        case SUSPENDED -> NodeStatus.SUSPENDED;
        case QUEUED -> NodeStatus.READY;
        default -> NodeStatus.RUNNING;
      };
      return new NodeSnapshot(inst.key, inst.def.compiled.name, NodeType.PROCESS, rootState, 0, 1, false, inst.rootVersion, inst.start,
          inst.end, children(inst, null));
    });
  }

  private List<NodeSnapshot> children(InstanceRec inst, NodeRun parent) {
    List<NodeSnapshot> out = new ArrayList<>();
    for (NodeRun r : inst.nodes.values()) {
      if (r.parent == parent) {
        out.add(new NodeSnapshot(r.node.id, r.node.name, r.node.type, r.state, r.retry, r.loop, r.skip, r.version, r.started, r.finished,
            r.node.type == NodeType.SUB_PROCESS ? children(inst, r) : List.of()));
      }
    }
    return List.copyOf(out);
  }

  NodeExecutionData executionData(String instanceId, String nodeId) {
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      CNode n = cnode(inst, nodeId);
      NodeRun run = inst.nodes.get(n.id);
      return run == null ? new NodeExecutionData(n.id, Map.of(), Map.of(), null) : new NodeExecutionData(n.id, run.inputs, run.outputs, run.error);
    });
  }

  List<NodeAttempt> histories(String instanceId, String nodeId) {
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      CNode n = cnode(inst, nodeId);
      return List.copyOf(inst.histories.getOrDefault(n.id, List.of()));
    });
  }

  void pauseNode(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      CNode n = cnode(inst, nodeId);
      if (n.type == NodeType.SUB_PROCESS) {
        throw illegal("Can not pause subprocess node '" + nodeId + "' with pauseNode; suspend the instance instead");
      }
      NodeRun run = inst.nodes.get(n.id);
      if (run == null) {
        tokens().newRun(inst, n, NodeStatus.SUSPENDED);
      } else {
        tokens().transit(inst, run, NodeStatus.SUSPENDED);
      }
    });
  }

  void resumeNode(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type == NodeType.SUB_PROCESS) {
        throw illegal("Can not resume subprocess node '" + nodeId + "' with resumeNode; resume the instance instead");
      }
      expectState(run, NodeStatus.SUSPENDED, "resume");
      tokens().transit(inst, run, NodeStatus.READY);
      if (run.parked) {
        run.parked = false;
        work.add(() -> {
          tokens().transit(inst, run, NodeStatus.RUNNING);
          run.started = now();
          tokens().execute(inst, run);
        });
      } else if (run.job != null || run.sub != null || run.timer != null) {
        tokens().transit(inst, run, NodeStatus.RUNNING);
        if (run.job != null && handlers.containsKey(run.job.type)) {
          JobRec j = run.job;
          JobHandler h = handlers.get(j.type);
          work.add(() -> jobQueue().invokeHandler(j, h));
        }
        work.add(() -> timerQueue().unblock(inst, run));
      }
    });
  }

  void retryNode(String instanceId, String nodeId, Map<String, Object> inputs) {
    Map<String, Object> in = inputs == null ? Map.of() : requireVars(inputs, "inputs");
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      expectState(run, NodeStatus.FAILED, "retry");
      if (run.node.type == NodeType.SUB_PROCESS) {
        throw illegal("Can not retry subprocess node '" + nodeId + "' with retryNode; use retrySubprocess");
      }
      retryRun(inst, run, in);
    });
  }

  void retryRun(InstanceRec inst, NodeRun run, Map<String, Object> inputs) {
    tokens().recordHistory(inst, run);
    inst.incidents.remove(run.node.id);
    if (inputs != null) {
      inst.vars.putAll(inputs);
    }
    tokens().transit(inst, run, NodeStatus.READY);
    run.retry++;
    run.error = null;
    run.outputs = Map.of();
    run.inputs = Map.of();
    run.finished = null;
    tokens().recoverParents(inst, run);
    work.add(() -> {
      if (inst.endState != null || run.state != NodeStatus.READY) {
        return;
      }
      tokens().transit(inst, run, NodeStatus.RUNNING);
      run.started = now();
      tokens().execute(inst, run);
    });
  }

  void skipNode(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      expectState(run, NodeStatus.FAILED, "skip");
      if (!run.node.type.isActivity() && run.node.type != NodeType.START_EVENT) {
        throw illegal("Can not skip node '" + nodeId + "': only activities and start events can be skipped, it is a " + run.node.type);
      }
      skipTo(inst, run, run.node.outgoing, List.of());
    });
  }

  private void skipTo(InstanceRec inst, NodeRun run, List<CFlow> taken, List<CFlow> dead) {
    tokens().recordHistory(inst, run);
    inst.incidents.remove(run.node.id);
    tokens().transit(inst, run, NodeStatus.FINISHED);
    run.skip = true;
    run.finished = now();
    tokens().recoverParents(inst, run);
    tokens().leave(inst, run, taken, dead);
  }

  void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
    requireId(flowId, "flowId");
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type != NodeType.EXCLUSIVE_GATEWAY) {
        throw illegal("Node '" + nodeId + "' is not an exclusive gateway but a " + run.node.type);
      }
      expectState(run, NodeStatus.FAILED, "skip");
      CFlow flow = run.node.flow(flowId);
      if (flow == null) {
        throw new EngineException(INVALID_ARGUMENT, "Flow '" + flowId + "' is not an outgoing flow of gateway '" + nodeId + "'");
      }
      skipTo(inst, run, List.of(flow), List.of());
    });
  }

  void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
    if (flowIds == null || flowIds.isEmpty()) {
      throw new EngineException(INVALID_ARGUMENT, "flowIds must not be null or empty");
    }
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type != NodeType.CONDITIONAL_PARALLEL_GATEWAY) {
        throw illegal("Node '" + nodeId + "' is not a conditional parallel gateway but a " + run.node.type);
      }
      expectState(run, NodeStatus.FAILED, "skip");
      List<CFlow> taken = new ArrayList<>();
      for (String id : new LinkedHashSet<>(flowIds)) {
        CFlow flow = run.node.flow(requireId(id, "flowId"));
        if (flow == null) {
          throw new EngineException(INVALID_ARGUMENT, "Flow '" + id + "' is not an outgoing flow of gateway '" + nodeId + "'");
        }
        taken.add(flow);
      }
      List<CFlow> dead = new ArrayList<>(run.node.outgoing);
      dead.removeAll(taken);
      skipTo(inst, run, taken, dead);
    });
  }

  void forceFail(String instanceId, String nodeId, String message) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (!run.node.type.isActivity()) {
        throw illegal("Can not force-fail node '" + nodeId + "': only activities can be force-failed, it is a " + run.node.type);
      }
      expectState(run, NodeStatus.RUNNING, "force-fail");
      String jobKey = run.job == null ? null : run.job.key;
      commands().clearWait(run);
      tokens().fail(inst, run, message == null ? "forced fail" : message, jobKey);
    });
  }

  void callback(String instanceId, String nodeId, Map<String, Object> data, String version) {
    Map<String, Object> vars = data == null ? Map.of() : requireVars(data, "data");
    requireId(version, "version");
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      boolean waiting = run.state == NodeStatus.RUNNING && (run.job != null || run.sub != null);
      if (!waiting) {
        throw illegal("Can not callback node '" + nodeId + "': it is not waiting for a callback (" + run.node.type + ", " + run.state + ")");
      }
      if (!version.equals(run.version)) {
        throw new EngineException(STALE_VERSION,
            "State version of node '" + nodeId + "' does not match: expected '" + run.version + "', got '" + version + "'");
      }
      commands().clearWait(run);
      inst.vars.putAll(vars);
      tokens().finish(inst, run, vars, run.node.outgoing, List.of());
    });
  }

  void retrySubprocess(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun sub = reached(inst, nodeId);
      if (sub.node.type != NodeType.SUB_PROCESS) {
        throw illegal("Node '" + nodeId + "' is not a subprocess but a " + sub.node.type);
      }
      expectState(sub, NodeStatus.FAILED, "retry subprocess");
      for (NodeRun r : new ArrayList<>(inst.nodes.values())) {
        if (isInside(r, sub)) {
          tokens().recordHistory(inst, r);
          commands().clearWait(r);
          if (r.state == NodeStatus.FAILED) {
            inst.failedCount--;
          }
          inst.incidents.remove(r.node.id);
          inst.joins.remove(r.node.id);
          inst.nodes.remove(r.node.id);
        }
      }
      for (CNode n : inst.def.compiled.nodes.values()) {
        if (n.scope == sub.node.inner) {
          inst.joins.remove(n.id);
        }
      }
      tokens().recordHistory(inst, sub);
      tokens().transit(inst, sub, NodeStatus.READY);
      sub.retry++;
      sub.error = null;
      sub.finished = null;
      tokens().recoverParents(inst, sub);
      tokens().transit(inst, sub, NodeStatus.RUNNING);
      sub.started = now();
      tokens().execute(inst, sub);
    });
  }

  private static boolean isInside(NodeRun r, NodeRun ancestor) {
    for (NodeRun p = r.parent; p != null; p = p.parent) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
