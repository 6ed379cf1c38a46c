package io.flowport.core.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to publish. A message with a {@link #messageId()} is deduplicated by the engine
 * while it lives, which also makes it safe to retry after a timeout.
 */
public final class MessageRequest {
  private final String name;
  private final String correlationKey;
  private final Duration timeToLive;
  private final String messageId;
  private final String tenantId;
  private final Map<String, Object> variables;

  private MessageRequest(Builder b) {
    this.name = b.name;
    this.correlationKey = b.correlationKey;
    this.timeToLive = b.timeToLive;
    this.messageId = b.messageId;
    this.tenantId = b.tenantId;
    this.variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
  }

  /**
   * {@return a message named {@code name} correlated by {@code correlationKey}}
   *
   * @param name the name
   * @param correlationKey the correlation key
   */
  public static Builder builder(String name, String correlationKey) {
    return new Builder().name(name).correlationKey(correlationKey);
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the correlation key} */
  public String correlationKey() {
    return correlationKey;
  }

  /** {@return how long the engine buffers the message when nothing waits for it; zero means not at all} */
  public Duration timeToLive() {
    return timeToLive;
  }

  /** {@return the message id} */
  public String messageId() {
    return messageId;
  }

  /** {@return the tenant id} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return the variables} */
  public Map<String, Object> variables() {
    return variables;
  }

  @Override
  public String toString() {
    return "MessageRequest{name=" + name + ", correlationKey=" + correlationKey
        + ", ttl=" + timeToLive + ", messageId=" + messageId + ", variables=" + variables.keySet()
        + "}";
  }

  /** Builds a {@link MessageRequest}. */
  public static final class Builder {
    private String name;
    private String correlationKey;
    private Duration timeToLive = Duration.ZERO;
    private String messageId;
    private String tenantId;
    private final Map<String, Object> variables = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the correlation key.
     *
     * @param correlationKey the correlation key
     * @return this builder
     */
    public Builder correlationKey(String correlationKey) {
      this.correlationKey = correlationKey;
      return this;
    }

    /**
     * Sets the time to live.
     *
     * @param timeToLive the time to live
     * @return this builder
     */
    public Builder timeToLive(Duration timeToLive) {
      Objects.requireNonNull(timeToLive, "timeToLive == null");
      if (timeToLive.isNegative()) {
        throw new IllegalArgumentException("timeToLive is negative: " + timeToLive);
      }
      this.timeToLive = timeToLive;
      return this;
    }

    /**
     * Sets the message id.
     *
     * @param messageId the message id
     * @return this builder
     */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
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
     * Adds one variable to the message.
     *
     * @param name the variable's name
     * @param value its value; may be null
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

    /** {@return the build} */
    public MessageRequest build() {
      return new MessageRequest(this);
    }
  }
}
