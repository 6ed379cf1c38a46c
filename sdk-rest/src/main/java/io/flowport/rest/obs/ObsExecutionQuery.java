package io.flowport.rest.obs;

import java.util.Objects;

/**
 * Which executions {@link ObsOperations#listExecutions} lists: those of one graph, optionally of
 * one type, from a marker on, at most {@code limit} (1 to 1000; OBS's default is 10). A state
 * filter is applied on the client, as the SDK does: OBS does not filter by state, so pages are
 * read on until {@code limit} executions in that state are found or OBS has no more.
 *
 * <pre>{@code
 * ObsExecutionQuery q = ObsExecutionQuery.of("my-graph").type(ObsExecutionQuery.APICALL).state("FAILED").limit(50).build();
 * }</pre>
 */
public final class ObsExecutionQuery {
  /** Executions started through the API. */
  public static final String APICALL = "APICALL";
  /** Executions started by a trigger policy. */
  public static final String TRIGGERCAL = "TRIGGERCAL";
  /** The largest limit OBS takes. */
  public static final int MAX_LIMIT = 1000;
  /** The limit used with a state filter and no limit (the SDK would fail; OBS's own default). */
  public static final int DEFAULT_LIMIT = 10;

  private final String graphName;
  private final String type;
  private final String marker;
  private final Integer limit;
  private final String state;

  private ObsExecutionQuery(Builder b) {
    this.graphName = b.graphName;
    this.type = b.type;
    this.marker = b.marker;
    this.limit = b.limit;
    this.state = b.state;
  }

  /**
   * {@return the executions of graph {@code graphName}}
   *
   * @param graphName the graph's name
   */
  public static Builder of(String graphName) {
    return new Builder(graphName);
  }

  /** {@return the graph whose executions are listed} */
  public String graphName() {
    return graphName;
  }

  /**
   * APICALL, TRIGGERCAL, or null for both.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /** {@return where to go on from (a {@link ObsExecutionPage#nextMarker()}), or null for the start} */
  public String marker() {
    return marker;
  }

  /**
   * At most this many, or null for OBS's default.
   *
   * @return the limit
   */
  public Integer limit() {
    return limit;
  }

  /**
   * RUNNING, SUCCESS or FAILED (filtered on the client), or null for all.
   *
   * @return the state
   */
  public String state() {
    return state;
  }

  @Override
  public String toString() {
    return "ObsExecutionQuery{graph=" + graphName + ", type=" + type + ", marker=" + marker + ", limit=" + limit
        + ", state=" + state + "}";
  }

  /** Builds an {@link ObsExecutionQuery}; the client checks the values when the query is used. */
  public static final class Builder {
    private final String graphName;
    private String type;
    private String marker;
    private Integer limit;
    private String state;

    private Builder(String graphName) {
      this.graphName = graphName;
    }

    /**
     * Only executions of this type: {@link #APICALL} or {@link #TRIGGERCAL}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder type(String value) {
      this.type = value;
      return this;
    }

    /**
     * Go on after this marker (a page's {@code nextMarker}).
     *
     * @param value the value
     * @return this builder
     */
    public Builder marker(String value) {
      this.marker = value;
      return this;
    }

    /**
     * At most this many, 1 to {@link #MAX_LIMIT}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder limit(Integer value) {
      this.limit = value;
      return this;
    }

    /**
     * Only executions in this state (RUNNING, SUCCESS, FAILED), filtered on the client.
     *
     * @param value the value
     * @return this builder
     */
    public Builder state(String value) {
      this.state = value;
      return this;
    }

    /** {@return the query} */
    public ObsExecutionQuery build() {
      return new ObsExecutionQuery(this);
    }
  }

  /** Equality by value, so a query can be a map key in a test. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ObsExecutionQuery q && Objects.equals(graphName, q.graphName) && Objects.equals(type, q.type)
        && Objects.equals(marker, q.marker) && Objects.equals(limit, q.limit) && Objects.equals(state, q.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(graphName, type, marker, limit, state);
  }
}
