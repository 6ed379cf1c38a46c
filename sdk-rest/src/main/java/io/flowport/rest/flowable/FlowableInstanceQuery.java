package io.flowport.rest.flowable;

import io.flowport.core.model.InstanceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flowable's process instance query ({@code POST query/process-instances}), variable filters
 * included. Paging is the unified one: page size and the token of the previous page.
 */
public final class FlowableInstanceQuery {
  /** Flowable's variable comparison operations. */
  public enum VariableOperation {
    /** Equal to the value. */
    EQUALS("equals"),
    /** Not equal to the value. */
    NOT_EQUALS("notEquals"),
    /** Equal to the value, ignoring case (strings). */
    EQUALS_IGNORE_CASE("equalsIgnoreCase"),
    /** Not equal to the value, ignoring case (strings). */
    NOT_EQUALS_IGNORE_CASE("notEqualsIgnoreCase"),
    /** Less than the value. */
    LESS_THAN("lessThan"),
    /** Greater than the value. */
    GREATER_THAN("greaterThan"),
    /** Less than or equal to the value. */
    LESS_THAN_OR_EQUALS("lessThanOrEquals"),
    /** Greater than or equal to the value. */
    GREATER_THAN_OR_EQUALS("greaterThanOrEquals"),
    /** Matches the value, a pattern where {@code %} stands for any text (strings). */
    LIKE("like");

    private final String wire;

    VariableOperation(String wire) {
      this.wire = wire;
    }

    /** {@return the name Flowable expects} */
    public String wireName() {
      return wire;
    }

    @Override
    public String toString() {
      return wire;
    }
  }

  /**
   * One variable filter: {@code name operation value}.
   *
   * @param name the variable's name
   * @param operation how the variable is compared with {@code value}
   * @param value the value to compare with
   */
  public record VariableFilter(String name, VariableOperation operation, Object value) {
    /**
     * Creates the record: checks the components.
     *
     * @param name the variable's name
     * @param operation how the variable is compared with {@code value}
     * @param value the value to compare with
     */
    public VariableFilter {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(operation, "operation == null");
    }
  }

  private final String processDefinitionKey;
  private final String processDefinitionId;
  private final String businessKey;
  private final String tenantId;
  private final Boolean suspended;
  private final String involvedUser;
  private final boolean includeProcessVariables;
  private final List<VariableFilter> variables;
  private final String sort;
  private final boolean descending;
  private final int pageSize;
  private final String pageToken;

  private FlowableInstanceQuery(Builder b) {
    this.processDefinitionKey = b.processDefinitionKey;
    this.processDefinitionId = b.processDefinitionId;
    this.businessKey = b.businessKey;
    this.tenantId = b.tenantId;
    this.suspended = b.suspended;
    this.involvedUser = b.involvedUser;
    this.includeProcessVariables = b.includeProcessVariables;
    this.variables = List.copyOf(b.variables);
    this.sort = b.sort;
    this.descending = b.descending;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this object's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.processDefinitionKey = processDefinitionKey;
    b.processDefinitionId = processDefinitionId;
    b.businessKey = businessKey;
    b.tenantId = tenantId;
    b.suspended = suspended;
    b.involvedUser = involvedUser;
    b.includeProcessVariables = includeProcessVariables;
    b.variables.addAll(variables);
    b.sort = sort;
    b.descending = descending;
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    return b;
  }

  /**
   * {@return the same query for the page after {@code page}}
   *
   * @param page the page
   */
  public FlowableInstanceQuery next(io.flowport.core.model.Page<?> page) {
    return toBuilder().pageToken(page.nextPageToken()).build();
  }

  /** {@return the process definition key} */
  public String processDefinitionKey() {
    return processDefinitionKey;
  }

  /** {@return the process definition id} */
  public String processDefinitionId() {
    return processDefinitionId;
  }

  /** {@return the business key} */
  public String businessKey() {
    return businessKey;
  }

  /** {@return the tenant id} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return whether suspended is set} */
  public Boolean suspended() {
    return suspended;
  }

  /** {@return the involved user} */
  public String involvedUser() {
    return involvedUser;
  }

  /** {@return whether include process variables} */
  public boolean includeProcessVariables() {
    return includeProcessVariables;
  }

  /** {@return the variables} */
  public List<VariableFilter> variables() {
    return variables;
  }

  /** {@return the sort} */
  public String sort() {
    return sort;
  }

  /** {@return whether descending} */
  public boolean descending() {
    return descending;
  }

  /** {@return the page size} */
  public int pageSize() {
    return pageSize;
  }

  /** {@return the page token} */
  public String pageToken() {
    return pageToken;
  }

  @Override
  public String toString() {
    return "FlowableInstanceQuery{key=" + processDefinitionKey + ", id=" + processDefinitionId
        + ", businessKey=" + businessKey + ", suspended=" + suspended + ", variables=" + variables.size()
        + ", pageSize=" + pageSize + ", pageToken=" + pageToken + "}";
  }

  /** Builds a {@link FlowableInstanceQuery}. */
  public static final class Builder {
    private String processDefinitionKey;
    private String processDefinitionId;
    private String businessKey;
    private String tenantId;
    private Boolean suspended;
    private String involvedUser;
    private boolean includeProcessVariables;
    private final List<VariableFilter> variables = new ArrayList<>();
    private String sort;
    private boolean descending;
    private int pageSize = InstanceQuery.DEFAULT_PAGE_SIZE;
    private String pageToken;

    private Builder() {}

    /**
     * Sets the process definition key.
     *
     * @param key the key
     * @return this builder
     */
    public Builder processDefinitionKey(String key) {
      this.processDefinitionKey = key;
      return this;
    }

    /**
     * Sets the process definition id.
     *
     * @param id the id
     * @return this builder
     */
    public Builder processDefinitionId(String id) {
      this.processDefinitionId = id;
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
     * Only suspended (true) or only active (false) instances; null for both.
     *
     * @param suspended the suspended
     * @return this builder
     */
    public Builder suspended(Boolean suspended) {
      this.suspended = suspended;
      return this;
    }

    /**
     * Sets the involved user.
     *
     * @param user the user name
     * @return this builder
     */
    public Builder involvedUser(String user) {
      this.involvedUser = user;
      return this;
    }

    /**
     * {@return each instance with its variables}
     *
     * @param include what to include
     */
    public Builder includeProcessVariables(boolean include) {
      this.includeProcessVariables = include;
      return this;
    }

    /**
     * Adds a filter {@code name operation value}; the value's Flowable type is inferred as for variables.
     *
     * @param name the name
     * @param operation the operation called
     * @param value the value
     * @return this builder
     */
    public Builder variable(String name, VariableOperation operation, Object value) {
      variables.add(new VariableFilter(name, operation, value));
      return this;
    }

    /**
     * Shortcut for {@code variable(name, EQUALS, value)}.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder variableEquals(String name, Object value) {
      return variable(name, VariableOperation.EQUALS, value);
    }

    /**
     * Sort key ({@code id, processDefinitionId, tenantId, processDefinitionKey, startTime}); ascending unless {@code descending}.
     *
     * @param sort the sort
     * @param descending the descending
     * @return this builder
     */
    public Builder sort(String sort, boolean descending) {
      this.sort = sort == null ? null : sort.trim();
      this.descending = descending;
      return this;
    }

    /**
     * Sets the page size.
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
    public FlowableInstanceQuery build() {
      return new FlowableInstanceQuery(this);
    }
  }
}
