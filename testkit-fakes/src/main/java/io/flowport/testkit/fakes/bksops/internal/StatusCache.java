package io.flowport.testkit.fakes.bksops.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * get_task_status' {@code BucketTTLCache}: an answer is kept for the TTL (10 s in bk-sops, real
 * time) per key, unless it is a refusal or a task still CREATED ({@code cache_decisioner}). The
 * cached copy keeps its first trace id, as a cached Django answer would.
 */
final class StatusCache {
  private final long ttlNanos;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private record Entry(ObjectNode answer, long expiresAt) {}

  StatusCache(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  synchronized ObjectNode get(String key, Supplier<ObjectNode> compute) {
    long now = System.nanoTime();
    Entry e = entries.get(key);
    if (e != null && now - e.expiresAt < 0) {
      return e.answer.deepCopy();
    }
    ObjectNode answer = compute.get();
    boolean cacheable = answer.path("result").asBoolean(false)
        && !answer.path("data").path("state").asText().equals("CREATED");
    if (ttlNanos > 0 && cacheable) {
      entries.entrySet().removeIf(old -> now - old.getValue().expiresAt >= 0);
      entries.put(key, new Entry(answer.deepCopy(), now + ttlNanos));
    }
    return answer;
  }
}
