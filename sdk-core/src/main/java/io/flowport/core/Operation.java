package io.flowport.core;

import java.util.Objects;

/**
 * One operation a client can perform, with the one fact the retry machinery needs: whether
 * repeating it can duplicate work.
 *
 * <p>The constants cover the unified API. Adapters name their engine-specific operations with
 * {@link #of(String, boolean)}; two operations are equal when their names are.
 */
public final class Operation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final Operation DEPLOY = new Operation("deploy", false);
  public static final Operation START_INSTANCE = new Operation("start instance", false);
  public static final Operation START_AND_AWAIT = new Operation("start and await instance", false);
  public static final Operation GET_INSTANCE = new Operation("get instance", true);
  public static final Operation LIST_INSTANCES = new Operation("list instances", true);
  public static final Operation CANCEL_INSTANCE = new Operation("cancel instance", true);
  public static final Operation SUSPEND_INSTANCE = new Operation("suspend instance", true);
  public static final Operation RESUME_INSTANCE = new Operation("resume instance", true);
  public static final Operation RETRY_INSTANCE = new Operation("retry instance", false);
  public static final Operation DELETE_INSTANCE = new Operation("delete instance", true);
  public static final Operation GET_VARIABLES = new Operation("get variables", true);
  public static final Operation GET_VARIABLE = new Operation("get variable", true);
  public static final Operation CREATE_VARIABLES = new Operation("create variables", false);
  public static final Operation UPSERT_VARIABLES = new Operation("upsert variables", true);
  public static final Operation PUBLISH_MESSAGE = new Operation("publish message", false);
  public static final Operation GET_NODE_TREE = new Operation("get node tree", true);
  public static final Operation PAUSE_NODE = new Operation("pause node", true);
  public static final Operation RESUME_NODE = new Operation("resume node", true);
  public static final Operation RETRY_NODE = new Operation("retry node", false);
  public static final Operation SKIP_NODE = new Operation("skip node", false);
  public static final Operation SKIP_EXCLUSIVE_GATEWAY = new Operation("skip exclusive gateway", false);
  public static final Operation SKIP_CONDITIONAL_PARALLEL_GATEWAY =
      new Operation("skip conditional parallel gateway", false);
  public static final Operation FORCE_FAIL_NODE = new Operation("force-fail node", false);
  public static final Operation CALLBACK_NODE = new Operation("callback node", false);
  public static final Operation RETRY_SUBPROCESS = new Operation("retry subprocess", false);
  public static final Operation GET_NODE_DATA = new Operation("get node data", true);
  public static final Operation GET_NODE_HISTORY = new Operation("get node history", true);
  public static final Operation START_GROUP = new Operation("start group", false);
  public static final Operation CANCEL_GROUP = new Operation("cancel group", true);
  public static final Operation SET_GROUP_CONCURRENCY = new Operation("set group concurrency", true);
  public static final Operation SET_GROUP_TARGETS = new Operation("set group targets", true);

  private final String name;
  private final boolean idempotent;

  private Operation(String name, boolean idempotent) {
    this.name = name;
    this.idempotent = idempotent;
  }

  /**
   * {@return an engine-specific operation}
   *
   *
   * @param name a short lower-case name, e.g. {@code "topology"}
   * @param idempotent true when repeating the call after an unknown outcome cannot duplicate work
   */
  public static Operation of(String name, boolean idempotent) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    return new Operation(name, idempotent);
  }

  /** {@return the operation's name as it appears in exception messages and listener events} */
  public String name() {
    return name;
  }

  /** {@return true when repeating the call after an unknown outcome cannot duplicate work} */
  public boolean isIdempotent() {
    return idempotent;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operation other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
