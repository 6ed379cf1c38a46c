package io.flowport.testkit.contract;

/**
 * Documented differences between engines, so the contract can state them rather than hide them.
 * Each defaults to the behaviour most engines share.
 */
public final class Expectations {
  private final boolean redeployKeepsVersion;
  private final boolean messageDeduplication;
  private final boolean messageBuffering;
  private final boolean endedInstancesReadable;
  private final boolean businessKeys;
  private final boolean startByMessage;
  private final io.flowport.core.model.InstanceState startedState;
  private final io.flowport.core.model.InstanceState groupStartedState;
  private final Class<? extends io.flowport.core.error.WorkflowException> cancelOfEndedFailsWith;
  private final boolean forceFailKeepsMessage;
  private final boolean awaitTimeoutKnowsInstance;

  private Expectations(Builder b) {
    this.startedState = b.startedState;
    this.groupStartedState = b.groupStartedState;
    this.cancelOfEndedFailsWith = b.cancelOfEndedFailsWith;
    this.businessKeys = b.businessKeys;
    this.startByMessage = b.startByMessage;
    this.redeployKeepsVersion = b.redeployKeepsVersion;
    this.messageDeduplication = b.messageDeduplication;
    this.messageBuffering = b.messageBuffering;
    this.endedInstancesReadable = b.endedInstancesReadable;
    this.forceFailKeepsMessage = b.forceFailKeepsMessage;
    this.awaitTimeoutKnowsInstance = b.awaitTimeoutKnowsInstance;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether re-deploying identical content keeps the version (Zeebe) rather than adding one (Flowable)} */
  public boolean redeployKeepsVersion() {
    return redeployKeepsVersion;
  }

  /** {@return whether a second message with a live message id is rejected (Zeebe); Flowable has no message ids} */
  public boolean messageDeduplication() {
    return messageDeduplication;
  }

  /** {@return whether a message with a TTL waits for an instance that reaches the catch later (Zeebe)} */
  public boolean messageBuffering() {
    return messageBuffering;
  }

  /** {@return whether {@code get} still finds an instance after it ended (from history, or kept in memory)} */
  public boolean endedInstancesReadable() {
    return endedInstancesReadable;
  }

  /** {@return whether instances carry a business key (Flowable, bk-sops); Zeebe has none and refuses one} */
  public boolean businessKeys() {
    return businessKeys;
  }

  /**
   * Whether {@code start} with a message name returns the instance it started (Flowable); Zeebe
   * starts message start events only by publishing, which returns no instance.
   *
   * @return whether {@code start} can start a message start event
   */
  public boolean startByMessage() {
    return startByMessage;
  }

  /**
   * {@return the state {@code start} answers with: RUNNING on most engines; CREATED on Cloudify, whose new
   * execution is {@code pending} until a worker takes it}
   */
  public io.flowport.core.model.InstanceState startedState() {
    return startedState;
  }

  /**
   * {@return the state a group start answers with when members run: RUNNING on most engines; QUEUED on
   * Cloudify, whose answer shows the members still {@code pending} or {@code queued}}
   */
  public io.flowport.core.model.InstanceState groupStartedState() {
    return groupStartedState;
  }

  /**
   * {@return what cancelling an ended instance fails with: InstanceNotFoundException where ended instances
   * leave the runtime (Zeebe, Flowable); IllegalTransitionException where they stay (Cloudify)}
   */
  public Class<? extends io.flowport.core.error.WorkflowException> cancelOfEndedFailsWith() {
    return cancelOfEndedFailsWith;
  }

  /**
   * {@return whether a force-fail's message becomes the node's error message (true by default); bk-sops
   * writes its own ("The node has been terminated by &lt;user&gt;.")}
   */
  public boolean forceFailKeepsMessage() {
    return forceFailKeepsMessage;
  }

  /**
   * {@return whether a start-and-await that times out carries the started instance's id (true by default:
   * the client started it, then polled); Zeebe's native wait answers only at the end, so no id}
   */
  public boolean awaitTimeoutKnowsInstance() {
    return awaitTimeoutKnowsInstance;
  }

  /** Builds {@link Expectations}. */
  public static final class Builder {
    private boolean redeployKeepsVersion = true;
    private boolean messageDeduplication = true;
    private boolean messageBuffering = true;
    private boolean endedInstancesReadable = true;
    private boolean businessKeys = true;
    private boolean startByMessage = true;
    private io.flowport.core.model.InstanceState startedState = io.flowport.core.model.InstanceState.RUNNING;
    private io.flowport.core.model.InstanceState groupStartedState = io.flowport.core.model.InstanceState.RUNNING;
    private Class<? extends io.flowport.core.error.WorkflowException> cancelOfEndedFailsWith =
        io.flowport.core.error.InstanceNotFoundException.class;
    private boolean forceFailKeepsMessage = true;
    private boolean awaitTimeoutKnowsInstance = true;

    private Builder() {}

    /**
     * See {@link Expectations#startedState()}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder startedState(io.flowport.core.model.InstanceState value) {
      this.startedState = java.util.Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * See {@link Expectations#groupStartedState()}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder groupStartedState(io.flowport.core.model.InstanceState value) {
      this.groupStartedState = java.util.Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * See {@link Expectations#cancelOfEndedFailsWith()}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder cancelOfEndedFailsWith(Class<? extends io.flowport.core.error.WorkflowException> value) {
      this.cancelOfEndedFailsWith = java.util.Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * Sets the business keys.
     *
     * @param value the value
     * @return this builder
     */
    public Builder businessKeys(boolean value) {
      this.businessKeys = value;
      return this;
    }

    /**
     * Sets the start by message.
     *
     * @param value the value
     * @return this builder
     */
    public Builder startByMessage(boolean value) {
      this.startByMessage = value;
      return this;
    }

    /**
     * Sets the redeploy keeps version.
     *
     * @param value the value
     * @return this builder
     */
    public Builder redeployKeepsVersion(boolean value) {
      this.redeployKeepsVersion = value;
      return this;
    }

    /**
     * Sets the message deduplication.
     *
     * @param value the value
     * @return this builder
     */
    public Builder messageDeduplication(boolean value) {
      this.messageDeduplication = value;
      return this;
    }

    /**
     * Sets the message buffering.
     *
     * @param value the value
     * @return this builder
     */
    public Builder messageBuffering(boolean value) {
      this.messageBuffering = value;
      return this;
    }

    /**
     * Sets the ended instances readable.
     *
     * @param value the value
     * @return this builder
     */
    public Builder endedInstancesReadable(boolean value) {
      this.endedInstancesReadable = value;
      return this;
    }

    /**
     * Sets the force fail keeps message.
     *
     * @param value the value
     * @return this builder
     */
    public Builder forceFailKeepsMessage(boolean value) {
      this.forceFailKeepsMessage = value;
      return this;
    }

    /**
     * See {@link Expectations#awaitTimeoutKnowsInstance()}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder awaitTimeoutKnowsInstance(boolean value) {
      this.awaitTimeoutKnowsInstance = value;
      return this;
    }

    /** {@return the build} */
    public Expectations build() {
      return new Expectations(this);
    }
  }
}
