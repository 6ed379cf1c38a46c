package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ALREADY_EXISTS;
import static io.flowport.testkit.engine.EngineException.Reason.DEFINITION_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;
import static io.flowport.testkit.engine.EngineException.Reason.INCIDENT_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;
import static io.flowport.testkit.engine.EngineException.Reason.NO_START_EVENT;
import static io.flowport.testkit.engine.EngineException.Reason.TIMEOUT;
import static io.flowport.testkit.engine.EngineException.Reason.VARIABLE_NOT_FOUND;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.EngineState.Waiter;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Instance and variable commands: start (also queued, for execution groups), read, list, cancel,
 * delete, suspend, resume, retry, incidents, variables, and waiting for an instance's state.
 * Not API.
 */
final class InstanceCommands extends EnginePart {
  InstanceCommands(EngineState st) {
    super(st);
  }

  InstanceSnapshot start(StartCommand cmd) {
    return start(cmd, false);
  }

  /**
   * Creates an instance that does not run until {@link #release}: an execution group's member
   * waiting for a slot. Reads like {@link #start} otherwise (same lookups, same errors).
   */
  InstanceSnapshot createQueued(StartCommand cmd) {
    return start(cmd, true);
  }

  /** Lets a queued instance run from its start event; an instance that is not QUEUED → ILLEGAL_STATE. */
  InstanceSnapshot release(String instanceId) {
    return op(() -> {
      InstanceRec inst = active(instanceId);
      if (inst.queuedStart == null) {
        throw illegal("Process instance '" + instanceId + "' is not queued (it is " + inst.state() + ")");
      }
      CNode startNode = inst.queuedStart;
      inst.queuedStart = null;
      inst.rootTokens = 1;
      inst.rootVersion = newVersion();
      changed.add(inst);
      work.add(() -> tokens().arrive(inst, startNode));
      st.drain();
      return Snapshots.of(inst);
    });
  }

  private InstanceSnapshot start(StartCommand cmd, boolean queued) {
    if (cmd == null) {
      throw new EngineException(INVALID_ARGUMENT, "command must not be null");
    }
    int given = (cmd.processId() != null ? 1 : 0) + (cmd.definitionKey() != null ? 1 : 0) + (cmd.messageName() != null ? 1 : 0);
    if (given != 1) {
      throw new EngineException(INVALID_ARGUMENT, "Expected exactly one of processId, definitionKey or messageName, but " + given + " given");
    }
    requireVars(cmd.variables(), "variables");
    String tenant = tenant(cmd.tenantId());
    return op(() -> {
      DefRec def;
      CNode startNode;
      if (cmd.messageName() != null) {
        requireId(cmd.messageName(), "messageName");
        Object[] found = store().messageStart(cmd.messageName(), tenant);
        if (found == null) {
          throw new EngineException(DEFINITION_NOT_FOUND,
              "Cannot start process instance by message: no subscription to message with name '" + cmd.messageName() + "' found");
        }
        def = (DefRec) found[0];
        startNode = (CNode) found[1];
      } else {
        if (cmd.definitionKey() != null) {
          def = store().defByKey(requireId(cmd.definitionKey(), "definitionKey"));
        } else {
          requireId(cmd.processId(), "processId");
          List<DefRec> versions = defsById.get(tenant + SEP + cmd.processId());
          def = null;
          if (versions != null && !versions.isEmpty()) {
            if (cmd.version() == null || cmd.version() < 0) {
              def = versions.get(versions.size() - 1);
            } else {
              for (DefRec d : versions) {
                if (d.version == cmd.version()) {
                  def = d;
                }
              }
            }
          }
          if (def == null) {
            throw new EngineException(DEFINITION_NOT_FOUND, cmd.version() == null || cmd.version() < 0
                ? "Expected to find process definition with process ID '" + cmd.processId() + "', but none found"
                : "Expected to find process definition with process ID '" + cmd.processId() + "' and version '" + cmd.version() + "', but none found");
          }
        }
        startNode = def.compiled.root.noneStart;
        if (startNode == null) {
          throw new EngineException(NO_START_EVENT, "Expected to create instance of process with none start event, but there is no such event");
        }
      }
      InstanceRec inst = queued ? queueInstance(def, startNode, cmd.variables(), cmd.businessKey(), tenant)
          : startInstance(def, startNode, cmd.variables(), cmd.businessKey(), tenant);
      st.drain();
      return Snapshots.of(inst);
    });
  }

