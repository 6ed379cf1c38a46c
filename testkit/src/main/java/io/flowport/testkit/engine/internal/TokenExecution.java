package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.internal.Compiled.CFlow;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Compiled.Scope;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import io.flowport.testkit.engine.internal.Runtime.TimerRec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Token execution: how an instance moves through its nodes. Runs inside the engine's lock, as
 * work items queued on {@link EngineState#work} and drained by the operation that queued them.
 *
 * <p><b>Token counting.</b> Every scope (the process itself, or one run of a subprocess) counts
 * the tokens alive in it: {@code InstanceRec.rootTokens} for the process, {@code NodeRun.tokens}
 * for a subprocess run. Taking a flow adds a token to the target's scope <em>before</em> the
 * target is entered ({@link #takeFlow}); leaving a node removes the node's own token
 * <em>after</em> its outgoing flows were taken ({@link #leave}), so the count never passes
 * through zero while work is still under way. When a scope's count reaches zero the scope is
 * done ({@link #scopeDone}): the process completes, or the subprocess node finishes and leaves
 * along its own flows. A node holds at most one token: a token arriving at a node that is still
 * RUNNING, FAILED and so on is merged, that is dropped, which may end the scope.
 *
 * <p><b>Join counting.</b> A joining gateway ({@code CNode.isJoin()}: a parallel or
 * conditional-parallel gateway with several incoming flows) keeps two counters per instance in
 * {@code InstanceRec.joins}: {@code [0]} live arrivals and {@code [1]} dead ones. A live token
 * that arrives is absorbed (its scope loses it) and counted; once live + dead arrivals equal the
 * number of incoming flows, the counters reset, one token is put back and the gateway runs. A
 * dead arrival comes from a conditional-parallel gateway's flow not taken ({@link #deadFlow}): the
 * "dead path" travels along nodes with one incoming flow until it reaches a join, where it
 * counts; if that completes the join and some arrival was live, the join fires, and if every
 * arrival was dead the dead path goes on past it. A node with several incoming flows that is not
 * a join stops a dead path (a live token may still come another way). {@code visited} keeps a
 * dead path from running around a loop. Not API.
 */
final class TokenExecution extends EnginePart {
  TokenExecution(EngineState st) {
    super(st);
  }

  private int addTokens(InstanceRec inst, Scope scope, int delta) {
    if (scope.owner == null) {
      inst.rootTokens += delta;
      return inst.rootTokens;
    }
    NodeRun owner = inst.nodes.get(scope.owner.id);
    owner.tokens += delta;
    return owner.tokens;
  }

  void transit(InstanceRec inst, NodeRun run, NodeStatus to) {
    if (!run.state.canTransitTo(to)) {
      throw illegal("Can not transit node '" + run.node.id + "' from " + run.state + " to " + to);
    }
    if (run.state == NodeStatus.FAILED) {
      inst.failedCount--;
    }
    if (to == NodeStatus.FAILED) {
      inst.failedCount++;
    }
    run.state = to;
    run.version = newVersion();
    changed.add(inst);
  }

  NodeRun newRun(InstanceRec inst, CNode n, NodeStatus state) {
    NodeRun parent = n.scope.owner == null ? null : inst.nodes.get(n.scope.owner.id);
    NodeRun run = new NodeRun(n, parent);
    run.state = state;
    run.version = newVersion();
    inst.nodes.put(n.id, run);
    changed.add(inst);
    return run;
  }

  private void takeFlow(InstanceRec inst, CFlow f) {
    addTokens(inst, f.target.scope, 1);
    work.add(() -> arrive(inst, f.target));
  }

  void arrive(InstanceRec inst, CNode n) {
    if (inst.endState != null) {
      return;
    }
    if (n.isJoin()) {
      int[] js = inst.joins.computeIfAbsent(n.id, k -> new int[2]);
      js[0]++;
      addTokens(inst, n.scope, -1);
      if (js[0] + js[1] < n.incoming) {
        changed.add(inst);
        return;
      }
      js[0] = 0;
      js[1] = 0;
      addTokens(inst, n.scope, 1);
    }
    enter(inst, n);
  }

  private void deadFlow(InstanceRec inst, CFlow f, Set<CNode> visited) {
    CNode t = f.target;
    if (t.isJoin()) {
      int[] js = inst.joins.computeIfAbsent(t.id, k -> new int[2]);
      js[1]++;
      if (js[0] + js[1] >= t.incoming) {
        boolean live = js[0] > 0;
        js[0] = 0;
        js[1] = 0;
        if (live) {
          addTokens(inst, t.scope, 1);
          work.add(() -> enter(inst, t));
        } else if (visited.add(t)) {
          for (CFlow out : t.outgoing) {
            deadFlow(inst, out, visited);
          }
        }
      }
    } else if (t.incoming <= 1 && visited.add(t)) {
      for (CFlow out : t.outgoing) {
        deadFlow(inst, out, visited);
      }
    }
  }

  private void enter(InstanceRec inst, CNode n) {
    if (inst.endState != null) {
      return;
    }
    NodeRun run = inst.nodes.get(n.id);
    if (run == null) {
      run = newRun(inst, n, NodeStatus.READY);
    } else {
      switch (run.state) {
        case READY:
          break;
        case SUSPENDED:
          run.parked = true;
          changed.add(inst);
          return;
        case FINISHED:
          recordHistory(inst, run);
          run.loop++;
          run.skip = false;
          run.inputs = Map.of();
          run.outputs = Map.of();
          run.error = null;
          transit(inst, run, NodeStatus.RUNNING);
          run.started = now();
          run.finished = null;
          execute(inst, run);
          return;
        default:
          // already holds a token (one token per node): merge
          if (addTokens(inst, n.scope, -1) == 0) {
            scopeDone(inst, n.scope);
          }
          return;
      }
    }
    transit(inst, run, NodeStatus.RUNNING);
    run.started = now();
    run.finished = null;
    execute(inst, run);
  }

  void execute(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    switch (n.type) {
      case START_EVENT:
      case END_EVENT:
      case PARALLEL_GATEWAY:
        finish(inst, run, Map.of(), n.outgoing, List.of());
        break;
      case SERVICE_TASK:
      case USER_TASK:
        jobQueue().createJob(inst, run);
        break;
      case RECEIVE_TASK:
      case MESSAGE_CATCH_EVENT:
        correlation().openSubscription(inst, run);
        break;
      case TIMER_CATCH_EVENT:
        if (n.timer.isZero()) {
          finish(inst, run, Map.of(), n.outgoing, List.of());
        } else {
          TimerRec t = new TimerRec(now().plus(n.timer), nextSeq(), inst, run);
          run.timer = t;
          timers.add(t);
        }
        break;
      case EXCLUSIVE_GATEWAY:
        evaluateExclusive(inst, run);
        break;
      case CONDITIONAL_PARALLEL_GATEWAY:
        evaluateInclusive(inst, run);
        break;
      case SUB_PROCESS:
        run.tokens = 1;
        CNode start = n.inner.noneStart;
        work.add(() -> arrive(inst, start));
        break;
      default:
        throw new IllegalStateException("unexpected node type " + n.type);
    }
  }

  private void evaluateExclusive(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    CFlow chosen = null;
    try {
      for (CFlow f : n.outgoing) {
        if (f != n.defaultFlow && (f.condition == null || f.condition.test(inst.vars))) {
          chosen = f;
          break;
        }
      }
    } catch (Conditions.EvaluationException e) {
      fail(inst, run, e.getMessage(), null);
      return;
    }
    if (chosen == null) {
      chosen = n.defaultFlow;
    }
    if (chosen == null && !n.outgoing.isEmpty()) {
      fail(inst, run, "Expected at least one condition to evaluate to true, or to have a default flow", null);
      return;
    }
    finish(inst, run, Map.of(), chosen == null ? List.of() : List.of(chosen), List.of());
  }

  private void evaluateInclusive(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    List<CFlow> taken = new ArrayList<>();
    List<CFlow> dead = new ArrayList<>();
    try {
      for (CFlow f : n.outgoing) {
        if (f != n.defaultFlow && (f.condition == null || f.condition.test(inst.vars))) {
          taken.add(f);
        } else {
          dead.add(f);
        }
      }
    } catch (Conditions.EvaluationException e) {
      fail(inst, run, e.getMessage(), null);
      return;
    }
    if (taken.isEmpty() && n.defaultFlow != null) {
      taken.add(n.defaultFlow);
      dead.remove(n.defaultFlow);
    }
    if (taken.isEmpty() && !n.outgoing.isEmpty()) {
      fail(inst, run, "Expected at least one condition to evaluate to true, or to have a default flow", null);
      return;
    }
    finish(inst, run, Map.of(), taken, dead);
  }

  /** RUNNING → FINISHED, then leave. */
  void finish(InstanceRec inst, NodeRun run, Map<String, Object> outputs, List<CFlow> taken, List<CFlow> dead) {
    transit(inst, run, NodeStatus.FINISHED);
    run.finished = now();
    run.outputs = copy(outputs);
    leave(inst, run, taken, dead);
  }

  void leave(InstanceRec inst, NodeRun run, List<CFlow> taken, List<CFlow> dead) {
    for (CFlow f : taken) {
      takeFlow(inst, f);
    }
    if (!dead.isEmpty()) {
      Set<CNode> visited = new HashSet<>();
      for (CFlow f : dead) {
        deadFlow(inst, f, visited);
      }
    }
    if (addTokens(inst, run.node.scope, -1) == 0) {
      scopeDone(inst, run.node.scope);
    }
  }

  private void scopeDone(InstanceRec inst, Scope scope) {
    if (scope.owner == null) {
      inst.endState = InstanceStatus.COMPLETED;
      inst.end = now();
      inst.rootVersion = newVersion();
      inst.incidents.clear();
      changed.add(inst);
      return;
    }
    NodeRun owner = inst.nodes.get(scope.owner.id);
    if (owner.state == NodeStatus.RUNNING) {
      finish(inst, owner, Map.of(), owner.node.outgoing, List.of());
    }
  }

  void fail(InstanceRec inst, NodeRun run, String message, String jobKey) {
    transit(inst, run, NodeStatus.FAILED);
    run.error = message;
    run.finished = now();
    Incident incident = new Incident(key(), inst.key, run.node.id, jobKey, message, now());
    inst.incidents.put(run.node.id, incident);
    for (NodeRun p = run.parent; p != null && p.state == NodeStatus.RUNNING; p = p.parent) {
      transit(inst, p, NodeStatus.FAILED);
      p.error = "Node '" + run.node.id + "' failed: " + message;
    }
  }

  void recoverParents(InstanceRec inst, NodeRun run) {
    for (NodeRun p = run.parent; p != null && p.state == NodeStatus.FAILED; p = p.parent) {
      for (NodeRun other : inst.nodes.values()) {
        if (other.parent == p && other.state == NodeStatus.FAILED) {
          return;
        }
      }
      transit(inst, p, NodeStatus.READY);
      transit(inst, p, NodeStatus.RUNNING);
      p.error = null;
    }
  }

  void recordHistory(InstanceRec inst, NodeRun run) {
    NodeAttempt h = new NodeAttempt(nextHistory(), run.node.id, run.started, run.finished == null ? now() : run.finished, run.loop,
        run.retry, run.skip, run.version, run.state, run.inputs, run.outputs, run.error);
    inst.histories.computeIfAbsent(run.node.id, k -> new ArrayList<>()).add(h);
  }
}
