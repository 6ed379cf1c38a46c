package io.flowport.testkit.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A process definition as data: elements and sequence flows. Made by {@link #builder(String)} or
 * by the engine's BPMN parser; validated (and its conditions compiled) when deployed. Equal models
 * deploy as duplicates.
 *
 * <pre>{@code
 * ProcessModel model = ProcessModel.builder("order")
 *     .startEvent("start")
 *     .serviceTask("charge", "charge-type")
 *     .exclusiveGateway("big?")
 *       .condition("=amount > 100").serviceTask("review", "review").endEvent("endBig")
 *     .moveTo("big?")
 *       .defaultFlow().endEvent("endSmall")
 *     .build();
 * }</pre>
 */
public final class ProcessModel {

  /**
   * One flow node.
   *
   * @param id element id
   * @param name display name (the id when null)
   * @param type node type
   * @param jobType job type of a service task ({@code "user:" + id} for user tasks), else null
   * @param jobRetries job retries of a service task, or null for the engine default
   * @param messageName message of a message start / receive task / message catch, else null
   * @param correlationKey variable whose value is the correlation key of a message catch, or null
   * @param timerDuration duration of a timer catch, else null
   * @param defaultFlowId default outgoing flow of a gateway, or null
   * @param subProcess content of a subprocess (its elements and flows), else null
   */
  public record Element(
      String id,
      String name,
      NodeType type,
      String jobType,
      Integer jobRetries,
      String messageName,
      String correlationKey,
      Duration timerDuration,
      String defaultFlowId,
      ProcessModel subProcess) {}

  /**
   * A sequence flow.
   *
   * @param id flow id
   * @param sourceId source element id
   * @param targetId target element id
   * @param condition condition text ({@code ${...}}, {@code =...} or bare), or null
   */
  public record Flow(String id, String sourceId, String targetId, String condition) {}

  private final String processId;
  private final String name;
  private final List<Element> elements;
  private final List<Flow> flows;

  /**
   * A model from parts (the builder is nicer).
   *
   * @param processId the process definition's id (BPMN process id or engine key)
   * @param name the name
   * @param elements the elements
   * @param flows the flows
   */
  public ProcessModel(String processId, String name, List<Element> elements, List<Flow> flows) {
    this.processId = processId;
    this.name = name;
    this.elements = List.copyOf(elements);
    this.flows = List.copyOf(flows);
  }

  /** {@return the process id} */
  public String processId() {
    return processId;
  }

  /** {@return the name} */
  public String name() {
    return name == null ? processId : name;
  }

  /** {@return the elements} */
  public List<Element> elements() {
    return elements;
  }

  /** {@return the flows} */
  public List<Flow> flows() {
    return flows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcessModel m
        && Objects.equals(processId, m.processId)
        && Objects.equals(name, m.name)
        && elements.equals(m.elements)
        && flows.equals(m.flows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(processId, name, elements, flows);
  }

  @Override
  public String toString() {
    return "ProcessModel[" + processId + ", " + elements.size() + " elements, " + flows.size() + " flows]";
  }

  /**
   * {@return a builder for a process with this id}
   *
   * @param processId the process definition's id (BPMN process id or engine key)
   */
  public static Builder builder(String processId) {
    return new Builder(processId);
  }

  /**
   * Fluent builder in the spirit of bamboo's {@code start.extend(act).extend(end)}: each element
   * method adds the element and a flow from the current element to it, then makes it current.
   * {@link #condition(String)}, {@link #defaultFlow()} and {@link #flowId(String)} apply to the
   * next flow; {@link #moveTo(String)} makes an existing element current (to add a branch);
   * {@link #connectTo(String)} adds a flow from the current element to an existing one (to join).
   * Nothing is validated before deploy.
   */
  public static final class Builder {
    private final String processId;
    private String name;
    private final List<Element> elements = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private final Set<String> flowIds = new HashSet<>();
    private String current;
    private String nextCondition;
    private String nextFlowId;
    private boolean nextDefault;

    private Builder(String processId) {
      this.processId = processId;
    }

    /**
     * Process name.
     *
     * @param processName the process name
     * @return this builder
     */
    public Builder name(String processName) {
      this.name = processName;
      return this;
    }

    /**
     * Sets the start event.
     *
     * @param id the id
     * @return this builder
     */
    public Builder startEvent(String id) {
      return add(element(id, NodeType.START_EVENT, null, null, null, null, null));
    }

    /**
     * Adds a message start event: publishing {@code messageName} starts an instance.
     *
     * @param id the element's id
     * @param messageName the message that starts an instance
     * @return this builder
     */
    public Builder messageStartEvent(String id, String messageName) {
      return add(element(id, NodeType.START_EVENT, null, messageName, null, null, null));
    }

    /**
     * Sets the end event.
     *
     * @param id the id
     * @return this builder
     */
    public Builder endEvent(String id) {
      return add(element(id, NodeType.END_EVENT, null, null, null, null, null));
    }

    /**
     * Service task completed through jobs of {@code jobType}.
     *
     * @param id the id
     * @param jobType the job type
     * @return this builder
     */
    public Builder serviceTask(String id, String jobType) {
      return add(element(id, NodeType.SERVICE_TASK, jobType, null, null, null, null));
    }

    /**
     * Service task whose jobs have the given retries.
     *
     * @param id the id
     * @param jobType the job type
     * @param retries the retries left
     * @return this builder
     */
    public Builder serviceTask(String id, String jobType, int retries) {
      return add(new Element(id, null, NodeType.SERVICE_TASK, jobType, retries, null, null, null, null, null));
    }

    /**
     * User task: a job of type {@code "user:" + id}.
     *
     * @param id the id
     * @return this builder
     */
    public Builder userTask(String id) {
      return add(element(id, NodeType.USER_TASK, "user:" + id, null, null, null, null));
    }

    /**
     * Receive task; {@code correlationKeyVariable} may be null (no correlation key).
     *
     * @param id the id
     * @param messageName the message's name
     * @param correlationKeyVariable the correlation key variable
     * @return this builder
     */
    public Builder receiveTask(String id, String messageName, String correlationKeyVariable) {
      return add(element(id, NodeType.RECEIVE_TASK, null, messageName, correlationKeyVariable, null, null));
    }

    /**
     * Intermediate message catch event; {@code correlationKeyVariable} may be null.
     *
     * @param id the id
     * @param messageName the message's name
     * @param correlationKeyVariable the correlation key variable
     * @return this builder
     */
    public Builder messageCatch(String id, String messageName, String correlationKeyVariable) {
      return add(element(id, NodeType.MESSAGE_CATCH_EVENT, null, messageName, correlationKeyVariable, null, null));
    }

    /**
     * Intermediate timer catch event that waits {@code duration} on the engine clock.
     *
     * @param id the id
     * @param duration the duration
     * @return this builder
     */
    public Builder timer(String id, Duration duration) {
      return add(element(id, NodeType.TIMER_CATCH_EVENT, null, null, null, duration, null));
    }

    /**
     * Sets the exclusive gateway.
     *
     * @param id the id
     * @return this builder
     */
    public Builder exclusiveGateway(String id) {
      return add(element(id, NodeType.EXCLUSIVE_GATEWAY, null, null, null, null, null));
    }

    /**
     * Sets the parallel gateway.
     *
     * @param id the id
     * @return this builder
     */
    public Builder parallelGateway(String id) {
      return add(element(id, NodeType.PARALLEL_GATEWAY, null, null, null, null, null));
    }

    /**
     * bamboo's ConditionalParallelGateway (BPMN inclusive gateway).
     *
     * @param id the id
     * @return this builder
     */
    public Builder conditionalParallelGateway(String id) {
      return add(element(id, NodeType.CONDITIONAL_PARALLEL_GATEWAY, null, null, null, null, null));
    }

    /**
     * Embedded subprocess; {@code content} builds its inside (it needs its own none start event).
     *
     * @param id the id
     * @param content the content
     * @return this builder
     */
    public Builder subProcess(String id, Consumer<Builder> content) {
      Builder inner = new Builder(id);
      content.accept(inner);
      return add(new Element(id, null, NodeType.SUB_PROCESS, null, null, null, null, null, null, inner.build()));
    }

    /**
     * Adds any element (for what the shortcuts do not cover).
     *
     * @param element the element
     * @return this builder
     */
    public Builder element(Element element) {
      return add(element);
    }

    /**
     * Condition of the next flow.
     *
     * @param expression the expression
     * @return this builder
     */
    public Builder condition(String expression) {
      this.nextCondition = expression;
      return this;
    }

    /**
     * Makes the next flow the default flow of the current (gateway) element.
     *
     * @return this builder
     */
    public Builder defaultFlow() {
      this.nextDefault = true;
      return this;
    }

    /**
     * Id of the next flow (otherwise {@code source + "_to_" + target}).
     *
     * @param id the id
     * @return this builder
     */
    public Builder flowId(String id) {
      this.nextFlowId = id;
      return this;
    }

    /**
     * Makes an existing element current.
     *
     * @param elementId the element id
     * @return this builder
     */
    public Builder moveTo(String elementId) {
      this.current = elementId;
      return this;
    }

    /**
     * Adds a flow from the current element to an existing element and makes that one current.
     *
     * @param elementId the element id
     * @return this builder
     */
    public Builder connectTo(String elementId) {
      link(elementId);
      this.current = elementId;
      return this;
    }

    /** {@return the build} */
    public ProcessModel build() {
      return new ProcessModel(processId, name, elements, flows);
    }

    private static Element element(
        String id, NodeType type, String jobType, String message, String correlation, Duration timer, String dflt) {
      return new Element(id, null, type, jobType, null, message, correlation, timer, dflt, null);
    }

    private Builder add(Element element) {
      elements.add(element);
      if (current != null) {
        link(element.id());
      }
      current = element.id();
      return this;
    }

    private void link(String targetId) {
      String id = nextFlowId;
      if (id == null) {
        id = current + "_to_" + targetId;
        String base = id;
        for (int i = 2; flowIds.contains(id); i++) {
          id = base + "_" + i;
        }
      }
      flowIds.add(id);
      flows.add(new Flow(id, current, targetId, nextCondition));
      if (nextDefault) {
        for (int i = 0; i < elements.size(); i++) {
          Element e = elements.get(i);
          if (e.id().equals(current)) {
            elements.set(i, new Element(e.id(), e.name(), e.type(), e.jobType(), e.jobRetries(), e.messageName(),
                e.correlationKey(), e.timerDuration(), id, e.subProcess()));
          }
        }
      }
      nextFlowId = null;
      nextCondition = null;
      nextDefault = false;
    }
  }
}
