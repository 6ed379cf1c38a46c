package io.flowport.testkit.fakes.bksops.internal;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * bamboo_engine's preconditions of each pipeline and node operation ({@code bamboo_engine/engine.py}),
 * checked in bamboo's order with bamboo's messages before the in-memory engine acts. A refusal is a
 * {@link BambooError}, which bk-sops reports as {@code "fail: <traceback>"}.
 */
final class NodeRules {
  private final InMemoryEngine engine;

  NodeRules(InMemoryEngine engine) {
    this.engine = engine;
  }

  // ------------------------------------------------------------------ pipelines

  /** The root pipeline's bamboo state: the instance stays RUNNING when a node fails. */
  NodeStatus rootState(FakeTask task) {
    InstanceStatus s = engine.get(task.instanceId).state();
    return switch (s) {
      case SUSPENDED -> NodeStatus.SUSPENDED;
      case COMPLETED -> NodeStatus.FINISHED;
      case CANCELLED -> NodeStatus.REVOKED;
      default -> NodeStatus.RUNNING;
    };
  }

  void pausePipeline(FakeTask task) {
    transit(task.instanceId, rootState(task), NodeStatus.SUSPENDED);
    run(() -> engine.pauseInstance(task.instanceId));
  }

  void resumePipeline(FakeTask task) {
    NodeStatus state = rootState(task);
    if (state != NodeStatus.SUSPENDED) {
      throw BambooError.invalidOperation("pipeline(" + task.instanceId + ") state is: " + state);
    }
    run(() -> engine.resumeInstance(task.instanceId));
  }

  void revokePipeline(FakeTask task) {
    transit(task.instanceId, rootState(task), NodeStatus.REVOKED);
    run(() -> engine.revokeInstance(task.instanceId));
  }

  // ------------------------------------------------------------------ nodes

  void retry(FakeTask task, String nodeId, Map<String, Object> inputs) {
    if (task.template.typeOf(nodeId) == NodeType.SUB_PROCESS) {
      throw BambooError.invalidOperation("can not retry node(" + nodeId + ") with can_retry(False)");
    }
    requireFailed(task, nodeId);
    run(() -> engine.retryNode(task.instanceId, nodeId, inputs.isEmpty() ? null : inputs));
  }

  void skip(FakeTask task, String nodeId) {
    NodeType type = task.template.typeOf(nodeId);
    if (!(type.isActivity() || type == NodeType.START_EVENT || type == NodeType.TIMER_CATCH_EVENT
        || type == NodeType.MESSAGE_CATCH_EVENT)) {
      throw BambooError.invalidOperation("can not use skip_node api for NodeType." + FakeTask.bambooType(type));
    }
    requireFailed(task, nodeId);
    run(() -> engine.skipNode(task.instanceId, nodeId));
  }

  void skipExclusiveGateway(FakeTask task, String nodeId, String flowId) {
    NodeType type = task.template.typeOf(nodeId);
    if (type != NodeType.EXCLUSIVE_GATEWAY) {
      throw BambooError.invalidOperation(nodeId + " is not exclusive gateway, actual: " + FakeTask.bambooType(type));
    }
    if (!task.template.outgoingFlows().getOrDefault(nodeId, List.of()).contains(flowId)) {
      throw new BambooError("KeyError", "'" + flowId + "'"); // node.targets[flow_id], before the state check
    }
    requireFailed(task, nodeId);
    run(() -> engine.skipExclusiveGateway(task.instanceId, nodeId, flowId));
  }

  void forcedFail(FakeTask task, String nodeId, String username) {
    NodeType type = task.template.typeOf(nodeId);
    if (!type.isActivity()) {
      throw BambooError.invalidOperation(nodeId + " is not activity, actual: " + FakeTask.bambooType(type));
    }
    NodeStatus state = state(task, nodeId).map(NodeSnapshot::state).orElse(null);
    if (state != NodeStatus.RUNNING) {
      throw BambooError.invalidOperation(nodeId + " state is not RUNNING, actual: " + state);
    }
    run(() -> engine.forceFail(task.instanceId, nodeId, "The node has been terminated by " + username + "."));
  }

  void retrySubprocess(FakeTask task, String nodeId) {
    if (task.template.typeOf(nodeId) != NodeType.SUB_PROCESS) {
      throw BambooError.invalidOperation("node(" + nodeId + ") type is not SubProcess");
    }
    requireFailed(task, nodeId);
    run(() -> engine.retrySubprocess(task.instanceId, nodeId));
  }

  void pauseNode(FakeTask task, String nodeId) {
    notSubprocess(task, nodeId);
    Optional<NodeSnapshot> state = state(task, nodeId);
    if (state.isPresent()) {
      transit(nodeId, state.get().state(), NodeStatus.SUSPENDED);
    }
    run(() -> engine.pauseNode(task.instanceId, nodeId)); // a node not reached yet gets a SUSPENDED state
  }

