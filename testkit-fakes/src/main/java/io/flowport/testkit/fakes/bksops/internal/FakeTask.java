package io.flowport.testkit.fakes.bksops.internal;

import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.ProcessModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bk-sops task of the fake: made from a template by create_task, bound to an in-memory engine
 * instance once started. Guarded by the router's lock.
 */
final class FakeTask {
  /**
   * A template: a process the in-memory engine runs, and its nodes (subprocess contents included)
   * so that nodes not reached yet are known too.
   */
  record Template(String id, String processId, Map<String, ProcessModel.Element> nodes,
      Map<String, List<String>> outgoingFlows) {
    static Template of(String id, ProcessModel model) {
      Map<String, ProcessModel.Element> nodes = new LinkedHashMap<>();
      Map<String, List<String>> outgoing = new LinkedHashMap<>();
      collect(model, nodes, outgoing);
      return new Template(id, model.processId(), Map.copyOf(nodes), Map.copyOf(outgoing));
    }

    private static void collect(ProcessModel model, Map<String, ProcessModel.Element> nodes,
        Map<String, List<String>> outgoing) {
      for (ProcessModel.Element e : model.elements()) {
        nodes.put(e.id(), e);
        if (e.subProcess() != null) {
          collect(e.subProcess(), nodes, outgoing);
        }
      }
      for (ProcessModel.Flow f : model.flows()) {
        outgoing.computeIfAbsent(f.sourceId(), k -> new java.util.ArrayList<>()).add(f.id());
      }
    }

    NodeType typeOf(String nodeId) {
      ProcessModel.Element e = nodes.get(nodeId);
      return e == null ? null : e.type();
    }
  }

  final String id;
  final Template template;
  final String name;
  final Map<String, Object> constants;
  final String creator;
  /** The engine instance, null until started. */
  String instanceId;
  /** (node id, version) pairs whose schedule a stale callback expired. */
  final Set<String> expiredSchedules = new LinkedHashSet<>();
  /** Subprocess node → the child nodes pause_subproc paused. */
  final Map<String, List<String>> pausedSubprocesses = new LinkedHashMap<>();

  FakeTask(String id, Template template, String name, Map<String, Object> constants, String creator) {
    this.id = id;
    this.template = template;
    this.name = name;
    this.constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    this.creator = creator;
  }

  boolean started() {
    return instanceId != null;
  }

  /** bamboo_engine's name of a node type ({@code NodeType.value}). */
  static String bambooType(NodeType type) {
    if (type == null) {
      return "None";
    }
    return switch (type) {
      case START_EVENT -> "EmptyStartEvent";
      case END_EVENT -> "EmptyEndEvent";
      case EXCLUSIVE_GATEWAY -> "ExclusiveGateway";
      case PARALLEL_GATEWAY -> "ParallelGateway";
      case CONDITIONAL_PARALLEL_GATEWAY -> "ConditionalParallelGateway";
      case SUB_PROCESS -> "SubProcess";
      case PROCESS -> "Pipeline";
      default -> "ServiceActivity"; // tasks, message and timer catches are plugins in bk-sops
    };
  }
}
