package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.ProcessModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated process model with pre-linked nodes and compiled conditions. Not API. */
public final class Compiled {
  public final String processId;
  public final String name;
  public final ProcessModel model;
  /** Every node of every level by id. */
  public final Map<String, CNode> nodes = new LinkedHashMap<>();
  public final Scope root;

  /** A level: the process or a subprocess. */
  public static final class Scope {
    public final CNode owner;
    public CNode noneStart;
    public final List<CNode> messageStarts = new ArrayList<>();

    Scope(CNode owner) {
      this.owner = owner;
    }
  }

  /** A node. */
  public static final class CNode {
    public final String id;
    public final String name;
    public final NodeType type;
    public final String jobType;
    public final Integer jobRetries;
    public final String messageName;
    public final String correlationVariable;
    public final Duration timer;
    public final Scope scope;
    public Scope inner;
    public final List<CFlow> outgoing = new ArrayList<>();
    public int incoming;
    public CFlow defaultFlow;

    CNode(ProcessModel.Element e, Scope scope) {
      this.id = e.id();
      this.name = e.name() == null || e.name().isBlank() ? e.id() : e.name();
      this.type = e.type();
      this.jobType = e.type() == NodeType.USER_TASK && (e.jobType() == null || e.jobType().isBlank()) ? "user:" + e.id() : e.jobType();
      this.jobRetries = e.jobRetries();
      this.messageName = e.messageName();
      this.correlationVariable = e.correlationKey();
      this.timer = e.timerDuration();
      this.scope = scope;
    }

    /** Parallel or conditional-parallel gateway with more than one incoming flow. */
    public boolean isJoin() {
      return incoming > 1 && (type == NodeType.PARALLEL_GATEWAY || type == NodeType.CONDITIONAL_PARALLEL_GATEWAY);
    }

    public CFlow flow(String flowId) {
      for (CFlow f : outgoing) {
        if (f.id.equals(flowId)) {
          return f;
        }
      }
      return null;
    }
  }

  /** A sequence flow. */
  public static final class CFlow {
    public final String id;
    public final CNode source;
    public final CNode target;
    public final String conditionText;
    public final Conditions.Condition condition;

    CFlow(String id, CNode source, CNode target, String conditionText, Conditions.Condition condition) {
      this.id = id;
      this.source = source;
      this.target = target;
      this.conditionText = conditionText;
      this.condition = condition;
    }
  }

  private Compiled(ProcessModel model) {
    this.model = model;
    this.processId = model.processId();
    this.name = model.name();
    this.root = new Scope(null);
  }