  void resumeNode(FakeTask task, String nodeId) {
    notSubprocess(task, nodeId);
    Optional<NodeSnapshot> state = state(task, nodeId);
    if (state.isEmpty()) {
      return; // set_state creates a READY state, which is what a node not reached reads anyway
    }
    transit(nodeId, state.get().state(), NodeStatus.READY);
    run(() -> engine.resumeNode(task.instanceId, nodeId));
  }

  /**
   * pause_pipeline on a subprocess: it goes SUSPENDED and the fake pauses its running children
   * (the in-memory engine has no pipeline state per subprocess).
   */
  void pauseSubprocess(FakeTask task, String nodeId) {
    NodeSnapshot sub = subprocessState(task, nodeId);
    NodeStatus current = task.pausedSubprocesses.containsKey(nodeId) ? NodeStatus.SUSPENDED : sub.state();
    transit(nodeId, current, NodeStatus.SUSPENDED);
    List<String> paused = new ArrayList<>();
    for (NodeSnapshot child : sub.children()) {
      if (child.state() == NodeStatus.RUNNING || child.state() == NodeStatus.READY) {
        run(() -> engine.pauseNode(task.instanceId, child.id()));
        paused.add(child.id());
      }
    }
    task.pausedSubprocesses.put(nodeId, paused);
  }

  void resumeSubprocess(FakeTask task, String nodeId) {
    NodeSnapshot sub = subprocessState(task, nodeId);
    if (!task.pausedSubprocesses.containsKey(nodeId)) {
      throw BambooError.invalidOperation("pipeline(" + nodeId + ") state is: " + sub.state());
    }
    for (String child : task.pausedSubprocesses.remove(nodeId)) {
      run(() -> engine.resumeNode(task.instanceId, child));
    }
  }

  /**
   * bamboo's callback: the node must sleep on a schedule; a version that is not the state's
   * current one expires that version's schedule and fails. Null uses the current version, as
   * bk-sops does for callers that send none.
   */
  void callback(FakeTask task, String nodeId, Map<String, Object> data, String version) {
    Optional<NodeSnapshot> state = state(task, nodeId);
    if (state.isEmpty() || state.get().state() != NodeStatus.RUNNING || !waits(task, nodeId)) {
      throw BambooError.invalidOperation("can not find sleep process with current node id: " + nodeId);
    }
    String current = state.get().version();
    String used = version == null || version.isEmpty() ? current : version;
    if (!used.equals(current)) {
      task.expiredSchedules.add(nodeId + "@" + used);
      throw BambooError.invalidOperation("node version " + used + " not exist");
    }
    if (task.expiredSchedules.contains(nodeId + "@" + used)) {
      throw BambooError.invalidOperation("schedule is already expired");
    }
    run(() -> engine.callback(task.instanceId, nodeId, data, used));
  }

  // ------------------------------------------------------------------ helpers

  Optional<NodeSnapshot> state(FakeTask task, String nodeId) {
    return engine.tree(task.instanceId).find(nodeId).filter(n -> n.type() != NodeType.PROCESS);
  }

  private boolean waits(FakeTask task, String nodeId) {
    NodeType type = task.template.typeOf(nodeId);
    return type != null && (type.isJobBased() || type.isMessageBased());
  }

  private NodeSnapshot subprocessState(FakeTask task, String nodeId) {
    if (task.template.typeOf(nodeId) != NodeType.SUB_PROCESS) {
      throw BambooError.invalidOperation("node(" + nodeId + ") is not a subprocess pipeline");
    }
    return state(task, nodeId).orElseThrow(() -> BambooError.notFound("node(" + nodeId + ") does not exist"));
  }

  private void notSubprocess(FakeTask task, String nodeId) {
    if (task.template.typeOf(nodeId) == NodeType.SUB_PROCESS) {
      throw BambooError.invalidOperation("can not use pause_node_appoint api for NodeType.SubProcess");
    }
  }

  private void requireFailed(FakeTask task, String nodeId) {
    NodeSnapshot s = state(task, nodeId).orElseThrow(() -> BambooError.notFound("node(" + nodeId + ") does not exist"));
    if (s.state() != NodeStatus.FAILED) {
      throw BambooError.invalidOperation(nodeId + " state is not FAILED, actual " + s.state());
    }
  }

  private static void transit(String nodeId, NodeStatus from, NodeStatus to) {
    if (!from.canTransitTo(to)) {
      throw BambooError.cannotTransit(nodeId, from, to);
    }
  }

  /** Runs an engine call; what the engine still refuses reads as bamboo's InvalidOperationError. */
  private static void run(Runnable call) {
    try {
      call.run();
    } catch (EngineException e) {
      throw e.reason() == EngineException.Reason.NODE_NOT_FOUND ? BambooError.notFound(e.getMessage())
          : BambooError.invalidOperation(e.getMessage());
    }
  }
}