  private InstanceRec queueInstance(DefRec def, CNode startNode, Map<String, Object> vars, String businessKey, String tenant) {
    InstanceRec inst = new InstanceRec(key(), nextSeq(), def, businessKey, tenant, now());
    inst.vars.putAll(vars);
    inst.rootVersion = newVersion();
    inst.queuedStart = startNode;
    instances.put(inst.key, inst);
    changed.add(inst);
    return inst;
  }

  InstanceRec startInstance(DefRec def, CNode startNode, Map<String, Object> vars, String businessKey, String tenant) {
    InstanceRec inst = new InstanceRec(key(), nextSeq(), def, businessKey, tenant, now());
    inst.vars.putAll(vars);
    inst.rootVersion = newVersion();
    instances.put(inst.key, inst);
    changed.add(inst);
    inst.rootTokens = 1;
    work.add(() -> tokens().arrive(inst, startNode));
    return inst;
  }

  InstanceSnapshot get(String instanceId) {
    return op(() -> Snapshots.of(instance(instanceId)));
  }

  List<InstanceSnapshot> list(InstanceFilter filter) {
    InstanceFilter f = filter == null ? InstanceFilter.all() : filter;
    if (f.offset() < 0 || f.limit() < 0) {
      throw new EngineException(INVALID_ARGUMENT, "offset and limit must be >= 0");
    }
    return op(() -> {
      List<InstanceSnapshot> out = new ArrayList<>();
      int skipped = 0;
      for (InstanceRec inst : instances.values()) {
        if ((f.processId() != null && !f.processId().equals(inst.def.processId))
            || (f.definitionKey() != null && !f.definitionKey().equals(inst.def.key))
            || (f.state() != null && f.state() != inst.state())
            || (f.businessKey() != null && !f.businessKey().equals(inst.businessKey))
            || (f.tenantId() != null && !f.tenantId().equals(inst.tenantId))) {
          continue;
        }
        if (skipped < f.offset()) {
          skipped++;
          continue;
        }
        out.add(Snapshots.of(inst));
        if (f.limit() > 0 && out.size() >= f.limit()) {
          break;
        }
      }
      return out;
    });
  }

  void cancel(String instanceId) {
    run(() -> cancelInternal(active(instanceId)));
  }

  private void cancelInternal(InstanceRec inst) {
    for (NodeRun run : inst.nodes.values()) {
      clearWait(run);
      if (run.state == NodeStatus.RUNNING || run.state == NodeStatus.SUSPENDED) {
        tokens().transit(inst, run, NodeStatus.REVOKED);
        run.finished = now();
      }
    }
    inst.endState = InstanceStatus.CANCELLED;
    inst.end = now();
    inst.suspended = false;
    inst.queuedStart = null;
    inst.rootVersion = newVersion();
    inst.incidents.clear();
    changed.add(inst);
  }

  void clearWait(NodeRun run) {
    if (run.job != null) {
      jobQueue().closeJob(run.job);
    }
    if (run.sub != null) {
      correlation().closeSub(run.sub);
    }
    if (run.timer != null) {
      run.timer.cancelled = true;
      run.timer = null;
    }
  }

  void delete(String instanceId) {
    run(() -> {
      InstanceRec inst = instance(instanceId);
      if (inst.endState == null) {
        cancelInternal(inst);
      }
      instances.remove(inst.key);
      changed.add(inst);
    });
  }