  /** Validates and links a model; INVALID_DEFINITION naming the element on any problem. */
  public static Compiled compile(ProcessModel model, String resourceName) {
    String where = resourceName == null ? "" : "'" + resourceName + "': ";
    if (model == null) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "model must not be null");
    }
    if (model.processId() == null || model.processId().isBlank()) {
      throw invalid(where + "process id must not be null or blank");
    }
    Compiled c = new Compiled(model);
    c.compileScope(model, c.root, where);
    if (c.root.noneStart == null && c.root.messageStarts.isEmpty()) {
      throw invalid(where + "Process '" + model.processId() + "': must have at least one start event");
    }
    return c;
  }

  private static EngineException invalid(String message) {
    return new EngineException(EngineException.Reason.INVALID_DEFINITION, message);
  }

  private static String el(CNode n) {
    return "Element '" + n.id + "' (" + n.type + ")";
  }

  private void compileScope(ProcessModel model, Scope scope, String where) {
    Map<String, CNode> local = new HashMap<>();
    for (ProcessModel.Element e : model.elements()) {
      if (e == null || e.id() == null || e.id().isBlank()) {
        throw invalid(where + "an element of '" + model.processId() + "' has no id");
      }
      if (e.type() == null || e.type() == NodeType.PROCESS) {
        throw invalid(where + "Element '" + e.id() + "': unsupported type " + e.type());
      }
      if (nodes.containsKey(e.id()) || e.id().equals(processId)) {
        throw invalid(where + "Element '" + e.id() + "': duplicate id");
      }
      CNode n = new CNode(e, scope);
      nodes.put(n.id, n);
      local.put(n.id, n);
      switch (n.type) {
        case START_EVENT:
          if (n.messageName != null) {
            if (scope != root) {
              throw invalid(where + el(n) + ": message start events are only supported at process level");
            }
            if (n.messageName.isBlank()) {
              throw invalid(where + el(n) + ": must have a message name");
            }
            scope.messageStarts.add(n);
          } else {
            if (scope.noneStart != null) {
              throw invalid(where + el(n) + ": more than one none start event in '" + (scope.owner == null ? processId : scope.owner.id) + "'");
            }
            scope.noneStart = n;
          }
          break;
        case SERVICE_TASK:
          if (n.jobType == null || n.jobType.isBlank()) {
            throw invalid(where + el(n) + ": must have a task type (zeebe:taskDefinition type, or flowable:class / expression / delegateExpression / type)");
          }
          if (n.jobRetries != null && n.jobRetries < 0) {
            throw invalid(where + el(n) + ": retries must be >= 0");
          }
          break;
        case RECEIVE_TASK:
        case MESSAGE_CATCH_EVENT:
          if (n.messageName == null || n.messageName.isBlank()) {
            throw invalid(where + el(n) + ": must reference a message with a name");
          }
          if (n.correlationVariable != null && !n.correlationVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw invalid(where + el(n) + ": correlation key must be a variable name, was '" + n.correlationVariable + "'");
          }
          break;
        case TIMER_CATCH_EVENT:
          if (n.timer == null || n.timer.isNegative()) {
            throw invalid(where + el(n) + ": must have a timer duration >= 0");
          }
          break;
        case SUB_PROCESS:
          if (e.subProcess() == null) {
            throw invalid(where + el(n) + ": has no content");
          }
          n.inner = new Scope(n);
          compileScope(e.subProcess(), n.inner, where);
          if (n.inner.noneStart == null) {
            throw invalid(where + el(n) + ": subprocess must have a none start event");
          }
          break;
        default:
          break;
      }
    }
    Map<String, Boolean> flowIds = new HashMap<>();
    for (ProcessModel.Flow f : model.flows()) {
      if (f == null || f.id() == null || f.id().isBlank()) {
        throw invalid(where + "a sequence flow of '" + model.processId() + "' has no id");
      }
      if (flowIds.put(f.id(), Boolean.TRUE) != null || nodes.containsKey(f.id())) {
        throw invalid(where + "Sequence flow '" + f.id() + "': duplicate id");
      }
      CNode source = local.get(f.sourceId());
      CNode target = local.get(f.targetId());
      if (source == null || target == null) {
        throw invalid(where + "Sequence flow '" + f.id() + "': " + (source == null ? "source '" + f.sourceId() : "target '" + f.targetId())
            + "' is not an element of the same (sub)process");
      }
      Conditions.Condition cond = null;
      String text = f.condition() == null || f.condition().isBlank() ? null : f.condition().trim();
      if (text != null) {
        if (source.type != NodeType.EXCLUSIVE_GATEWAY && source.type != NodeType.CONDITIONAL_PARALLEL_GATEWAY) {
          throw invalid(where + "Sequence flow '" + f.id() + "': conditions are only supported on flows leaving an exclusive or inclusive gateway, not " + el(source));
        }
        try {
          cond = Conditions.compile(text);
        } catch (Conditions.SyntaxException ex) {
          throw invalid(where + "Sequence flow '" + f.id() + "': unsupported condition '" + text + "': " + ex.getMessage());
        }
      }
      CFlow flow = new CFlow(f.id(), source, target, text, cond);
      source.outgoing.add(flow);
      target.incoming++;
    }
    for (ProcessModel.Element e : model.elements()) {
      CNode n = local.get(e.id());
      if (n.type == NodeType.START_EVENT && n.incoming > 0) {
        throw invalid(where + el(n) + ": a start event must not have incoming flows");
      }
      if (n.type == NodeType.END_EVENT && !n.outgoing.isEmpty()) {
        throw invalid(where + el(n) + ": an end event must not have outgoing flows");
      }
      if (e.defaultFlowId() != null) {
        if (n.type != NodeType.EXCLUSIVE_GATEWAY && n.type != NodeType.CONDITIONAL_PARALLEL_GATEWAY) {
          throw invalid(where + el(n) + ": only gateways can have a default flow");
        }
        n.defaultFlow = n.flow(e.defaultFlowId());
        if (n.defaultFlow == null) {
          throw invalid(where + el(n) + ": default flow '" + e.defaultFlowId() + "' is not an outgoing flow of it");
        }
        if (n.defaultFlow.condition != null) {
          throw invalid(where + el(n) + ": default flow '" + e.defaultFlowId() + "' must not have a condition");
        }
      }
      if ((n.type == NodeType.EXCLUSIVE_GATEWAY || n.type == NodeType.CONDITIONAL_PARALLEL_GATEWAY) && n.outgoing.size() > 1) {
        for (CFlow f : n.outgoing) {
          if (f.condition == null && f != n.defaultFlow) {
            throw invalid(where + "Sequence flow '" + f.id + "' leaving " + el(n) + ": must have a condition or be the default flow");
          }
        }
      }
    }
  }
}
