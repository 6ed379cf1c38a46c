package io.flowport.rest.bksops;

import io.flowport.core.model.InstanceState;
import io.flowport.core.model.NodeState;
import java.util.Locale;
import io.flowport.core.spi.StateTable;

/**
 * bk-sops' state words mapped to the unified states, as data. The task's state is the root of
 * {@code get_task_status}, already folded by the public API's rule (RUNNING with a FAILED child
 * reads FAILED, with a SUSPENDED child NODE_SUSPENDED; a SUSPENDED root stays SUSPENDED).
 *
 * <table>
 *   <caption>task state → InstanceState</caption>
 *   <tr><th>bk-sops</th><th>unified</th></tr>
 *   <tr><td>CREATED, READY</td><td>CREATED (never started, or the asynchronous start not done yet)</td></tr>
 *   <tr><td>RUNNING, BLOCKED, NODE_SUSPENDED (a node is paused, the task is not), PENDING_PROCESSING,
 *       PENDING_APPROVAL, PENDING_CONFIRMATION, PENDING_CONTINUE</td><td>RUNNING</td></tr>
 *   <tr><td>SUSPENDED</td><td>SUSPENDED</td></tr>
 *   <tr><td>FAILED</td><td>FAILED (not terminal for bk-sops: retry or skip the node)</td></tr>
 *   <tr><td>FINISHED</td><td>COMPLETED</td></tr>
 *   <tr><td>REVOKED, EXPIRED</td><td>CANCELLED</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * Node states are bamboo_engine's own words (the same as {@link NodeState}); NODE_SUSPENDED on a
 * subprocess reads SUSPENDED, anything else unknown UNKNOWN.
 */
public final class BkSopsStates {
  private BkSopsStates() {}

  /** Task state word → unified instance state (bk-sops writes upper case; read without regard to case). */
  public static final StateTable INSTANCE = StateTable.builder("bk-sops")
      .row("CREATED", InstanceState.CREATED)
      .row("READY", InstanceState.CREATED)
      .row("RUNNING", InstanceState.RUNNING)
      .row("BLOCKED", InstanceState.RUNNING)
      .row("NODE_SUSPENDED", InstanceState.RUNNING)
      .row("PENDING_PROCESSING", InstanceState.RUNNING)
      .row("PENDING_APPROVAL", InstanceState.RUNNING)
      .row("PENDING_CONFIRMATION", InstanceState.RUNNING)
      .row("PENDING_CONTINUE", InstanceState.RUNNING)
      .row("SUSPENDED", InstanceState.SUSPENDED)
      .row("FAILED", InstanceState.FAILED)
      .row("FINISHED", InstanceState.COMPLETED)
      .row("REVOKED", InstanceState.CANCELLED)
      .row("EXPIRED", InstanceState.CANCELLED)
      .fallback(InstanceState.UNKNOWN)
      .build();

  /**
   * {@return the unified state of a task state word; UNKNOWN for null or an unknown word}
   *
   * @param raw the raw value
   */
  public static InstanceState instanceState(String raw) {
    return raw == null ? InstanceState.UNKNOWN : INSTANCE.state(raw);
  }

  /**
   * {@return the unified state of a node state word; UNKNOWN for null or an unknown word}
   *
   * @param raw the raw value
   */
  public static NodeState nodeState(String raw) {
    if (raw == null) {
      return NodeState.UNKNOWN;
    }
    String word = raw.toUpperCase(Locale.ROOT);
    if (word.equals("NODE_SUSPENDED")) {
      return NodeState.SUSPENDED;
    }
    try {
      return NodeState.valueOf(word);
    } catch (IllegalArgumentException e) {
      return NodeState.UNKNOWN;
    }
  }
}
