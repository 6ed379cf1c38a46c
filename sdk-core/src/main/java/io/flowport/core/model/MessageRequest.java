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

  /** A message named {@code name} correlated by {@code correlationKey}. */
  public static Builder builder(String name, String correlationKey) {
    return new Builder().name(name).correlationKey(correlationKey);
  }

  public String name() {
    return name;
  }

  public String correlationKey() {
    return correlationKey;
  }

  /** How long the engine buffers the message when nothing waits for it; zero means not at all. */
  public Duration timeToLive() {
    return timeToLive;
  }

  public String messageId() {
    return messageId;
  }

  public String tenantId() {
    return tenantId;
  }

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

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder correlationKey(String correlationKey) {
      this.correlationKey = correlationKey;
      return this;
    }

    public Builder timeToLive(Duration timeToLive) {
      Objects.requireNonNull(timeToLive, "timeToLive == null");
      if (timeToLive.isNegative()) {
        throw new IllegalArgumentException("timeToLive is negative: " + timeToLive);
      }
      this.timeToLive = timeToLive;
      return this;
    }

    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder variable(String name, Object value) {
      variables.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    public Builder variables(Map<String, ?> variables) {
      Objects.requireNonNull(variables, "variables == null").forEach(this::variable);
      return this;
    }

    public MessageRequest build() {
      return new MessageRequest(this);
    }
  }
}
