package io.flowport.testkit.fakes.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.testkit.assertions.internal.EngineReport;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.fakes.FakeServers;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.StandaloneClock;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes the admin API answers (maps and lists Jackson writes as they are). Not API. */
final class AdminViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdminViews() {}

  /** {@code {"mode": "frozen", "now": "2025-01-01T00:00:00Z", "frozenStart": ...}}. */
  static Map<String, Object> clock(StandaloneClock clock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", clock.mode());
    m.put("now", clock.now().toString());
    if (clock.isFrozen()) {
      m.put("frozenStart", clock.frozenStart().toString());
    }
    return m;
  }

  /** One running fake: name, port, banner line, request count and pending faults. */
  static Map<String, Object> fake(String name, RunningFake fake) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("port", fake.port());
    m.put("description", fake.describe());
    m.put("requests", fake.requestLog().total());
    m.put("pendingFaults", fake.faults().pending());
    return m;
  }

  /** Every running fake by name. */
  static Map<String, Object> fakes(FakeServers servers) {
    Map<String, Object> m = new LinkedHashMap<>();
    servers.fakes().forEach((name, fake) -> m.put(name, fake(name, fake)));
    return m;
  }

  /** A request journal: total, counts by name (first-arrival order) and the names in arrival order. */
  static Map<String, Object> requests(RequestLog log) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> names = log.names(); // one copy, so total and names agree
    Map<String, Integer> counts = new LinkedHashMap<>();
    names.forEach(n -> counts.merge(n, 1, Integer::sum));
    m.put("total", names.size());
    m.put("counts", counts);
    m.put("requests", names);
    return m;
  }

  /** What a deploy made: the deployment key and each definition. */
  static Map<String, Object> deployment(String engine, String resource, EngineDeployment d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", engine);
    m.put("resource", resource);
    m.put("deploymentKey", d.key());
    List<Object> defs = new ArrayList<>();
    d.definitions().forEach(def -> defs.add(definition(def)));
    m.put("definitions", defs);
    return m;
  }

  /**
   * An engine's state: clock, definitions, every instance with its open jobs, and {@code report},
   * the text the JUnit extension prints when a test fails.
   */
  static Map<String, Object> state(String name, InMemoryEngine engine) {
    List<JobSnapshot> jobs = engine.activeJobs(null);
    List<InstanceSnapshot> instances = engine.list(InstanceFilter.all());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", name);
    m.put("clock", engine.clock().now().toString());
    List<Object> defs = new ArrayList<>();
    engine.definitions().forEach(d -> defs.add(definition(d)));
    m.put("definitions", defs);
    List<Object> list = new ArrayList<>();
    for (InstanceSnapshot s : instances) {
      list.add(instance(s, jobs));
    }
    m.put("instances", list);
    m.put("report", EngineReport.of(engine, null, "in-memory engine state of " + name));
    return m;
  }

  private static Map<String, Object> definition(DeployedModel d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("processId", d.processId());
    m.put("version", d.version());
    m.put("key", d.key());
    m.put("resourceName", d.resourceName());
    m.put("tenantId", d.tenantId());
    return m;
  }

  private static Map<String, Object> instance(InstanceSnapshot s, List<JobSnapshot> jobs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("processId", s.processId());
    m.put("version", s.version());
    m.put("state", s.state().name());
    m.put("businessKey", s.businessKey());
    m.put("tenantId", s.tenantId());
    m.put("startTime", text(s.startTime()));
    m.put("endTime", text(s.endTime()));
    Map<String, Object> vars = new LinkedHashMap<>();
    s.variables().forEach((k, v) -> vars.put(k, writable(v)));
    m.put("variables", vars);
    m.put("passed", s.passedNodeIds());
    m.put("active", s.activeNodeIds());
    m.put("failed", s.failedNodeIds());
    List<Object> incidents = new ArrayList<>();
    s.incidents().forEach(i -> {
      Map<String, Object> inc = new LinkedHashMap<>();
      inc.put("nodeId", i.nodeId());
      inc.put("message", i.message());
      inc.put("jobKey", i.jobKey());
      incidents.add(inc);
    });
    m.put("incidents", incidents);
    List<Object> open = new ArrayList<>();
    for (JobSnapshot j : jobs) {
      if (j.instanceId().equals(s.id())) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("key", j.key());
        job.put("type", j.type());
        job.put("nodeId", j.nodeId());
        job.put("retries", j.retries());
        job.put("worker", j.worker());
        job.put("deadline", text(j.deadline()));
        job.put("errorMessage", j.errorMessage());
        open.add(job);
      }
    }
    m.put("openJobs", open);
    return m;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  /** A variable value as JSON: as it is when Jackson can write it, else its {@code toString()}. */
  private static Object writable(Object v) {
    try {
      return JSON.valueToTree(v);
    } catch (IllegalArgumentException e) {
      return String.valueOf(v);
    }
  }
}
