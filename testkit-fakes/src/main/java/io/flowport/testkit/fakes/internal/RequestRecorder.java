package io.flowport.testkit.fakes.internal;

import io.flowport.testkit.fakes.RequestLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one {@link RequestLog} of every fake: keeps each request's entry (a bare name for gRPC, a
 * recorded HTTP request for REST) and names it with {@code nameOf}. Thread-safe.
 *
 * @param <E> what is kept per request
 */
public final class RequestRecorder<E> implements RequestLog {
  private final Function<E, String> nameOf;
  private final List<E> entries = new ArrayList<>();

  /** A recorder naming each entry with {@code nameOf}. */
  public RequestRecorder(Function<E, String> nameOf) {
    this.nameOf = Objects.requireNonNull(nameOf, "nameOf == null");
  }

  /** Logs one request. */
  public synchronized void record(E entry) {
    entries.add(entry);
  }

  /** Every entry in arrival order (a copy). */
  public synchronized List<E> entries() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized int count(String name) {
    int n = 0;
    for (E e : entries) {
      if (nameOf.apply(e).equals(name)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int countStartingWith(String prefix) {
    int n = 0;
    for (E e : entries) {
      if (nameOf.apply(e).startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int total() {
    return entries.size();
  }

  @Override
  public synchronized List<String> names() {
    return entries.stream().map(nameOf).toList();
  }

  @Override
  public synchronized Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (E e : entries) {
      out.merge(nameOf.apply(e), 1, Integer::sum);
    }
    return out;
  }

  @Override
  public synchronized void clear() {
    entries.clear();
  }

  @Override
  public synchronized String toString() {
    return "RequestLog" + counts();
  }
}
