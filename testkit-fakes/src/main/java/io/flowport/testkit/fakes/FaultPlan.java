package io.flowport.testkit.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The faults a fake will show next, in order: {@code plan.next(2, Fault.backPressure())} makes
 * the next two matching requests fail with back pressure, then the fake answers normally again.
 * Thread-safe; each request takes at most one fault.
 */
public final class FaultPlan {
  private final Deque<Entry> queue = new ArrayDeque<>();
  private Fault always;

  /**
   * {@return the next {@code times} requests get {@code fault}}
   *
   * @param times the times
   * @param fault the fault to inject
   */
  public synchronized FaultPlan next(int times, Fault fault) {
    return next(times, fault, request -> true);
  }

  /**
   * {@return the next {@code times} requests whose name matches {@code which} get {@code fault}} The name
   * is the fake's own: the gRPC method ({@code "CreateProcessInstance"}) or {@code "METHOD /path"}.
   *
   * @param times the times
   * @param fault the fault to inject
   * @param which the which
   */
  public synchronized FaultPlan next(int times, Fault fault, Predicate<String> which) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    Objects.requireNonNull(fault, "fault == null");
    Objects.requireNonNull(which, "which == null");
    for (int i = 0; i < times; i++) {
      queue.addLast(new Entry(fault, which));
    }
    return this;
  }

  /**
   * {@return every request gets {@code fault} until {@link #clear()}}
   *
   * @param fault the fault to inject
   */
  public synchronized FaultPlan always(Fault fault) {
    this.always = Objects.requireNonNull(fault, "fault == null");
    return this;
  }

  /** Forgets every planned fault. */
  public synchronized void clear() {
    queue.clear();
    always = null;
  }

  /**
   * Takes the fault for request {@code name}, or null to answer normally.
   *
   * @param name the name
   * @return the fault
   */
  public synchronized Fault take(String name) {
    for (var it = queue.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.which().test(name)) {
        it.remove();
        return e.fault();
      }
    }
    return always;
  }

  /** {@return how many planned one-time faults are left} */
  public synchronized int pending() {
    return queue.size();
  }

  private record Entry(Fault fault, Predicate<String> which) {}
}
