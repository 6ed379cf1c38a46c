package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;
import static io.flowport.testkit.engine.EngineException.Reason.INSTANCE_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;
import static io.flowport.testkit.engine.EngineException.Reason.NODE_NOT_FOUND;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.MessageRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import io.flowport.testkit.engine.internal.Runtime.SubRec;
import io.flowport.testkit.engine.internal.Runtime.TimerRec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every part of the engine shares: the state, the lock ({@link #op}), keys and versions,
 * and the lookups and checks that turn bad ids and states into {@code EngineException}s. Not API.
 */
abstract class EnginePart {
  /** Separates tenant and process id in the keys of {@code defsById}. */
  static final char SEP = '\u0000';

  final EngineState st;
  final EngineOptions options;
  final Map<String, DefRec> defsByKey;
  final Map<String, List<DefRec>> defsById;
  final Map<String, InstanceRec> instances;
  final Map<String, JobRec> jobs;
  final Map<String, LinkedHashMap<String, JobRec>> jobsByType;
  final Map<String, JobHandler> handlers;
  final PriorityQueue<TimerRec> timers;
  final Map<String, List<SubRec>> subsByName;
  final List<MessageRec> messages;
  final ArrayDeque<Runnable> work;
  final Set<InstanceRec> changed;

  EnginePart(EngineState st) {
    this.st = st;
    this.options = st.options;
    this.defsByKey = st.defsByKey;
    this.defsById = st.defsById;
    this.instances = st.instances;
    this.jobs = st.jobs;
    this.jobsByType = st.jobsByType;
    this.handlers = st.handlers;
    this.timers = st.timers;
    this.subsByName = st.subsByName;
    this.messages = st.messages;
    this.work = st.work;
    this.changed = st.changed;
  }

  <T> T op(Supplier<T> body) {
    return st.op(body);
  }

  void run(Runnable body) {
    st.run(body);
  }

  long nextSeq() {
    return st.nextSeq++;
  }

  long nextHistory() {
    return st.nextHistory++;
  }

  DefinitionStore store() {
    return st.store;
  }

  TokenExecution tokens() {
    return st.tokens;
  }

  JobQueue jobQueue() {
    return st.jobQueue;
  }

  MessageCorrelation correlation() {
    return st.correlation;
  }

  Timers timerQueue() {
    return st.timerQueue;
  }

  InstanceCommands commands() {
    return st.commands;
  }

  NodeStateMachine nodeOps() {
    return st.nodeOps;
  }

  String key() {
    return Long.toString(st.nextKey++);
  }

  String newVersion() {
    return String.format("v%031x", st.nextVersion++);
  }

  Instant now() {
    return st.clock.now();
  }

  static String requireId(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new EngineException(INVALID_ARGUMENT, what + " must not be null or blank");
    }
    return value;
  }

  static Map<String, Object> requireVars(Map<String, Object> vars, String what) {
    if (vars == null) {
      throw new EngineException(INVALID_ARGUMENT, what + " must not be null");
    }
    for (String k : vars.keySet()) {
      if (k == null || k.isBlank()) {
        throw new EngineException(INVALID_ARGUMENT, what + " must not contain a null or blank variable name");
      }
    }
    return vars;
  }

  static Map<String, Object> copy(Map<String, Object> vars) {
    return vars == null || vars.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }

  String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? options.defaultTenantId() : tenantId;
  }

  InstanceRec instance(String id) {
    requireId(id, "instanceId");
    InstanceRec inst = instances.get(id);
    if (inst == null) {
      throw new EngineException(INSTANCE_NOT_FOUND, "Expected to find process instance with key '" + id + "', but no such process instance was found");
    }
    return inst;
  }

  InstanceRec active(String id) {
    InstanceRec inst = instance(id);
    if (inst.endState != null) {
      throw new EngineException(ILLEGAL_STATE, "Process instance '" + id + "' has already ended (" + inst.endState + ")");
    }
    return inst;
  }

  InstanceRec driveable(String id) {
    InstanceRec inst = active(id);
    if (inst.suspended) {
      throw new EngineException(ILLEGAL_STATE, "Process instance '" + id + "' is suspended");
    }
    return inst;
  }

  CNode cnode(InstanceRec inst, String nodeId) {
    requireId(nodeId, "nodeId");
    CNode n = inst.def.compiled.nodes.get(nodeId);
    if (n == null) {
      throw new EngineException(NODE_NOT_FOUND, "Node '" + nodeId + "' does not exist in process instance '" + inst.key + "'");
    }
    return n;
  }

  NodeRun reached(InstanceRec inst, String nodeId) {
    CNode n = cnode(inst, nodeId);
    NodeRun run = inst.nodes.get(n.id);
    if (run == null) {
      throw new EngineException(ILLEGAL_STATE, "Node '" + nodeId + "' has no state yet: the instance has not reached it");
    }
    return run;
  }

  static EngineException illegal(String message) {
    return new EngineException(ILLEGAL_STATE, message);
  }

  static void expectState(NodeRun run, NodeStatus expected, String operation) {
    if (run.state != expected) {
      throw illegal("Can not " + operation + " node '" + run.node.id + "': it is " + run.state + ", expected " + expected);
    }
  }
}
