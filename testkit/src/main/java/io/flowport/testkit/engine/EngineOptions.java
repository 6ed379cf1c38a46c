package io.flowport.testkit.engine;

/**
 * Options of an {@link InMemoryEngine}; build with {@link #builder()}.
 *
 * @param clock the engine clock (a fresh {@link TestClock} by default)
 * @param duplicateFiltering true (default, Zeebe): redeploying a byte-identical resource under the
 *     same name keeps the version; false (Flowable): every deploy adds a version
 * @param defaultTenantId tenant used when a call gives none ({@code "<default>"}, Zeebe's; Flowable uses {@code ""})
 * @param keepEndedInstances true (default): ended instances stay readable; false: they are dropped
 *     when they end (like the runtime tables of the real engines; keeps memory flat in benchmarks)
 * @param defaultJobRetries retries of a job when the BPMN does not say ({@code 3}, Zeebe's default)
 */
public record EngineOptions(
    TestClock clock, boolean duplicateFiltering, String defaultTenantId, boolean keepEndedInstances, int defaultJobRetries) {

  /**
   * Creates the record: checks the components.
   *
   * @param clock the engine clock (a fresh {@link TestClock} by default)
   * @param duplicateFiltering true (default, Zeebe): redeploying a byte-identical resource under the
   *     same name keeps the version; false (Flowable): every deploy adds a version
   * @param defaultTenantId tenant used when a call gives none ({@code "<default>"}, Zeebe's; Flowable uses {@code ""})
   * @param keepEndedInstances true (default): ended instances stay readable; false: they are dropped
   *     when they end (like the runtime tables of the real engines; keeps memory flat in benchmarks)
   * @param defaultJobRetries retries of a job when the BPMN does not say ({@code 3}, Zeebe's default)
   */
  public EngineOptions {
    if (clock == null) {
      clock = TestClock.create();
    }
    if (defaultTenantId == null) {
      defaultTenantId = "<default>";
    }
    if (defaultJobRetries < 0) {
      throw new EngineException(EngineException.Reason.INVALID_ARGUMENT, "defaultJobRetries must be >= 0");
    }
  }

  /**
   * Defaults: new TestClock, duplicate filtering on, tenant "&lt;default&gt;", keep ended instances, 3 retries.
   *
   * @return the engine options
   */
  public static EngineOptions defaults() {
    return builder().build();
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link EngineOptions}. */
  public static final class Builder {
    private TestClock clock;
    private boolean duplicateFiltering = true;
    private String defaultTenantId = "<default>";
    private boolean keepEndedInstances = true;
    private int defaultJobRetries = 3;

    private Builder() {}

    /**
     * Sets the clock.
     *
     * @param value the value
     * @return this builder
     */
    public Builder clock(TestClock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the duplicate filtering.
     *
     * @param value the value
     * @return this builder
     */
    public Builder duplicateFiltering(boolean value) {
      this.duplicateFiltering = value;
      return this;
    }

    /**
     * Sets the default tenant id.
     *
     * @param value the value
     * @return this builder
     */
    public Builder defaultTenantId(String value) {
      this.defaultTenantId = value;
      return this;
    }

    /**
     * Sets the keep ended instances.
     *
     * @param value the value
     * @return this builder
     */
    public Builder keepEndedInstances(boolean value) {
      this.keepEndedInstances = value;
      return this;
    }

    /**
     * Sets the default job retries.
     *
     * @param value the value
     * @return this builder
     */
    public Builder defaultJobRetries(int value) {
      this.defaultJobRetries = value;
      return this;
    }

    /** {@return the build} */
    public EngineOptions build() {
      return new EngineOptions(clock, duplicateFiltering, defaultTenantId, keepEndedInstances, defaultJobRetries);
    }
  }
}
