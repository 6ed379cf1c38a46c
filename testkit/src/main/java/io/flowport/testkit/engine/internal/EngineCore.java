package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ALREADY_EXISTS;
import static io.flowport.testkit.engine.EngineException.Reason.DEFINITION_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;
import static io.flowport.testkit.engine.EngineException.Reason.INCIDENT_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.INSTANCE_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;
import static io.flowport.testkit.engine.EngineException.Reason.JOB_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.NODE_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.NO_START_EVENT;
import static io.flowport.testkit.engine.EngineException.Reason.STALE_VERSION;
import static io.flowport.testkit.engine.EngineException.Reason.TIMEOUT;
import static io.flowport.testkit.engine.EngineException.Reason.VARIABLE_NOT_FOUND;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.Job;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.NodeExecutionData;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.engine.internal.Compiled.CFlow;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Compiled.Scope;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.MessageRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import io.flowport.testkit.engine.internal.Runtime.SubRec;
import io.flowport.testkit.engine.internal.Runtime.TimerRec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine implementation behind {@link io.flowport.testkit.engine.InMemoryEngine}. One lock
 * guards all state; execution is synchronous on the calling thread through a work queue; listeners
 * and futures are notified after the lock is released. Not API.
 */
public final class EngineCore implements AutoCloseable {
  private static final char SEP = '\u0000';

  private final ReentrantLock lock = new ReentrantLock();
  private final EngineOptions options;
  private final TestClock clock;
  private final Registration clockRegistration;
  private long nextKey = 2251799813685249L;
  private long nextVersion = 1;
  private long nextHistory = 1;
  private long nextSeq = 1;

  private final Map<String, DefRec> defsByKey = new HashMap<>();
  private final Map<String, List<DefRec>> defsById = new LinkedHashMap<>();
  private final Map<String, InstanceRec> instances = new LinkedHashMap<>();
  private final Map<String, JobRec> jobs = new HashMap<>();
  private final Map<String, LinkedHashMap<String, JobRec>> jobsByType = new HashMap<>();
  private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
  private final PriorityQueue<TimerRec> timers =
      new PriorityQueue<>(Comparator.comparing((TimerRec t) -> t.due).thenComparingLong(t -> t.seq));
  private final Map<String, List<SubRec>> subsByName = new HashMap<>();
  private final List<MessageRec> messages = new ArrayList<>();

  private final ArrayDeque<Runnable> work = new ArrayDeque<>();
  private boolean draining;
  private int depth;
  private final Set<InstanceRec> changed = new LinkedHashSet<>();

  private final CopyOnWriteArrayList<Consumer<InstanceSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Waiter>> waiters = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record Waiter(Predicate<InstanceSnapshot> predicate, CompletableFuture<InstanceSnapshot> future) {}

  private record Note(String instanceId, InstanceSnapshot snapshot) {}

  public EngineCore(EngineOptions options) {
    this.options = options == null ? EngineOptions.defaults() : options;
    this.clock = this.options.clock();
    this.clockRegistration = clock.onAdvance(this::fireDueTimers);
  }

  public TestClock clock() {
    return clock;
  }

  public EngineOptions options() {
    return options;
  }

  // ------------------------------------------------------------------ op plumbing

  private <T> T op(Supplier<T> body) {
    if (closed) {
      throw new EngineException(ILLEGAL_STATE, "The in-memory engine is closed");
    }
    List<Note> notes = null;
    lock.lock();
    try {
      depth++;
      boolean ok = false;
      try {
        T result = body.get();
        drain();
        ok = true;
        return result;
      } finally {
        depth--;
        if (depth == 0) {
          if (!ok) {
            work.clear();
            draining = false;
          }
          notes = collectNotes();
        }
      }
    } finally {
      lock.unlock();
      if (notes != null && !notes.isEmpty()) {
        dispatch(notes);
      }
    }
  }

