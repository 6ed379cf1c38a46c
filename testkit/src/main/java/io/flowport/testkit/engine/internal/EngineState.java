package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.MessageRec;
import io.flowport.testkit.engine.internal.Runtime.SubRec;
import io.flowport.testkit.engine.internal.Runtime.TimerRec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine's state and its one lock. An operation ({@link #op}) takes the lock, runs its body,
 * drains the work it queued (token moves, handler calls), and only after releasing the lock tells
 * listeners and waiters about the instances that changed; nested operations (a handler completing
 * its job) join the outer one. Not API.
 */
final class EngineState {
  final ReentrantLock lock = new ReentrantLock();
  final EngineOptions options;
  final TestClock clock;
  long nextKey = 2251799813685249L;
  long nextVersion = 1;
  long nextHistory = 1;
  long nextSeq = 1;
  final Map<String, DefRec> defsByKey = new HashMap<>();
  final Map<String, List<DefRec>> defsById = new LinkedHashMap<>();
  final Map<String, InstanceRec> instances = new LinkedHashMap<>();
  final Map<String, JobRec> jobs = new HashMap<>();
  final Map<String, LinkedHashMap<String, JobRec>> jobsByType = new HashMap<>();
  final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
  final PriorityQueue<TimerRec> timers =
      new PriorityQueue<>(Comparator.comparing((TimerRec t) -> t.due).thenComparingLong(t -> t.seq));
  final Map<String, List<SubRec>> subsByName = new HashMap<>();
  final List<MessageRec> messages = new ArrayList<>();
  final ArrayDeque<Runnable> work = new ArrayDeque<>();
  boolean draining;
  int depth;
  final Set<InstanceRec> changed = new LinkedHashSet<>();
  final CopyOnWriteArrayList<Consumer<InstanceSnapshot>> listeners = new CopyOnWriteArrayList<>();
  final ConcurrentHashMap<String, CopyOnWriteArrayList<Waiter>> waiters = new ConcurrentHashMap<>();
  volatile boolean closed;

  // The parts, wired by EngineCore; each reads the state above through EnginePart.
  DefinitionStore store;
  TokenExecution tokens;
  JobQueue jobQueue;
  MessageCorrelation correlation;
  Timers timerQueue;
  InstanceCommands commands;
  NodeStateMachine nodeOps;

  EngineState(EngineOptions options) {
    this.options = options;
    this.clock = options.clock();
  }

  record Waiter(Predicate<InstanceSnapshot> predicate, CompletableFuture<InstanceSnapshot> future) {}

  private record Note(String instanceId, InstanceSnapshot snapshot) {}

  <T> T op(Supplier<T> body) {
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

  void run(Runnable body) {
    op(() -> {
      body.run();
      return null;
    });
  }

  void drain() {
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
        notes.add(new Note(inst.key, Snapshots.of(inst)));
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

  void test(Waiter w, InstanceSnapshot s) {
    try {
      if (w.predicate.test(s)) {
        w.future.complete(s);
      }
    } catch (RuntimeException e) {
      w.future.completeExceptionally(e);
    }
  }
}
