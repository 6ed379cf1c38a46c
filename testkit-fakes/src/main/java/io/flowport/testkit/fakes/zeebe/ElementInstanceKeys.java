package io.flowport.testkit.fakes.zeebe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The element instance keys the fake gives jobs: one per job (a retried job keeps its key, as the
 * element instance stays the same on Zeebe), distinct from the process instance key as on Zeebe, and
 * each resolves to its process instance so SetVariables on it writes the instance's one flat scope.
 */
final class ElementInstanceKeys {
  private final AtomicLong keys;
  private final Map<String, Long> byJob = new ConcurrentHashMap<>();
  private final Map<Long, String> instances = new ConcurrentHashMap<>();

  /** Keys come from {@code keys}, the gateway's own counter (never an engine key). */
  ElementInstanceKeys(AtomicLong keys) {
    this.keys = keys;
  }

  /** The element instance key of a job of {@code instanceId}. */
  long of(String jobKey, String instanceId) {
    return byJob.computeIfAbsent(jobKey, k -> {
      long key = keys.getAndIncrement();
      instances.put(key, instanceId);
      return key;
    });
  }

  /** The process instance an element instance key belongs to; {@code key} itself when it is none of ours. */
  String instanceOf(String key) {
    try {
      String instance = instances.get(Long.parseLong(key));
      return instance == null ? key : instance;
    } catch (NumberFormatException e) {
      return key;
    }
  }
}
