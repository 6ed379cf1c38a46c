package io.flowport.core.model;

/**
 * Which instances to list, and which page. Every filter is optional. The page token comes from
 * the previous {@link Page#nextPageToken()}; adapters turn it into the engine's offset or marker.
 */
public final class InstanceQuery {
  /** The page size when the query sets none. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  private final String definitionId;
  private final InstanceState state;
  private final String businessKey;
  private final String tenantId;
  private final int pageSize;
  private final String pageToken;

  private InstanceQuery(Builder b) {
    this.definitionId = b.definitionId;
    this.state = b.state;
    this.businessKey = b.businessKey;
    this.tenantId = b.tenantId;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every instance, first page} */
  public static InstanceQuery all() {
    return builder().build();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    return new Builder()
        .definitionId(definitionId)
        .state(state)
        .businessKey(businessKey)
        .tenantId(tenantId)
        .pageSize(pageSize)
        .pageToken(pageToken);
  }

  /**
   * {@return the same query for the page after {@code page}}
   *
   * @param page the page
   */
  public InstanceQuery next(Page<?> page) {
    return toBuilder().pageToken(page.nextPageToken()).build();
  }

  /** {@return the definition id} */
  public String definitionId() {
    return definitionId;
  }

  /** {@return the state} */
  public InstanceState state() {
    return state;
  }

  /** {@return the business key} */
  public String businessKey() {
    return businessKey;
  }

  /** {@return the tenant id} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return the page size} */
  public int pageSize() {
    return pageSize;
  }

  /** {@return the page to fetch, or null for the first} */
  public String pageToken() {
    return pageToken;
  }

  @Override
  public String toString() {
    return "InstanceQuery{definitionId=" + definitionId + ", state=" + state
        + ", businessKey=" + businessKey + ", tenantId=" + tenantId
        + ", pageSize=" + pageSize + ", pageToken=" + pageToken + "}";
  }

  /** Builds an {@link InstanceQuery}. */
  public static final class Builder {
    private String definitionId;
    private InstanceState state;
    private String businessKey;
    private String tenantId;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private String pageToken;

    private Builder() {}

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
     * Items per page, at least 1.
     *
     * @param pageSize the page size
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets the page token.
     *
     * @param pageToken the page token
     * @return this builder
     */
    public Builder pageToken(String pageToken) {
      this.pageToken = pageToken;
      return this;
    }

    /** {@return the build} */
    public InstanceQuery build() {
      return new InstanceQuery(this);
    }
  }
}
