package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable runtime records; guarded by the engine lock. Not API. */
final class Runtime {
  private Runtime() {}

  static final class DefRec {
    final String key;
    final String processId;
    final int version;
    final String resourceName;
    final String tenantId;
    final String deploymentKey;
    final Instant deployedAt;
    final Compiled compiled;
    final byte[] content;

    DefRec(String key, int version, String resourceName, String tenantId, String deploymentKey, Instant deployedAt,
        Compiled compiled, byte[] content) {
      this.key = key;
      this.processId = compiled.processId;
      this.version = version;
      this.resourceName = resourceName;
      this.tenantId = tenantId;
      this.deploymentKey = deploymentKey;
      this.deployedAt = deployedAt;
      this.compiled = compiled;
      this.content = content;
    }
  }

  static final class InstanceRec {
    final String key;
    final long seq;
    final DefRec def;
    final String businessKey;
    final String tenantId;
    final Map<String, Object> vars = new HashMap<>();
    final LinkedHashMap<String, NodeRun> nodes = new LinkedHashMap<>();
    /** Per joining gateway: [0] live and [1] dead arrivals so far (see TokenExecution). */
    final Map<String, int[]> joins = new HashMap<>();
    final Map<String, List<NodeAttempt>> histories = new HashMap<>();
    final LinkedHashMap<String, Incident> incidents = new LinkedHashMap<>();
    /** Tokens alive in the process scope; zero ends the instance (see TokenExecution). */
    int rootTokens;
    /** Nodes now FAILED; any makes the instance FAILED. Kept by TokenExecution.transit. */
    int failedCount;
    boolean suspended;
    /** Created for an execution group and not yet released: no token, no node has run. */
    Compiled.CNode queuedStart;
    InstanceStatus endState;
    final Instant start;
    Instant end;
    String rootVersion;

    InstanceRec(String key, long seq, DefRec def, String businessKey, String tenantId, Instant start) {
      this.key = key;
      this.seq = seq;
      this.def = def;
      this.businessKey = businessKey;
      this.tenantId = tenantId;
      this.start = start;
    }

    InstanceStatus state() {
      if (endState != null) {
        return endState;
      }
      if (queuedStart != null) {
        return InstanceStatus.QUEUED;
      }
      if (suspended) {
        return InstanceStatus.SUSPENDED;
      }
      return failedCount > 0 ? InstanceStatus.FAILED : InstanceStatus.RUNNING;
    }
  }

  static final class NodeRun {
    final Compiled.CNode node;
    final NodeRun parent;
    NodeStatus state;
    String version;
    int retry;
    int loop = 1;
    boolean skip;
    Instant started;
    Instant finished;
    Map<String, Object> inputs = Map.of();
    Map<String, Object> outputs = Map.of();
    String error;
    /** Reached while SUSPENDED: runs when resumed. */
    boolean parked;
    /** For a subprocess run: tokens alive in its scope (see TokenExecution). */
    int tokens;
    JobRec job;
    SubRec sub;
    TimerRec timer;

    NodeRun(Compiled.CNode node, NodeRun parent) {
      this.node = node;
      this.parent = parent;
    }
  }

  static final class JobRec {
    final String key;
    final String type;
    final InstanceRec inst;
    final NodeRun run;
    final Map<String, Object> variables;
    int retries;
    String worker;
    Instant deadline;
    String error;
    boolean closed;

    JobRec(String key, String type, InstanceRec inst, NodeRun run, Map<String, Object> variables, int retries) {
      this.key = key;
      this.type = type;
      this.inst = inst;
      this.run = run;
      this.variables = variables;
      this.retries = retries;
    }
  }

  static final class SubRec {
    final InstanceRec inst;
    final NodeRun run;
    final String name;
    final String correlationKey;

    SubRec(InstanceRec inst, NodeRun run, String name, String correlationKey) {
      this.inst = inst;
      this.run = run;
      this.name = name;
      this.correlationKey = correlationKey;
    }
  }

  static final class TimerRec {
    final Instant due;
    final long seq;
    final InstanceRec inst;
    final NodeRun run;
    boolean cancelled;
    boolean blocked;

    TimerRec(Instant due, long seq, InstanceRec inst, NodeRun run) {
      this.due = due;
      this.seq = seq;
      this.inst = inst;
      this.run = run;
    }
  }

  static final class MessageRec {
    final String key;
    final String name;
    final String correlationKey;
    final String messageId;
    final String tenantId;
    final Map<String, Object> variables;
    final Instant expiresAt;
    final Set<String> correlated = new HashSet<>();

    MessageRec(String key, String name, String correlationKey, String messageId, String tenantId, Map<String, Object> variables,
        Instant expiresAt) {
      this.key = key;
      this.name = name;
      this.correlationKey = correlationKey;
      this.messageId = messageId;
      this.tenantId = tenantId;
      this.variables = variables;
      this.expiresAt = expiresAt;
    }
  }
}
