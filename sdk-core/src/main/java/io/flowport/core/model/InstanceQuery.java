package io.flowport.core.model;

/**
 * Which instances to list, and which page. Every filter is optional. The page token comes from
 * the previous {@link Page#nextPageToken()}; adapters turn it into the engine's offset or marker.
 */
public final class InstanceQuery {
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

  public static Builder builder() {
    return new Builder();
  }

  /** Every instance, first page. */
  public static InstanceQuery all() {
    return builder().build();
  }

  public Builder toBuilder() {
    return new Builder()
        .definitionId(definitionId)
        .state(state)
        .businessKey(businessKey)
        .tenantId(tenantId)
        .pageSize(pageSize)
        .pageToken(pageToken);
  }

  /** The same query for the page after {@code page}. */
  public InstanceQuery next(Page<?> page) {
    return toBuilder().pageToken(page.nextPageToken()).build();
  }

  public String definitionId() {
    return definitionId;
  }

  public InstanceState state() {
    return state;
  }

  public String businessKey() {
    return businessKey;
  }

  public String tenantId() {
    return tenantId;
  }

  public int pageSize() {
    return pageSize;
  }

  /** The page to fetch, or null for the first. */
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

    public Builder definitionId(String definitionId) {
      this.definitionId = definitionId;
      return this;
    }

    public Builder state(InstanceState state) {
      this.state = state;
      return this;
    }

    public Builder businessKey(String businessKey) {
      this.businessKey = businessKey;
      return this;
    }

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** Items per page, at least 1. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder pageToken(String pageToken) {
      this.pageToken = pageToken;
      return this;
    }

    public InstanceQuery build() {
      return new InstanceQuery(this);
    }
  }
}
