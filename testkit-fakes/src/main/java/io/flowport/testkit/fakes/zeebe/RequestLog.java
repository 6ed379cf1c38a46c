package io.flowport.testkit.fakes.zeebe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every gRPC call that reached a {@link FakeZeebeGateway}, by the bare method name of
 * {@code gateway_protocol.Gateway} ({@code "CreateProcessInstance"}, {@code "ActivateJobs"}, ...).
 * A call is logged when its headers arrive, before any injected fault, so a request answered with
 * injected back pressure counts too. Thread-safe.
 *
 * <pre>{@code
 * assertThat(gateway.requests().count("CreateProcessInstance")).isEqualTo(3);
 * }</pre>
 */
public final class RequestLog {
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  RequestLog() {}

  synchronized void record(String method) {
    names.add(method);
    counts.merge(method, 1, Integer::sum);
  }

  /** How many calls of this method reached the server. */
  public synchronized int count(String method) {
    return counts.getOrDefault(method, 0);
  }

  /** How many calls of any method reached the server. */
  public synchronized int total() {
    return names.size();
  }

  /** The method names in arrival order (a copy). */
  public synchronized List<String> names() {
    return List.copyOf(names);
  }

  /** Calls per method, in order of first arrival (a copy). */
  public synchronized Map<String, Integer> counts() {
    return new LinkedHashMap<>(counts);
  }

  /** Forgets everything logged so far. */
  public synchronized void clear() {
    names.clear();
    counts.clear();
  }

  @Override
  public synchronized String toString() {
    return "RequestLog" + counts;
  }
}
