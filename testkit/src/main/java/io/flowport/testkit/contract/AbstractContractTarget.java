package io.flowport.testkit.contract;

import io.flowport.core.WorkflowClient;
import java.util.List;
import java.util.Objects;

/**
 * The parts every {@link ContractTarget} shares: the client, the engine's expectations, and what
 * the target owns besides the client (a fake server, an engine). Closing it closes the client
 * first, then what it owns in the order given, so no call is in flight when a server stops.
 * Subclasses supply the resources per scenario and the engine-specific steps.
 */
public abstract class AbstractContractTarget implements ContractTarget {
  private final WorkflowClient client;
  private final Expectations expectations;
  private final List<AutoCloseable> owned;

  /**
   * A target on {@code client} with the engine's {@code expectations}, closing {@code owned}
   * after the client.
   *
   * @param client the client
   * @param expectations the expectations
   * @param owned the owned
   */
  protected AbstractContractTarget(WorkflowClient client, Expectations expectations, AutoCloseable... owned) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.expectations = Objects.requireNonNull(expectations, "expectations == null");
    this.owned = List.of(owned);
  }

  @Override
  public final WorkflowClient client() {
    return client;
  }

  @Override
  public final Expectations expectations() {
    return expectations;
  }

  /** Closes the client, then everything the target owns, even when an earlier close fails. */
  @Override
  public void close() throws Exception {
    Exception failure = null;
    try {
      client.close();
    } catch (Exception e) {
      failure = e;
    }
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
