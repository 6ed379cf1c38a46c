package io.flowport.rest.cloudify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Starts (or, with the restore fields, creates) an execution: {@code POST /executions}. Options
 * left unset are not sent, so the manager's defaults apply. The restore fields
 * ({@link Builder#forceStatus}, {@link Builder#executionId}, timestamps, creator, error, system flag)
 * are what a snapshot restore sends; with a forced status the execution is stored, not run.
 * Immutable.
 *
 * <pre>{@code
 * CloudifyStartRequest r = CloudifyStartRequest.of("web-1", "install")
 *     .parameter("port", 8080).queue(true).build();
 * }</pre>
 */
public final class CloudifyStartRequest {
  private final String deploymentId;
  private final String workflowId;
  private final Map<String, Object> parameters;
  private final Boolean allowCustomParameters;
  private final Boolean force;
  private final Boolean dryRun;
  private final Boolean queue;
  private final String scheduledTime;
  private final Integer waitAfterFail;
  private final String forceStatus;
  private final String executionId;
  private final String createdBy;
  private final String createdAt;
  private final String startedAt;
  private final String endedAt;
  private final String error;
  private final Boolean systemWorkflow;

  private CloudifyStartRequest(Builder b) {
    this.deploymentId = b.deploymentId;
    this.workflowId = b.workflowId;
    this.parameters = b.parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    this.allowCustomParameters = b.allowCustomParameters;
    this.force = b.force;
    this.dryRun = b.dryRun;
    this.queue = b.queue;
    this.scheduledTime = b.scheduledTime;
    this.waitAfterFail = b.waitAfterFail;
    this.forceStatus = b.forceStatus;
    this.executionId = b.executionId;
    this.createdBy = b.createdBy;
    this.createdAt = b.createdAt;
    this.startedAt = b.startedAt;
    this.endedAt = b.endedAt;
    this.error = b.error;
    this.systemWorkflow = b.systemWorkflow;
  }

  /**
   * Runs {@code workflowId} on {@code deploymentId}.
   *
   * @param deploymentId the deployment's id
   * @param workflowId the workflow's id
   * @return a new builder
   */
  public static Builder of(String deploymentId, String workflowId) {
    return new Builder(deploymentId, workflowId);
  }

  /** {@return the deployment id} */
  public String deploymentId() {
    return deploymentId;
  }

  /** {@return the workflow id} */
  public String workflowId() {
    return workflowId;
  }

  /** {@return the workflow parameters, or null when none are sent} */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** {@return whether allow custom parameters is set} */
  public Boolean allowCustomParameters() {
    return allowCustomParameters;
  }

  /** {@return whether force is set} */
  public Boolean force() {
    return force;
  }

  /** {@return whether dry run is set} */
  public Boolean dryRun() {
    return dryRun;
  }

  /** {@return whether queue is set} */
  public Boolean queue() {
    return queue;
  }

  /**
   * {@code scheduled_time}, as the manager reads it (e.g. {@code 2030-01-01T10:00:00}), or null.
   *
   * @return the scheduled time
   */
  public String scheduledTime() {
    return scheduledTime;
  }

  /**
   * {@code wait_after_fail} in seconds, or null for the manager's 600.
   *
   * @return the wait after fail
   */
  public Integer waitAfterFail() {
    return waitAfterFail;
  }

  /** {@return the force status} */
  public String forceStatus() {
    return forceStatus;
  }

  /** {@return the execution id} */
  public String executionId() {
    return executionId;
  }

  /** {@return the created by} */
  public String createdBy() {
    return createdBy;
  }

  /** {@return the created at} */
  public String createdAt() {
    return createdAt;
  }

  /** {@return the started at} */
  public String startedAt() {
    return startedAt;
  }

  /** {@return the ended at} */
  public String endedAt() {
    return endedAt;
  }

  /** {@return the error} */
  public String error() {
    return error;
  }

  /** {@return whether system workflow is set} */
  public Boolean systemWorkflow() {
    return systemWorkflow;
  }

  /** Names the deployment and workflow only: parameters may be sensitive. */
  @Override
  public String toString() {
    return "CloudifyStartRequest{" + deploymentId + ":" + workflowId + "}";
  }

  /** Builds a {@link CloudifyStartRequest}. */
  public static final class Builder {
    private final String deploymentId;
    private final String workflowId;
    private Map<String, Object> parameters;
    private Boolean allowCustomParameters;
    private Boolean force;
    private Boolean dryRun;
    private Boolean queue;
    private String scheduledTime;
    private Integer waitAfterFail;
    private String forceStatus;
    private String executionId;
    private String createdBy;
    private String createdAt;
    private String startedAt;
    private String endedAt;
    private String error;
    private Boolean systemWorkflow;

    private Builder(String deploymentId, String workflowId) {
      this.deploymentId = deploymentId;
      this.workflowId = workflowId;
    }

    /**
     * {@return all parameters at once (replaces earlier ones)}
     *
     * @param values the values
     */
    public Builder parameters(Map<String, ?> values) {
      this.parameters = values == null ? null : new LinkedHashMap<>(values);
      return this;
    }

    /**
     * {@return one parameter}
     *
     * @param name the name
     * @param value the value
     */
    public Builder parameter(String name, Object value) {
      if (parameters == null) {
        parameters = new LinkedHashMap<>();
      }
      parameters.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /**
     * Accept parameters the blueprint's workflow does not declare.
     *
     * @param value the value
     * @return this builder
     */
    public Builder allowCustomParameters(boolean value) {
      this.allowCustomParameters = value;
      return this;
    }

    /**
     * Run even when another execution of the deployment is running.
     *
     * @param value the value
     * @return this builder
     */
    public Builder force(boolean value) {
      this.force = value;
      return this;
    }

    /**
     * Perform no actual actions.
     *
     * @param value the value
     * @return this builder
     */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * Queue the execution when it cannot run now, instead of failing.
     *
     * @param value the value
     * @return this builder
     */
    public Builder queue(boolean value) {
      this.queue = value;
      return this;
    }

    /**
     * Run at this time ({@code scheduled_time}, deprecated by the manager in favour of deployment
     * schedules): the answer is a placeholder with status {@code scheduled} and no id.
     *
     * @param value the value
     * @return this builder
     */
    public Builder scheduledTime(String value) {
      this.scheduledTime = value;
      return this;
    }

    /**
     * {@return how long, in seconds, a failed execution keeps its workers ({@code wait_after_fail})}
     *
     * @param seconds the seconds
     */
    public Builder waitAfterFail(int seconds) {
      this.waitAfterFail = seconds;
      return this;
    }

    /**
     * Restore: store the execution with this status instead of running it.
     *
     * @param value the value
     * @return this builder
     */
    public Builder forceStatus(String value) {
      this.forceStatus = value;
      return this;
    }

    /**
     * Restore: the execution's id.
     *
     * @param value the value
     * @return this builder
     */
    public Builder executionId(String value) {
      this.executionId = value;
      return this;
    }

    /**
     * Restore: the creator.
     *
     * @param value the value
     * @return this builder
     */
    public Builder createdBy(String value) {
      this.createdBy = value;
      return this;
    }

    /**
     * Restore: the creation time, as the manager writes it.
     *
     * @param value the value
     * @return this builder
     */
    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    /**
     * Restore: the start time.
     *
     * @param value the value
     * @return this builder
     */
    public Builder startedAt(String value) {
      this.startedAt = value;
      return this;
    }

    /**
     * Restore: the end time.
     *
     * @param value the value
     * @return this builder
     */
    public Builder endedAt(String value) {
      this.endedAt = value;
      return this;
    }

    /**
     * Restore: the error.
     *
     * @param value the value
     * @return this builder
     */
    public Builder error(String value) {
      this.error = value;
      return this;
    }

    /**
     * Restore: whether it is a system workflow.
     *
     * @param value the value
     * @return this builder
     */
    public Builder systemWorkflow(boolean value) {
      this.systemWorkflow = value;
      return this;
    }

    /** {@return the build} */
    public CloudifyStartRequest build() {
      return new CloudifyStartRequest(this);
    }
  }
}
