package io.flowport.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A process instance as the engine last reported it. */
public final class Instance {
  private final String id;
  private final String definitionId;
  private final String definitionKey;
  private final Integer definitionVersion;
  private final String businessKey;
  private final String tenantId;
  private final InstanceState state;
  private final String rawStatus;
  private final Instant startTime;
  private final Instant endTime;
  private final Map<String, Object> variables;

  private Instance(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.definitionId = b.definitionId;
    this.definitionKey = b.definitionKey;
    this.definitionVersion = b.definitionVersion;
    this.businessKey = b.businessKey;
    this.tenantId = b.tenantId;
    this.state = Objects.requireNonNull(b.state, "state == null");
    this.rawStatus = b.rawStatus == null ? b.state.name() : b.rawStatus;
    this.startTime = b.startTime;
    this.endTime = b.endTime;
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .definitionId(definitionId)
        .definitionKey(definitionKey)
        .definitionVersion(definitionVersion)
        .businessKey(businessKey)
        .tenantId(tenantId)
        .state(state)
        .rawStatus(rawStatus)
        .startTime(startTime)
        .endTime(endTime)
        .variables(variables);
  }

  /**
   * {@return this instance with only the variables named (those it has); itself when {@code names} is
   * empty, which means all — the meaning of {@link StartRequest#fetchVariables()}}
   *
   * @param names the names
   */
  public Instance withOnlyVariables(java.util.List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    Map<String, Object> picked = new LinkedHashMap<>();
    for (String name : names) {
      if (variables.containsKey(name)) {
        picked.put(name, variables.get(name));
      }
    }
    return toBuilder().variables(picked).build();
  }

  /** {@return the engine's id of this instance} */
  public String id() {
    return id;
  }

  /** {@return the definition id} */
  public String definitionId() {
    return definitionId;
  }

  /** {@return the definition key} */
  public String definitionKey() {
    return definitionKey;
  }

  /** {@return the definition version} */
  public Integer definitionVersion() {
    return definitionVersion;
  }

  /** {@return the business key} */
  public String businessKey() {
    return businessKey;
  }

  /** {@return the tenant id} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return the unified state} */
  public InstanceState state() {
    return state;
  }

  /** {@return the engine's own status, as it sent it} */
  public String rawStatus() {
    return rawStatus;
  }

  /** {@return the start time} */
  public Instant startTime() {
    return startTime;
  }

  /** {@return the end time} */
  public Instant endTime() {
    return endTime;
  }

  /** {@return the variables the engine returned with this instance; empty when it returned none} */
  public Map<String, Object> variables() {
    return variables;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Instance i
        && id.equals(i.id)
        && Objects.equals(definitionId, i.definitionId)
        && Objects.equals(definitionKey, i.definitionKey)
        && Objects.equals(definitionVersion, i.definitionVersion)
        && Objects.equals(businessKey, i.businessKey)
        && Objects.equals(tenantId, i.tenantId)
        && state == i.state
        && rawStatus.equals(i.rawStatus)
        && Objects.equals(startTime, i.startTime)
        && Objects.equals(endTime, i.endTime)
        && variables.equals(i.variables);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, rawStatus);
  }

  @Override
  public String toString() {
    return "Instance{id=" + id + ", definition=" + definitionId
        + (definitionVersion == null ? "" : " v" + definitionVersion)
        + ", state=" + state + " (" + rawStatus + ")"
        + (businessKey == null ? "" : ", businessKey=" + businessKey)
        + ", variables=" + variables.keySet() + "}";
  }

  /** Builds an {@link Instance}; adapters and fakes use it. */
  public static final class Builder {
    private String id;
    private String definitionId;
    private String definitionKey;
    private Integer definitionVersion;
    private String businessKey;
    private String tenantId;
    private InstanceState state;
    private String rawStatus;
    private Instant startTime;
    private Instant endTime;
    private final Map<String, Object> variables = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the id.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the definition id.
     *
     * @param definitionId the definition id
     * @return this builder
     */
    public Builder definitionId(String definitionId) {
      this.definitionId = definitionId;
      return this;
    }

    /**
     * Sets the definition key.
     *
     * @param definitionKey the definition key
     * @return this builder
     */
    public Builder definitionKey(String definitionKey) {
      this.definitionKey = definitionKey;
      return this;
    }

    /**
     * Sets the definition version.
     *
     * @param definitionVersion the definition version
     * @return this builder
     */
    public Builder definitionVersion(Integer definitionVersion) {
      this.definitionVersion = definitionVersion;
      return this;
    }

    /**
     * Sets the business key.
     *
     * @param businessKey the business key
     * @return this builder
     */
    public Builder businessKey(String businessKey) {
      this.businessKey = businessKey;
      return this;
    }

    /**
     * Sets the tenant id.
     *
     * @param tenantId the tenant id
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets the state.
     *
     * @param state the state
     * @return this builder
     */
    public Builder state(InstanceState state) {
      this.state = state;
      return this;
    }

    /**
     * Sets the raw status.
     *
     * @param rawStatus the engine's status as it sent it
     * @return this builder
     */
    public Builder rawStatus(String rawStatus) {
      this.rawStatus = rawStatus;
      return this;
    }

    /**
     * Sets the start time.
     *
     * @param startTime the start time
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Sets the end time.
     *
     * @param endTime the end time
     * @return this builder
     */
    public Builder endTime(Instant endTime) {
      this.endTime = endTime;
      return this;
    }

    /**
     * Sets the variables.
     *
     * @param variables the variables, by name
     * @return this builder
     */
    public Builder variables(Map<String, ?> variables) {
      this.variables.clear();
      if (variables != null) {
        this.variables.putAll(variables);
      }
      return this;
    }

    /** {@return the build} */
    public Instance build() {
      return new Instance(this);
    }
  }
}
