package io.flowport.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts one instance: of a definition, or by a message that a message start event waits for.
 * Variables must be JSON-compatible; they are checked before anything is sent.
 */
public final class StartRequest {
  private final DefinitionRef definition;
  private final String messageName;
  private final String businessKey;
  private final String tenantId;
  private final Map<String, Object> variables;
  private final List<String> fetchVariables;

  private StartRequest(Builder b) {
    this.definition = b.definition;
    this.messageName = b.messageName;
    this.businessKey = b.businessKey;
    this.tenantId = b.tenantId;
    this.variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
    this.fetchVariables = List.copyOf(b.fetchVariables);
  }

  /**
   * {@return a request to start the latest version of definition {@code definitionId}}
   *
   * @param definitionId the definition id
   */
  public static Builder of(String definitionId) {
    return new Builder().definition(DefinitionRef.latest(definitionId));
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding everything this request holds} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.definition = definition;
    b.messageName = messageName;
    b.businessKey = businessKey;
    b.tenantId = tenantId;
    b.variables.putAll(variables);
    b.fetchVariables = fetchVariables;
    return b;
  }

  /**
   * {@return this request with {@code variables} instead of its own}
   *
   * @param variables the variables, by name
   */
  public StartRequest withVariables(Map<String, ?> variables) {
    return new StartRequest(this, new LinkedHashMap<>(variables));
  }

  private StartRequest(StartRequest other, LinkedHashMap<String, Object> variables) {
    this.definition = other.definition;
    this.messageName = other.messageName;
    this.businessKey = other.businessKey;
    this.tenantId = other.tenantId;
    this.variables = java.util.Collections.unmodifiableMap(variables);
    this.fetchVariables = other.fetchVariables;
  }

  /** {@return the definition to start, or null when starting by message} */
  public DefinitionRef definition() {
    return definition;
  }

  /** {@return the message that starts the instance, or null when starting a definition} */
  public String messageName() {
    return messageName;
  }

  /** {@return the business key} */
  public String businessKey() {
    return businessKey;
  }

  /** {@return the tenant id} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return the start variables, never null} */
  public Map<String, Object> variables() {
    return variables;
  }

  /**
   * For start-and-await: the variables to return; empty means all.
   *
   * @return the fetch variables
   */
  public List<String> fetchVariables() {
    return fetchVariables;
  }

  @Override
  public String toString() {
    return "StartRequest{"
        + (definition != null ? definition : "message " + messageName)
        + (businessKey == null ? "" : ", businessKey=" + businessKey)
        + ", variables=" + variables.keySet()
        + "}";
  }

  /** Builds a {@link StartRequest}. */
  public static final class Builder {
    private DefinitionRef definition;
    private String messageName;
    private String businessKey;
    private String tenantId;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private List<String> fetchVariables = List.of();

    private Builder() {}

    /**
     * Sets the definition.
     *
     * @param definition the definition
     * @return this builder
     */
    public Builder definition(DefinitionRef definition) {
      this.definition = Objects.requireNonNull(definition, "definition == null");
      return this;
    }

    /**
     * Start through a message start event instead of a definition.
     *
     * @param messageName the message's name
     * @return this builder
     */
    public Builder messageName(String messageName) {
      this.messageName = messageName;
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
     * Adds one variable; the value may be null.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder variable(String name, Object value) {
      variables.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /**
     * Sets the variables.
     *
     * @param variables the variables, by name
     * @return this builder
     */
    public Builder variables(Map<String, ?> variables) {
      Objects.requireNonNull(variables, "variables == null").forEach(this::variable);
      return this;
    }

    /**
     * Sets the fetch variables.
     *
     * @param names the names
     * @return this builder
     */
    public Builder fetchVariables(List<String> names) {
      this.fetchVariables = List.copyOf(names);
      return this;
    }

    /** {@return the build} */
    public StartRequest build() {
      return new StartRequest(this);
    }
  }
}
