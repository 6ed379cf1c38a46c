package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ALREADY_EXISTS;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.MessageRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import io.flowport.testkit.engine.internal.Runtime.SubRec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages: publishing with TTL and message ids, correlation to open subscriptions by name and
 * correlation key, buffering for subscriptions opened later, and message start events. Not API.
 */
final class MessageCorrelation extends EnginePart {
  MessageCorrelation(EngineState st) {
    super(st);
  }

  private static String norm(String s) {
    return s == null ? "" : s;
  }

  private boolean live(MessageRec m) {
    return m.expiresAt.isAfter(now());
  }

  String publishMessage(MessageCommand cmd) {
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
            InstanceRec inst = commands().startInstance(latest, n, m.variables, null, tenant);
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
    tokens().finish(s.inst, s.run, vars, s.run.node.outgoing, List.of());
  }

  void closeSub(SubRec s) {
    List<SubRec> subs = subsByName.get(s.name);
    if (subs != null) {
      subs.remove(s);
    }
    if (s.run.sub == s) {
      s.run.sub = null;
    }
  }

  void openSubscription(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    String correlationKey = "";
    if (n.correlationVariable != null) {
      Object v = inst.vars.get(n.correlationVariable);
      if (v instanceof String str) {
        correlationKey = str;
      } else if (v instanceof Number num) {
        correlationKey = num instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : num.toString();
      } else {
        tokens().fail(inst, run, "Failed to extract the correlation key for '" + n.correlationVariable
            + "': The value must be either a string or a number, but was " + (v == null ? "NULL" : v.getClass().getSimpleName()), null);
        return;
      }
    }
    SubRec s = new SubRec(inst, run, n.messageName, correlationKey);
    run.sub = s;
    subsByName.computeIfAbsent(n.messageName, k -> new ArrayList<>()).add(s);
    checkBuffered(s);
  }

  void checkBuffered(SubRec s) {
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

  void messageEventReceived(String instanceId, String messageName, Map<String, Object> variables) {
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
}
