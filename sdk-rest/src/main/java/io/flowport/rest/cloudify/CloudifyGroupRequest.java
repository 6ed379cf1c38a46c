package io.flowport.rest.cloudify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a workflow on every deployment of a deployment group ({@code POST /execution-groups}), or,
 * with {@link Builder#executions}, creates a group of existing executions without running anything
 * (what a snapshot restore does). Immutable.
 *
 * <pre>{@code
 * CloudifyGroupRequest.of("web-servers", "restart").concurrency(2)
 *     .defaultParameter("grace", 30).parametersFor("web-1", Map.of("grace", 5)).build();
 * }</pre>
 */
public final class CloudifyGroupRequest {
  private final String deploymentGroupId;
  private final String workflowId;
  private final Boolean force;
  private final Map<String, Object> defaultParameters;
  private final Map<String, Map<String, Object>> parameters;
  private final Integer concurrency;
  private final List<String> executions;
  private final String id;
  private final String createdBy;
  private final String createdAt;

  private CloudifyGroupRequest(Builder b) {
    this.deploymentGroupId = b.deploymentGroupId;
    this.workflowId = b.workflowId;
    this.force = b.force;
    this.defaultParameters = b.defaultParameters == null ? null
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultParameters));
    this.parameters = b.parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    this.concurrency = b.concurrency;
    this.executions = b.executions == null ? null : List.copyOf(b.executions);
    this.id = b.id;
    this.createdBy = b.createdBy;
    this.createdAt = b.createdAt;
  }

  /**
   * Runs {@code workflowId} on each deployment of {@code deploymentGroupId}.
   *
   * @param deploymentGroupId the deployment group id
   * @param workflowId the workflow's id
   * @return a new builder
   */
  public static Builder of(String deploymentGroupId, String workflowId) {
    return new Builder(deploymentGroupId, workflowId);
  }

  /** {@return the deployment group id} */
  public String deploymentGroupId() {
    return deploymentGroupId;
  }

  /** {@return the workflow id} */
  public String workflowId() {
    return workflowId;
  }

  /**
   * Sent as a JSON boolean: the manager does not convert strings here ({@code "false"} would be true).
   *
   * @return {@code force}, or null when it is not sent
   */
  public Boolean force() {
    return force;
  }

  /** {@return the default parameters} */
  public Map<String, Object> defaultParameters() {
    return defaultParameters;
  }

  /**
   * Per-deployment parameters that override the defaults, by deployment id.
   *
   * @return the parameters
   */
  public Map<String, Map<String, Object>> parameters() {
    return parameters;
  }

  /** {@return how many members run at once, or null for the manager's 5} */
  public Integer concurrency() {
    return concurrency;
  }

  /**
   * Create only: the existing executions that make up the group, or null to start new ones.
   *
   * @return the executions
   */
  public List<String> executions() {
    return executions;
  }

  /**
   * Create only: the group's id, or null for a new one.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /** {@return the created by} */
  public String createdBy() {
    return createdBy;
  }

  /** {@return the created at} */
  public String createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "CloudifyGroupRequest{" + deploymentGroupId + ":" + workflowId + "}";
  }

  /** Builds a {@link CloudifyGroupRequest}. */
  public static final class Builder {
    private final String deploymentGroupId;
    private final String workflowId;
    private Boolean force;
    private Map<String, Object> defaultParameters;
    private Map<String, Map<String, Object>> parameters;
    private Integer concurrency;
    private List<String> executions;
    private String id;
    private String createdBy;
    private String createdAt;

    private Builder(String deploymentGroupId, String workflowId) {
      this.deploymentGroupId = deploymentGroupId;
      this.workflowId = workflowId;
    }

    /**
     * Run even when other executions of a deployment are running.
     *
     * @param value the value
     * @return this builder
     */
    public Builder force(boolean value) {
      this.force = value;
      return this;
    }

    /**
     * Parameters for every member.
     *
     * @param values the values
     * @return this builder
     */
    public Builder defaultParameters(Map<String, ?> values) {
      this.defaultParameters = values == null ? null : new LinkedHashMap<>(values);
      return this;
    }

    /**
     * {@return one parameter for every member}
     *
     * @param name the name
     * @param value the value
     */
    public Builder defaultParameter(String name, Object value) {
      if (defaultParameters == null) {
        defaultParameters = new LinkedHashMap<>();
      }
      defaultParameters.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /**
     * Parameters for the member on {@code deploymentId}, over the defaults.
     *
     * @param deploymentId the deployment's id
     * @param values the values
     * @return this builder
     */
    public Builder parametersFor(String deploymentId, Map<String, ?> values) {
      if (parameters == null) {
        parameters = new LinkedHashMap<>();
      }
      parameters.put(Objects.requireNonNull(deploymentId, "deploymentId == null"), new LinkedHashMap<>(values));
      return this;
    }

    /**
     * {@return how many members run at once; 0 holds them all queued until it is raised}
     *
     * @param value the value
     * @throws IllegalArgumentException when negative (the manager refuses it)
     */
    public Builder concurrency(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("concurrency must be >= 0, got " + value);
      }
      this.concurrency = value;
      return this;
    }

    /**
     * Create only: group these existing executions instead of starting new ones.
     *
     * @param executionIds the execution ids
     * @return this builder
     */
    public Builder executions(List<String> executionIds) {
      this.executions = executionIds;
      return this;
    }

    /**
     * Create only: the group's id.
     *
     * @param value the value
     * @return this builder
     */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /**
     * Create only: the creator.
     *
     * @param value the value
     * @return this builder
     */
    public Builder createdBy(String value) {
      this.createdBy = value;
      return this;
    }

    /**
     * Create only: the creation time, as the manager writes it.
     *
     * @param value the value
     * @return this builder
     */
    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    /** {@return the build} */
    public CloudifyGroupRequest build() {
      return new CloudifyGroupRequest(this);
    }
  }
}