  void suspend(String instanceId) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      if (inst.suspended) {
        throw illegal("Process instance '" + instanceId + "' is already suspended");
      }
      if (inst.queuedStart != null) {
        throw illegal("Process instance '" + instanceId + "' is queued: it has not started, so it cannot be suspended");
      }
      inst.suspended = true;
      inst.rootVersion = newVersion();
      changed.add(inst);
    });
  }

  void resume(String instanceId) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      if (!inst.suspended) {
        throw illegal("Process instance '" + instanceId + "' is not suspended");
      }
      inst.suspended = false;
      inst.rootVersion = newVersion();
      changed.add(inst);
      for (NodeRun run : new ArrayList<>(inst.nodes.values())) {
        if (run.job != null && run.state == NodeStatus.RUNNING) {
          JobHandler h = handlers.get(run.job.type);
          JobRec j = run.job;
          if (h != null) {
            work.add(() -> jobQueue().invokeHandler(j, h));
          }
        }
        work.add(() -> timerQueue().unblock(inst, run));
      }
    });
  }

  void retry(String instanceId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      List<NodeRun> failed = new ArrayList<>();
      for (NodeRun run : inst.nodes.values()) {
        if (run.state == NodeStatus.FAILED && run.node.type != NodeType.SUB_PROCESS) {
          failed.add(run);
        }
      }
      if (failed.isEmpty()) {
        throw illegal("Process instance '" + instanceId + "' has no failed node to retry (it is " + inst.state() + ")");
      }
      for (NodeRun run : failed) {
        nodeOps().retryRun(inst, run, null);
      }
    });
  }

  void resolveIncident(String incidentKey) {
    requireId(incidentKey, "incidentKey");
    run(() -> {
      for (InstanceRec inst : instances.values()) {
        for (Incident i : inst.incidents.values()) {
          if (i.key().equals(incidentKey)) {
            if (inst.suspended) {
              throw illegal("Process instance '" + inst.key + "' is suspended");
            }
            nodeOps().retryRun(inst, inst.nodes.get(i.nodeId()), null);
            return;
          }
        }
      }
      throw new EngineException(INCIDENT_NOT_FOUND, "Expected to resolve incident with key '" + incidentKey + "', but no such incident was found");
    });
  }

  CompletableFuture<InstanceSnapshot> when(String instanceId, Predicate<InstanceSnapshot> predicate) {
    if (predicate == null) {
      throw new EngineException(INVALID_ARGUMENT, "predicate must not be null");
    }
    CompletableFuture<InstanceSnapshot> future = new CompletableFuture<>();
    Waiter w = new Waiter(predicate, future);
    InstanceSnapshot now = op(() -> {
      InstanceSnapshot s = Snapshots.of(instance(instanceId));
      st.waiters.computeIfAbsent(instanceId, k -> new CopyOnWriteArrayList<>()).add(w);
      return s;
    });
    future.whenComplete((v, e) -> {
      CopyOnWriteArrayList<Waiter> list = st.waiters.get(instanceId);
      if (list != null) {
        list.remove(w);
        if (list.isEmpty()) {
          st.waiters.remove(instanceId, list);
        }
      }
    });
    st.test(w, now);
    return future;
  }

  CompletableFuture<InstanceSnapshot> awaitCompletion(String instanceId, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new EngineException(INVALID_ARGUMENT, "timeout must be positive, was " + timeout);
    }
    CompletableFuture<InstanceSnapshot> inner = when(instanceId, s -> s.state().isSettled());
    CompletableFuture<InstanceSnapshot> out = new CompletableFuture<>();
    inner.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((v, e) -> {
      if (e == null) {
        out.complete(v);
      } else if (e instanceof TimeoutException) {
        out.completeExceptionally(new EngineException(TIMEOUT,
            "Process instance '" + instanceId + "' did not complete within " + timeout));
      } else {
        out.completeExceptionally(e);
      }
    });
    return out;
  }

  Registration onChange(Consumer<InstanceSnapshot> listener) {
    if (listener == null) {
      throw new EngineException(INVALID_ARGUMENT, "listener must not be null");
    }
    st.listeners.add(listener);
    return () -> st.listeners.remove(listener);
  }

  Map<String, Object> variables(String instanceId) {
    return op(() -> Collections.unmodifiableMap(new LinkedHashMap<>(instance(instanceId).vars)));
  }

  Object variable(String instanceId, String name) {
    requireId(name, "name");
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      if (!inst.vars.containsKey(name)) {
        throw new EngineException(VARIABLE_NOT_FOUND, "Process instance '" + instanceId + "' doesn't have a variable with name: '" + name + "'.");
      }
      return inst.vars.get(name);
    });
  }

  void createVariables(String instanceId, Map<String, Object> variables) {
    requireVars(variables, "variables");
    run(() -> {
      InstanceRec inst = active(instanceId);
      for (String name : variables.keySet()) {
        if (inst.vars.containsKey(name)) {
          throw new EngineException(ALREADY_EXISTS, "Variable '" + name + "' is already present on execution '" + instanceId + "'.");
        }
      }
      inst.vars.putAll(variables);
      changed.add(inst);
    });
  }

  void upsertVariables(String instanceId, Map<String, Object> variables) {
    requireVars(variables, "variables");
    run(() -> {
      InstanceRec inst = active(instanceId);
      inst.vars.putAll(variables);
      changed.add(inst);
    });
  }
}