  private void run(Runnable body) {
    op(() -> {
      body.run();
      return null;
    });
  }

  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Runnable r;
      while ((r = work.poll()) != null) {
        r.run();
      }
    } finally {
      draining = false;
    }
  }

  private List<Note> collectNotes() {
    if (changed.isEmpty()) {
      return null;
    }
    List<Note> notes = null;
    boolean any = !listeners.isEmpty();
    for (InstanceRec inst : changed) {
      if (any || waiters.containsKey(inst.key)) {
        if (notes == null) {
          notes = new ArrayList<>();
        }
        notes.add(new Note(inst.key, snapshot(inst)));
      }
      if (inst.endState != null && !options.keepEndedInstances()) {
        instances.remove(inst.key);
      }
    }
    changed.clear();
    return notes;
  }

  private void dispatch(List<Note> notes) {
    for (Note note : notes) {
      for (Consumer<InstanceSnapshot> l : listeners) {
        try {
          l.accept(note.snapshot);
        } catch (RuntimeException ignored) {
          // a failing listener must not break the engine
        }
      }
      CopyOnWriteArrayList<Waiter> list = waiters.get(note.instanceId);
      if (list != null) {
        for (Waiter w : list) {
          test(w, note.snapshot);
        }
      }
    }
  }

  private void test(Waiter w, InstanceSnapshot s) {
    try {
      if (w.predicate.test(s)) {
        w.future.complete(s);
      }
    } catch (RuntimeException e) {
      w.future.completeExceptionally(e);
    }
  }

  private String key() {
    return Long.toString(nextKey++);
  }

  private String newVersion() {
    return String.format("v%031x", nextVersion++);
  }

  private Instant now() {
    return clock.now();
  }

  // ------------------------------------------------------------------ validation helpers

  static String requireId(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new EngineException(INVALID_ARGUMENT, what + " must not be null or blank");
    }
    return value;
  }

  private static Map<String, Object> requireVars(Map<String, Object> vars, String what) {
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

  private static Map<String, Object> copy(Map<String, Object> vars) {
    return vars == null || vars.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }

  private String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? options.defaultTenantId() : tenantId;
  }

  private InstanceRec instance(String id) {
    requireId(id, "instanceId");
    InstanceRec inst = instances.get(id);
    if (inst == null) {
      throw new EngineException(INSTANCE_NOT_FOUND, "Expected to find process instance with key '" + id + "', but no such process instance was found");
    }
    return inst;
  }

  private InstanceRec active(String id) {
    InstanceRec inst = instance(id);
    if (inst.endState != null) {
      throw new EngineException(ILLEGAL_STATE, "Process instance '" + id + "' has already ended (" + inst.endState + ")");
    }
    return inst;
  }

  private InstanceRec driveable(String id) {
    InstanceRec inst = active(id);
    if (inst.suspended) {
      throw new EngineException(ILLEGAL_STATE, "Process instance '" + id + "' is suspended");
    }
    return inst;
  }

  private CNode cnode(InstanceRec inst, String nodeId) {
    requireId(nodeId, "nodeId");
    CNode n = inst.def.compiled.nodes.get(nodeId);
    if (n == null) {
      throw new EngineException(NODE_NOT_FOUND, "Node '" + nodeId + "' does not exist in process instance '" + inst.key + "'");
    }
    return n;
  }

  private NodeRun reached(InstanceRec inst, String nodeId) {
    CNode n = cnode(inst, nodeId);
    NodeRun run = inst.nodes.get(n.id);
    if (run == null) {
      throw new EngineException(ILLEGAL_STATE, "Node '" + nodeId + "' has no state yet: the instance has not reached it");
    }
    return run;
  }

  private static EngineException illegal(String message) {
    return new EngineException(ILLEGAL_STATE, message);
  }

  private static void expectState(NodeRun run, NodeStatus expected, String operation) {
    if (run.state != expected) {
      throw illegal("Can not " + operation + " node '" + run.node.id + "': it is " + run.state + ", expected " + expected);
    }
  }

  // ------------------------------------------------------------------ definitions

  /** A resource to deploy: bytes (BPMN) or a model. */
  public record Resource(String name, byte[] bytes, ProcessModel model) {}

  public EngineDeployment deploy(String tenantId, List<Resource> resources) {
    if (resources == null || resources.isEmpty()) {
      throw new EngineException(INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<Object[]> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Resource r : resources) {
      if (r == null) {
        throw new EngineException(INVALID_ARGUMENT, "resource must not be null");
      }
      if (r.model != null) {
        Compiled c = Compiled.compile(r.model, r.name);
        parsed.add(new Object[] {r.name == null ? r.model.processId() + ".bpmn" : r.name, c, null});
      } else {
        requireId(r.name, "resourceName");
        for (ProcessModel m : BpmnParser.parse(r.name, r.bytes)) {
          parsed.add(new Object[] {r.name, Compiled.compile(m, r.name), r.bytes.clone()});
        }
      }
    }
    for (Object[] p : parsed) {
      if (!seen.add(((Compiled) p[1]).processId)) {
        throw new EngineException(EngineException.Reason.INVALID_DEFINITION,
            "Expected the process ids to be unique within a deployment, but found a duplicate process id '" + ((Compiled) p[1]).processId + "'");
      }
    }
    String tenant = tenant(tenantId);
    return op(() -> {
      String deploymentKey = key();
      List<DeployedModel> out = new ArrayList<>();
      for (Object[] p : parsed) {
        String resourceName = (String) p[0];
        Compiled c = (Compiled) p[1];
        byte[] bytes = (byte[]) p[2];
        List<DefRec> versions = defsById.computeIfAbsent(tenant + SEP + c.processId, k -> new ArrayList<>());
        DefRec last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (options.duplicateFiltering() && last != null && last.resourceName.equals(resourceName)
            && (bytes != null ? Arrays.equals(bytes, last.content) : last.content == null && c.model.equals(last.compiled.model))) {
          out.add(definition(last));
          continue;
        }
        DefRec rec = new DefRec(key(), last == null ? 1 : last.version + 1, resourceName, tenant, deploymentKey, now(), c, bytes);
        versions.add(rec);
        defsByKey.put(rec.key, rec);
        out.add(definition(rec));
      }
      return new EngineDeployment(deploymentKey, tenant, List.copyOf(out));
    });
  }

  private static DeployedModel definition(DefRec d) {
    return new DeployedModel(d.key, d.processId, d.compiled.name, d.version, d.resourceName, d.tenantId, d.deploymentKey, d.deployedAt);
  }

  public List<DeployedModel> definitions() {
    return op(() -> {
      List<DeployedModel> out = new ArrayList<>();
      for (List<DefRec> versions : defsById.values()) {
        for (DefRec d : versions) {
          out.add(definition(d));
        }
      }
      return out;
    });
  }

  public DeployedModel definition(String key) {
    requireId(key, "definitionKey");
    return op(() -> definition(defByKey(key)));
  }

  private DefRec defByKey(String key) {
    DefRec d = defsByKey.get(key);
    if (d == null) {
      throw new EngineException(DEFINITION_NOT_FOUND, "Expected to find process definition with key '" + key + "', but none found");
    }
    return d;
  }

  // ------------------------------------------------------------------ start

  public InstanceSnapshot start(StartCommand cmd) {
    return start(cmd, false);
  }

  /**
   * Creates an instance that does not run until {@link #release}: an execution group's member
   * waiting for a slot. Reads like {@link #start} otherwise (same lookups, same errors).
   */
  public InstanceSnapshot createQueued(StartCommand cmd) {
    return start(cmd, true);
  }

  /** Lets a queued instance run from its start event; an instance that is not QUEUED → ILLEGAL_STATE. */
  public InstanceSnapshot release(String instanceId) {
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
      work.add(() -> arrive(inst, startNode));
      drain();
      return snapshot(inst);
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
        Object[] found = messageStart(cmd.messageName(), tenant);
        if (found == null) {
          throw new EngineException(DEFINITION_NOT_FOUND,
              "Cannot start process instance by message: no subscription to message with name '" + cmd.messageName() + "' found");
        }
        def = (DefRec) found[0];
        startNode = (CNode) found[1];
      } else {
        if (cmd.definitionKey() != null) {
          def = defByKey(requireId(cmd.definitionKey(), "definitionKey"));
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
      drain();
      return snapshot(inst);
    });
  }

  private Object[] messageStart(String messageName, String tenant) {
    for (List<DefRec> versions : defsById.values()) {
      DefRec latest = versions.get(versions.size() - 1);
      if (!latest.tenantId.equals(tenant)) {
        continue;
      }
      for (CNode n : latest.compiled.root.messageStarts) {
        if (n.messageName.equals(messageName)) {
          return new Object[] {latest, n};
        }
      }
    }
    return null;
  }

  private InstanceRec queueInstance(DefRec def, CNode startNode, Map<String, Object> vars, String businessKey, String tenant) {
    InstanceRec inst = new InstanceRec(key(), nextSeq++, def, businessKey, tenant, now());
    inst.vars.putAll(vars);
    inst.rootVersion = newVersion();
    inst.queuedStart = startNode;
    instances.put(inst.key, inst);
    changed.add(inst);
    return inst;
  }

  private InstanceRec startInstance(DefRec def, CNode startNode, Map<String, Object> vars, String businessKey, String tenant) {
    InstanceRec inst = new InstanceRec(key(), nextSeq++, def, businessKey, tenant, now());
    inst.vars.putAll(vars);
    inst.rootVersion = newVersion();
    instances.put(inst.key, inst);
    changed.add(inst);
    inst.rootTokens = 1;
    work.add(() -> arrive(inst, startNode));
    return inst;
  }

  // ------------------------------------------------------------------ execution

  private int addTokens(InstanceRec inst, Scope scope, int delta) {
    if (scope.owner == null) {
      inst.rootTokens += delta;
      return inst.rootTokens;
    }
    NodeRun owner = inst.nodes.get(scope.owner.id);
    owner.tokens += delta;
    return owner.tokens;
  }

  private void transit(InstanceRec inst, NodeRun run, NodeStatus to) {
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

  private NodeRun newRun(InstanceRec inst, CNode n, NodeStatus state) {
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

  private void arrive(InstanceRec inst, CNode n) {
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

  private void execute(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    switch (n.type) {
      case START_EVENT:
      case END_EVENT:
      case PARALLEL_GATEWAY:
        finish(inst, run, Map.of(), n.outgoing, List.of());
        break;
      case SERVICE_TASK:
      case USER_TASK:
        createJob(inst, run);
        break;
      case RECEIVE_TASK:
      case MESSAGE_CATCH_EVENT:
        openSubscription(inst, run);
        break;
      case TIMER_CATCH_EVENT:
        if (n.timer.isZero()) {
          finish(inst, run, Map.of(), n.outgoing, List.of());
        } else {
          TimerRec t = new TimerRec(now().plus(n.timer), nextSeq++, inst, run);
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
  private void finish(InstanceRec inst, NodeRun run, Map<String, Object> outputs, List<CFlow> taken, List<CFlow> dead) {
    transit(inst, run, NodeStatus.FINISHED);
    run.finished = now();
    run.outputs = copy(outputs);
    leave(inst, run, taken, dead);
  }

  private void leave(InstanceRec inst, NodeRun run, List<CFlow> taken, List<CFlow> dead) {
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

  private void fail(InstanceRec inst, NodeRun run, String message, String jobKey) {
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

  private void recoverParents(InstanceRec inst, NodeRun run) {
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

  private void recordHistory(InstanceRec inst, NodeRun run) {
    NodeAttempt h = new NodeAttempt(nextHistory++, run.node.id, run.started, run.finished == null ? now() : run.finished, run.loop,
        run.retry, run.skip, run.version, run.state, run.inputs, run.outputs, run.error);
    inst.histories.computeIfAbsent(run.node.id, k -> new ArrayList<>()).add(h);
  }

  // ------------------------------------------------------------------ jobs

  private void createJob(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    int retries = n.jobRetries != null ? n.jobRetries : options.defaultJobRetries();
    Map<String, Object> vars = copy(inst.vars);
    JobRec job = new JobRec(key(), n.jobType, inst, run, vars, retries);
    run.inputs = vars;
    run.job = job;
    jobs.put(job.key, job);
    jobsByType.computeIfAbsent(job.type, k -> new LinkedHashMap<>()).put(job.key, job);
    JobHandler h = handlers.get(job.type);
    if (h != null) {
      work.add(() -> invokeHandler(job, h));
    }
  }

  private void invokeHandler(JobRec job, JobHandler h) {
    if (job.closed || job.inst.suspended || job.run.state != NodeStatus.RUNNING) {
      return;
    }
    try {
      h.handle(new JobView(job));
    } catch (RuntimeException e) {
      if (!job.closed && job.run.state == NodeStatus.RUNNING) {
        closeJob(job);
        fail(job.inst, job.run, "Job handler of type '" + job.type + "' threw " + e, job.key);
      }
    }
  }

  private void closeJob(JobRec job) {
    job.closed = true;
    jobs.remove(job.key);
    Map<String, JobRec> byType = jobsByType.get(job.type);
    if (byType != null) {
      byType.remove(job.key);
    }
    if (job.run.job == job) {
      job.run.job = null;
    }
  }

  private final class JobView implements Job {
    private final JobRec job;

    JobView(JobRec job) {
      this.job = job;
    }

    @Override
    public String key() {
      return job.key;
    }

    @Override
    public String type() {
      return job.type;
    }

    @Override
    public String instanceId() {
      return job.inst.key;
    }

    @Override
    public String nodeId() {
      return job.run.node.id;
    }

    @Override
    public Map<String, Object> variables() {
      return job.variables;
    }

    @Override
    public int retries() {
      return job.retries;
    }

    @Override
    public void complete(Map<String, Object> variables) {
      completeJob(job.key, variables);
    }

    @Override
    public void fail(int retries, String errorMessage) {
      failJob(job.key, retries, errorMessage);
    }

    @Override
    public String toString() {
      return "Job[" + job.key + ", " + job.type + ", node " + job.run.node.id + "]";
    }
  }

  public Registration registerHandler(String type, JobHandler handler) {
    requireId(type, "type");
    if (handler == null) {
      throw new EngineException(INVALID_ARGUMENT, "handler must not be null");
    }
    run(() -> {
      handlers.put(type, handler);
      Map<String, JobRec> open = jobsByType.get(type);
      if (open != null) {
        for (JobRec j : new ArrayList<>(open.values())) {
          work.add(() -> invokeHandler(j, handler));
        }
      }
    });
    return () -> handlers.remove(type, handler);
  }

  private JobSnapshot jobSnapshot(JobRec j) {
    DefRec d = j.inst.def;
    return new JobSnapshot(j.key, j.type, j.inst.key, j.run.node.id, d.processId, d.key, d.version, j.retries, j.variables, j.worker,
        j.deadline, j.error);
  }

  public List<JobSnapshot> activeJobs(String type) {
    return op(() -> {
      List<JobSnapshot> out = new ArrayList<>();
      Collection<JobRec> source = type == null ? sortedJobs() : jobsByType.getOrDefault(type, new LinkedHashMap<>()).values();
      for (JobRec j : source) {
        out.add(jobSnapshot(j));
      }
      return out;
    });
  }

  private List<JobRec> sortedJobs() {
    List<JobRec> all = new ArrayList<>(jobs.values());
    all.sort(Comparator.comparingLong(j -> Long.parseLong(j.key)));
    return all;
  }

  public List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker) {
    requireId(type, "type");
    if (maxJobs <= 0) {
      throw new EngineException(INVALID_ARGUMENT, "maxJobsToActivate must be greater than zero, was " + maxJobs);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new EngineException(INVALID_ARGUMENT, "timeout must be positive, was " + timeout);
    }
    return op(() -> {
      List<JobSnapshot> out = new ArrayList<>();
      Instant now = now();
      for (JobRec j : jobsByType.getOrDefault(type, new LinkedHashMap<>()).values()) {
        if (out.size() >= maxJobs) {
          break;
        }
        if (j.inst.suspended || j.run.state != NodeStatus.RUNNING || j.retries <= 0 || (j.deadline != null && j.deadline.isAfter(now))) {
          continue;
        }
        j.worker = worker;
        j.deadline = now.plus(timeout);
        out.add(jobSnapshot(j));
      }
      return out;
    });
  }

  private JobRec job(String jobKey, String verb) {
    requireId(jobKey, "jobKey");
    JobRec j = jobs.get(jobKey);
    if (j == null) {
      throw new EngineException(JOB_NOT_FOUND, "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found");
    }
    if (j.inst.suspended) {
      throw illegal("Expected to " + verb + " job with key '" + jobKey + "', but process instance '" + j.inst.key + "' is suspended");
    }
    if (j.run.state != NodeStatus.RUNNING) {
      throw illegal("Expected to " + verb + " job with key '" + jobKey + "', but node '" + j.run.node.id + "' is " + j.run.state);
    }
    return j;
  }

  public void completeJob(String jobKey, Map<String, Object> variables) {
    Map<String, Object> vars = variables == null ? Map.of() : requireVars(variables, "variables");
    run(() -> {
      JobRec j = job(jobKey, "complete");
      closeJob(j);
      j.inst.vars.putAll(vars);
      finish(j.inst, j.run, vars, j.run.node.outgoing, List.of());
    });
  }

  public void failJob(String jobKey, int retries, String errorMessage) {
    if (retries < 0) {
      throw new EngineException(INVALID_ARGUMENT, "retries must be >= 0, was " + retries);
    }
    run(() -> {
      JobRec j = job(jobKey, "fail");
      j.retries = retries;
      j.error = errorMessage;
      j.run.error = errorMessage;
      j.worker = null;
      j.deadline = null;
      changed.add(j.inst);
      if (retries == 0) {
        closeJob(j);
        fail(j.inst, j.run, errorMessage == null ? "No more retries left." : errorMessage, j.key);
      }
    });
  }

  public void completeUserTask(String instanceId, String nodeId, Map<String, Object> variables) {
    String key = op(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type != NodeType.USER_TASK || run.job == null) {
        throw illegal("Node '" + nodeId + "' is not a waiting user task (" + run.node.type + ", " + run.state + ")");
      }
      return run.job.key;
    });
    completeJob(key, variables);
  }

  // ------------------------------------------------------------------ messages

  private static String norm(String s) {
    return s == null ? "" : s;
  }

  private boolean live(MessageRec m) {
    return m.expiresAt.isAfter(now());
  }

  public String publishMessage(MessageCommand cmd) {
    if (cmd == null) {
      throw new EngineException(INVALID_ARGUMENT, "command must not be null");
    }
    requireId(cmd.name(), "name");
    if (cmd.ttl().isNegative()) {
      throw new EngineException(INVALID_ARGUMENT, "ttl must not be negative, was " + cmd.ttl());
    }
    requireVars(cmd.variables(), "variables");
    String tenant = tenant(cmd.tenantId());
    return op(() -> {
      messages.removeIf(m -> !live(m));
      if (cmd.messageId() != null && !cmd.messageId().isEmpty()) {
        for (MessageRec m : messages) {
          if (m.name.equals(cmd.name()) && cmd.messageId().equals(m.messageId) && m.tenantId.equals(tenant)) {
            throw new EngineException(ALREADY_EXISTS, "Expected to publish a new message with id '" + cmd.messageId()
                + "', but a message with that id was already published");
          }
        }
      }
      MessageRec m = new MessageRec(key(), cmd.name(), norm(cmd.correlationKey()), cmd.messageId(), tenant, cmd.variables(),
          now().plus(cmd.ttl()));
      List<SubRec> subs = subsByName.get(m.name);
      if (subs != null) {
        for (SubRec s : new ArrayList<>(subs)) {
          if (s.run.sub == s && matches(s, m) && !m.correlated.contains(s.inst.key)) {
            m.correlated.add(s.inst.key);
            correlate(s, m.variables);
          }
        }
      }
      Set<String> started = new HashSet<>();
      for (List<DefRec> versions : new ArrayList<>(defsById.values())) {
        DefRec latest = versions.get(versions.size() - 1);
        if (!latest.tenantId.equals(tenant) || started.contains(latest.processId)) {
          continue;
        }
        for (CNode n : latest.compiled.root.messageStarts) {
          if (n.messageName.equals(m.name)) {
            InstanceRec inst = startInstance(latest, n, m.variables, null, tenant);
            m.correlated.add(inst.key);
            started.add(latest.processId);
            break;
          }
        }
      }
      if (cmd.ttl().compareTo(Duration.ZERO) > 0) {
        messages.add(m);
      }
      return m.key;
    });
  }

  private boolean matches(SubRec s, MessageRec m) {
    return s.inst.tenantId.equals(m.tenantId) && s.correlationKey.equals(m.correlationKey) && !s.inst.suspended
        && s.run.state == NodeStatus.RUNNING && s.inst.endState == null;
  }

  private void correlate(SubRec s, Map<String, Object> vars) {
    closeSub(s);
    s.inst.vars.putAll(vars);
    finish(s.inst, s.run, vars, s.run.node.outgoing, List.of());
  }

  private void closeSub(SubRec s) {
    List<SubRec> subs = subsByName.get(s.name);
    if (subs != null) {
      subs.remove(s);
    }
    if (s.run.sub == s) {
      s.run.sub = null;
    }
  }

  private void openSubscription(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    String correlationKey = "";
    if (n.correlationVariable != null) {
      Object v = inst.vars.get(n.correlationVariable);
      if (v instanceof String str) {
        correlationKey = str;
      } else if (v instanceof Number num) {
        correlationKey = num instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : num.toString();
      } else {
        fail(inst, run, "Failed to extract the correlation key for '" + n.correlationVariable
            + "': The value must be either a string or a number, but was " + (v == null ? "NULL" : v.getClass().getSimpleName()), null);
        return;
      }
    }
    SubRec s = new SubRec(inst, run, n.messageName, correlationKey);
    run.sub = s;
    subsByName.computeIfAbsent(n.messageName, k -> new ArrayList<>()).add(s);
    checkBuffered(s);
  }

  private void checkBuffered(SubRec s) {
    for (Iterator<MessageRec> it = messages.iterator(); it.hasNext(); ) {
      MessageRec m = it.next();
      if (!live(m)) {
        it.remove();
        continue;
      }
      if (m.name.equals(s.name) && matches(s, m) && !m.correlated.contains(s.inst.key)) {
        m.correlated.add(s.inst.key);
        correlate(s, m.variables);
        return;
      }
    }
  }

  public void messageEventReceived(String instanceId, String messageName, Map<String, Object> variables) {
    requireId(messageName, "messageName");
    Map<String, Object> vars = variables == null ? Map.of() : requireVars(variables, "variables");
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      for (NodeRun run : inst.nodes.values()) {
        if (run.sub != null && run.state == NodeStatus.RUNNING && run.sub.name.equals(messageName)) {
          correlate(run.sub, vars);
          return;
        }
      }
      throw illegal("Execution '" + instanceId + "' does not have a subscription to a message event with name '" + messageName + "'");
    });
  }

  // ------------------------------------------------------------------ timers

  private void fireDueTimers() {
    if (closed) {
      return;
    }
    run(() -> {
      Instant now = now();
      while (!timers.isEmpty() && !timers.peek().due.isAfter(now)) {
        TimerRec t = timers.poll();
        if (t.cancelled || t.run.timer != t || t.inst.endState != null) {
          continue;
        }
        if (t.inst.suspended || t.run.state != NodeStatus.RUNNING) {
          t.blocked = true;
          continue;
        }
        t.run.timer = null;
        finish(t.inst, t.run, Map.of(), t.run.node.outgoing, List.of());
        drain();
      }
    });
  }

  /** After a resume: fire a timer that came due while blocked, re-check buffered messages, re-invoke handlers. */
  private void unblock(InstanceRec inst, NodeRun run) {
    if (run.state != NodeStatus.RUNNING) {
      return;
    }
    TimerRec t = run.timer;
    if (t != null && t.blocked) {
      run.timer = null;
      finish(inst, run, Map.of(), run.node.outgoing, List.of());
    } else if (run.sub != null) {
      checkBuffered(run.sub);
    }
  }

  // ------------------------------------------------------------------ instance operations

  public InstanceSnapshot get(String instanceId) {
    return op(() -> snapshot(instance(instanceId)));
  }

  public List<InstanceSnapshot> list(InstanceFilter filter) {
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
        out.add(snapshot(inst));
        if (f.limit() > 0 && out.size() >= f.limit()) {
          break;
        }
      }
      return out;
    });
  }

  public void cancel(String instanceId) {
    run(() -> cancelInternal(active(instanceId)));
  }

  private void cancelInternal(InstanceRec inst) {
    for (NodeRun run : inst.nodes.values()) {
      clearWait(run);
      if (run.state == NodeStatus.RUNNING || run.state == NodeStatus.SUSPENDED) {
        transit(inst, run, NodeStatus.REVOKED);
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

  private void clearWait(NodeRun run) {
    if (run.job != null) {
      closeJob(run.job);
    }
    if (run.sub != null) {
      closeSub(run.sub);
    }
    if (run.timer != null) {
      run.timer.cancelled = true;
      run.timer = null;
    }
  }

  public void delete(String instanceId) {
    run(() -> {
      InstanceRec inst = instance(instanceId);
      if (inst.endState == null) {
        cancelInternal(inst);
      }
      instances.remove(inst.key);
      changed.add(inst);
    });
  }

  public void suspend(String instanceId) {
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

  public void resume(String instanceId) {
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
            work.add(() -> invokeHandler(j, h));
          }
        }
        work.add(() -> unblock(inst, run));
      }
    });
  }

  public void retry(String instanceId) {
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
        retryRun(inst, run, null);
      }
    });
  }

  public void resolveIncident(String incidentKey) {
    requireId(incidentKey, "incidentKey");
    run(() -> {
      for (InstanceRec inst : instances.values()) {
        for (Incident i : inst.incidents.values()) {
          if (i.key().equals(incidentKey)) {
            if (inst.suspended) {
              throw illegal("Process instance '" + inst.key + "' is suspended");
            }
            retryRun(inst, inst.nodes.get(i.nodeId()), null);
            return;
          }
        }
      }
      throw new EngineException(INCIDENT_NOT_FOUND, "Expected to resolve incident with key '" + incidentKey + "', but no such incident was found");
    });
  }

  public CompletableFuture<InstanceSnapshot> when(String instanceId, Predicate<InstanceSnapshot> predicate) {
    if (predicate == null) {
      throw new EngineException(INVALID_ARGUMENT, "predicate must not be null");
    }
    CompletableFuture<InstanceSnapshot> future = new CompletableFuture<>();
    Waiter w = new Waiter(predicate, future);
    InstanceSnapshot now = op(() -> {
      InstanceSnapshot s = snapshot(instance(instanceId));
      waiters.computeIfAbsent(instanceId, k -> new CopyOnWriteArrayList<>()).add(w);
      return s;
    });
    future.whenComplete((v, e) -> {
      CopyOnWriteArrayList<Waiter> list = waiters.get(instanceId);
      if (list != null) {
        list.remove(w);
        if (list.isEmpty()) {
          waiters.remove(instanceId, list);
        }
      }
    });
    test(w, now);
    return future;
  }

  public CompletableFuture<InstanceSnapshot> awaitCompletion(String instanceId, Duration timeout) {
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

  public Registration onChange(Consumer<InstanceSnapshot> listener) {
    if (listener == null) {
      throw new EngineException(INVALID_ARGUMENT, "listener must not be null");
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  // ------------------------------------------------------------------ variables

  public Map<String, Object> variables(String instanceId) {
    return op(() -> Collections.unmodifiableMap(new LinkedHashMap<>(instance(instanceId).vars)));
  }

  public Object variable(String instanceId, String name) {
    requireId(name, "name");
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      if (!inst.vars.containsKey(name)) {
        throw new EngineException(VARIABLE_NOT_FOUND, "Process instance '" + instanceId + "' doesn't have a variable with name: '" + name + "'.");
      }
      return inst.vars.get(name);
    });
  }

  public void createVariables(String instanceId, Map<String, Object> variables) {
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

  public void upsertVariables(String instanceId, Map<String, Object> variables) {
    requireVars(variables, "variables");
    run(() -> {
      InstanceRec inst = active(instanceId);
      inst.vars.putAll(variables);
      changed.add(inst);
    });
  }

  // ------------------------------------------------------------------ node operations (bamboo)

  public NodeSnapshot tree(String instanceId) {
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

  public NodeExecutionData executionData(String instanceId, String nodeId) {
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      CNode n = cnode(inst, nodeId);
      NodeRun run = inst.nodes.get(n.id);
      return run == null ? new NodeExecutionData(n.id, Map.of(), Map.of(), null) : new NodeExecutionData(n.id, run.inputs, run.outputs, run.error);
    });
  }

  public List<NodeAttempt> histories(String instanceId, String nodeId) {
    return op(() -> {
      InstanceRec inst = instance(instanceId);
      CNode n = cnode(inst, nodeId);
      return List.copyOf(inst.histories.getOrDefault(n.id, List.of()));
    });
  }

  public void pauseNode(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      CNode n = cnode(inst, nodeId);
      if (n.type == NodeType.SUB_PROCESS) {
        throw illegal("Can not pause subprocess node '" + nodeId + "' with pauseNode; suspend the instance instead");
      }
      NodeRun run = inst.nodes.get(n.id);
      if (run == null) {
        newRun(inst, n, NodeStatus.SUSPENDED);
      } else {
        transit(inst, run, NodeStatus.SUSPENDED);
      }
    });
  }

  public void resumeNode(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type == NodeType.SUB_PROCESS) {
        throw illegal("Can not resume subprocess node '" + nodeId + "' with resumeNode; resume the instance instead");
      }
      expectState(run, NodeStatus.SUSPENDED, "resume");
      transit(inst, run, NodeStatus.READY);
      if (run.parked) {
        run.parked = false;
        work.add(() -> {
          transit(inst, run, NodeStatus.RUNNING);
          run.started = now();
          execute(inst, run);
        });
      } else if (run.job != null || run.sub != null || run.timer != null) {
        transit(inst, run, NodeStatus.RUNNING);
        if (run.job != null && handlers.containsKey(run.job.type)) {
          JobRec j = run.job;
          JobHandler h = handlers.get(j.type);
          work.add(() -> invokeHandler(j, h));
        }
        work.add(() -> unblock(inst, run));
      }
    });
  }

  public void retryNode(String instanceId, String nodeId, Map<String, Object> inputs) {
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

  private void retryRun(InstanceRec inst, NodeRun run, Map<String, Object> inputs) {
    recordHistory(inst, run);
    inst.incidents.remove(run.node.id);
    if (inputs != null) {
      inst.vars.putAll(inputs);
    }
    transit(inst, run, NodeStatus.READY);
    run.retry++;
    run.error = null;
    run.outputs = Map.of();
    run.inputs = Map.of();
    run.finished = null;
    recoverParents(inst, run);
    work.add(() -> {
      if (inst.endState != null || run.state != NodeStatus.READY) {
        return;
      }
      transit(inst, run, NodeStatus.RUNNING);
      run.started = now();
      execute(inst, run);
    });
  }

  public void skipNode(String instanceId, String nodeId) {
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
    recordHistory(inst, run);
    inst.incidents.remove(run.node.id);
    transit(inst, run, NodeStatus.FINISHED);
    run.skip = true;
    run.finished = now();
    recoverParents(inst, run);
    leave(inst, run, taken, dead);
  }

  public void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
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

  public void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
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

  public void forceFail(String instanceId, String nodeId, String message) {
    run(() -> {
      InstanceRec inst = active(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (!run.node.type.isActivity()) {
        throw illegal("Can not force-fail node '" + nodeId + "': only activities can be force-failed, it is a " + run.node.type);
      }
      expectState(run, NodeStatus.RUNNING, "force-fail");
      String jobKey = run.job == null ? null : run.job.key;
      clearWait(run);
      fail(inst, run, message == null ? "forced fail" : message, jobKey);
    });
  }

  public void callback(String instanceId, String nodeId, Map<String, Object> data, String version) {
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
      clearWait(run);
      inst.vars.putAll(vars);
      finish(inst, run, vars, run.node.outgoing, List.of());
    });
  }

  public void retrySubprocess(String instanceId, String nodeId) {
    run(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun sub = reached(inst, nodeId);
      if (sub.node.type != NodeType.SUB_PROCESS) {
        throw illegal("Node '" + nodeId + "' is not a subprocess but a " + sub.node.type);
      }
      expectState(sub, NodeStatus.FAILED, "retry subprocess");
      for (NodeRun r : new ArrayList<>(inst.nodes.values())) {
        if (isInside(r, sub)) {
          recordHistory(inst, r);
          clearWait(r);
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
      recordHistory(inst, sub);
      transit(inst, sub, NodeStatus.READY);
      sub.retry++;
      sub.error = null;
      sub.finished = null;
      recoverParents(inst, sub);
      transit(inst, sub, NodeStatus.RUNNING);
      sub.started = now();
      execute(inst, sub);
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

  // ------------------------------------------------------------------ snapshots

  private InstanceSnapshot snapshot(InstanceRec inst) {
    List<String> active = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (NodeRun r : inst.nodes.values()) {
      switch (r.state) {
        case RUNNING, SUSPENDED, READY -> active.add(r.node.id);
        case FINISHED -> passed.add(r.node.id);
        case FAILED -> failed.add(r.node.id);
        default -> { }
      }
    }
    DefRec d = inst.def;
    return new InstanceSnapshot(inst.key, d.key, d.processId, d.version, inst.businessKey, inst.tenantId, inst.state(),
        Collections.unmodifiableMap(new LinkedHashMap<>(inst.vars)), List.copyOf(active), List.copyOf(passed), List.copyOf(failed),
        List.copyOf(inst.incidents.values()), inst.start, inst.end);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
    clockRegistration.close();
    for (CopyOnWriteArrayList<Waiter> list : waiters.values()) {
      for (Waiter w : list) {
        w.future.completeExceptionally(new EngineException(ILLEGAL_STATE, "The in-memory engine was closed"));
      }
    }
    waiters.clear();
    listeners.clear();
  }
}
