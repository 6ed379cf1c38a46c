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

  /** {@code "deploy"}: not idempotent, a repeat may duplicate work. */
  public static final Operation DEPLOY = new Operation("deploy", false);
  /** {@code "start instance"}: not idempotent, a repeat may duplicate work. */
  public static final Operation START_INSTANCE = new Operation("start instance", false);
  /** {@code "start and await instance"}: not idempotent, a repeat may duplicate work. */
  public static final Operation START_AND_AWAIT = new Operation("start and await instance", false);
  /** {@code "get instance"}: idempotent, safe to repeat. */
  public static final Operation GET_INSTANCE = new Operation("get instance", true);
  /** {@code "list instances"}: idempotent, safe to repeat. */
  public static final Operation LIST_INSTANCES = new Operation("list instances", true);
  /** {@code "cancel instance"}: idempotent, safe to repeat. */
  public static final Operation CANCEL_INSTANCE = new Operation("cancel instance", true);
  /** {@code "suspend instance"}: idempotent, safe to repeat. */
  public static final Operation SUSPEND_INSTANCE = new Operation("suspend instance", true);
  /** {@code "resume instance"}: idempotent, safe to repeat. */
  public static final Operation RESUME_INSTANCE = new Operation("resume instance", true);
  /** {@code "retry instance"}: not idempotent, a repeat may duplicate work. */
  public static final Operation RETRY_INSTANCE = new Operation("retry instance", false);
  /** {@code "delete instance"}: idempotent, safe to repeat. */
  public static final Operation DELETE_INSTANCE = new Operation("delete instance", true);
  /** {@code "get variables"}: idempotent, safe to repeat. */
  public static final Operation GET_VARIABLES = new Operation("get variables", true);
  /** {@code "get variable"}: idempotent, safe to repeat. */
  public static final Operation GET_VARIABLE = new Operation("get variable", true);
  /** {@code "create variables"}: not idempotent, a repeat may duplicate work. */
  public static final Operation CREATE_VARIABLES = new Operation("create variables", false);
  /** {@code "upsert variables"}: idempotent, safe to repeat. */
  public static final Operation UPSERT_VARIABLES = new Operation("upsert variables", true);
  /** {@code "publish message"}: not idempotent, a repeat may duplicate work. */
  public static final Operation PUBLISH_MESSAGE = new Operation("publish message", false);
  /** {@code "get node tree"}: idempotent, safe to repeat. */
  public static final Operation GET_NODE_TREE = new Operation("get node tree", true);
  /** {@code "pause node"}: idempotent, safe to repeat. */
  public static final Operation PAUSE_NODE = new Operation("pause node", true);
  /** {@code "resume node"}: idempotent, safe to repeat. */
  public static final Operation RESUME_NODE = new Operation("resume node", true);
  /** {@code "retry node"}: not idempotent, a repeat may duplicate work. */
  public static final Operation RETRY_NODE = new Operation("retry node", false);
  /** {@code "skip node"}: not idempotent, a repeat may duplicate work. */
  public static final Operation SKIP_NODE = new Operation("skip node", false);
  /** {@code "skip exclusive gateway"}: not idempotent, a repeat may duplicate work. */
  public static final Operation SKIP_EXCLUSIVE_GATEWAY = new Operation("skip exclusive gateway", false);
  /** {@code "skip conditional parallel gateway"}: not idempotent, a repeat may duplicate work. */
  public static final Operation SKIP_CONDITIONAL_PARALLEL_GATEWAY =
      new Operation("skip conditional parallel gateway", false);
  /** {@code "force-fail node"}: not idempotent, a repeat may duplicate work. */
  public static final Operation FORCE_FAIL_NODE = new Operation("force-fail node", false);
  /** {@code "callback node"}: not idempotent, a repeat may duplicate work. */
  public static final Operation CALLBACK_NODE = new Operation("callback node", false);
  /** {@code "retry subprocess"}: not idempotent, a repeat may duplicate work. */
  public static final Operation RETRY_SUBPROCESS = new Operation("retry subprocess", false);
  /** {@code "get node data"}: idempotent, safe to repeat. */
  public static final Operation GET_NODE_DATA = new Operation("get node data", true);
  /** {@code "get node history"}: idempotent, safe to repeat. */
  public static final Operation GET_NODE_HISTORY = new Operation("get node history", true);
  /** {@code "start group"}: not idempotent, a repeat may duplicate work. */
  public static final Operation START_GROUP = new Operation("start group", false);
  /** {@code "cancel group"}: idempotent, safe to repeat. */
  public static final Operation CANCEL_GROUP = new Operation("cancel group", true);
  /** {@code "set group concurrency"}: idempotent, safe to repeat. */
  public static final Operation SET_GROUP_CONCURRENCY = new Operation("set group concurrency", true);
  /** {@code "set group targets"}: idempotent, safe to repeat. */
  public static final Operation SET_GROUP_TARGETS = new Operation("set group targets", true);

  /** The operation's name, as logs and error messages show it. */
  private final String name;
  /** Whether repeating it cannot duplicate work. */
  private final boolean idempotent;

  private Operation(String name, boolean idempotent) {
    this.name = name;
    this.idempotent = idempotent;
  }

  /**
   * {@return an engine-specific operation}
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
