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
  private final boolean forceFailKeepsMessage;
  private final boolean awaitTimeoutKnowsInstance;

  private Expectations(Builder b) {
    this.businessKeys = b.businessKeys;
    this.startByMessage = b.startByMessage;
    this.redeployKeepsVersion = b.redeployKeepsVersion;
    this.messageDeduplication = b.messageDeduplication;
    this.messageBuffering = b.messageBuffering;
    this.endedInstancesReadable = b.endedInstancesReadable;
    this.forceFailKeepsMessage = b.forceFailKeepsMessage;
    this.awaitTimeoutKnowsInstance = b.awaitTimeoutKnowsInstance;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Re-deploying identical content keeps the version (Zeebe) rather than adding one (Flowable). */
  public boolean redeployKeepsVersion() {
    return redeployKeepsVersion;
  }

  /** A second message with a live message id is rejected (Zeebe); Flowable has no message ids. */
  public boolean messageDeduplication() {
    return messageDeduplication;
  }

  /** A message with a TTL waits for an instance that reaches the catch later (Zeebe). */
  public boolean messageBuffering() {
    return messageBuffering;
  }

  /** {@code get} still finds an instance after it ended (from history, or kept in memory). */
  public boolean endedInstancesReadable() {
    return endedInstancesReadable;
  }

  /** Instances carry a business key (Flowable, bk-sops); Zeebe has none and refuses one. */
  public boolean businessKeys() {
    return businessKeys;
  }

  /**
   * {@code start} with a message name returns the instance it started (Flowable); Zeebe starts
   * message start events only by publishing, which returns no instance.
   */
  public boolean startByMessage() {
    return startByMessage;
  }

  /**
   * Whether a force-fail's message becomes the node's error message (true by default); bk-sops
   * writes its own ("The node has been terminated by &lt;user&gt;.").
   */
  public boolean forceFailKeepsMessage() {
    return forceFailKeepsMessage;
  }

  /**
   * Whether a start-and-await that times out carries the started instance's id (true by default:
   * the client started it, then polled); Zeebe's native wait answers only at the end, so no id.
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
    private boolean forceFailKeepsMessage = true;
    private boolean awaitTimeoutKnowsInstance = true;

    private Builder() {}

    public Builder businessKeys(boolean value) {
      this.businessKeys = value;
      return this;
    }

    public Builder startByMessage(boolean value) {
      this.startByMessage = value;
      return this;
    }

    public Builder redeployKeepsVersion(boolean value) {
      this.redeployKeepsVersion = value;
      return this;
    }

    public Builder messageDeduplication(boolean value) {
      this.messageDeduplication = value;
      return this;
    }

    public Builder messageBuffering(boolean value) {
      this.messageBuffering = value;
      return this;
    }

    public Builder endedInstancesReadable(boolean value) {
      this.endedInstancesReadable = value;
      return this;
    }

    public Builder forceFailKeepsMessage(boolean value) {
      this.forceFailKeepsMessage = value;
      return this;
    }

    /** See {@link Expectations#awaitTimeoutKnowsInstance()}. */
    public Builder awaitTimeoutKnowsInstance(boolean value) {
      this.awaitTimeoutKnowsInstance = value;
      return this;
    }

    public Expectations build() {
      return new Expectations(this);
    }
  }
}
