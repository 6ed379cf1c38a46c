package io.flowport.testkit.junit;

import io.flowport.core.WorkflowClient;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.TestClock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * What {@link FlowportExtension} made for one test (or one test class with
 * {@link FlowportExtension.Builder#perClass()}): the engine, its clock and the clients on it.
 * Inject it as a test method parameter, or inject the parts directly.
 *
 * <p>Everything here belongs to the extension, which closes it after the test (or class), in
 * this order: the resources given to {@link #register}, newest first, then the client, then the
 * engine. Do not close them yourself.
 */
public final class FlowportTestContext {
  private final InMemoryEngine engine;
  private final WorkflowClient client;
  private final SyncWorkflowClient syncClient;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean closed;

  FlowportTestContext(InMemoryEngine engine, WorkflowClient client) {
    this.engine = engine;
    this.client = client;
    this.syncClient = SyncWorkflowClient.of(client);
  }

  /** {@return the in-memory engine} */
  public InMemoryEngine engine() {
    return engine;
  }

  /** {@return the engine clock; it moves only when told to} */
  public TestClock clock() {
    return engine.clock();
  }

  /** {@return the asynchronous {@code WorkflowClient} on the engine (an {@code InMemoryWorkflowClient})} */
  public WorkflowClient client() {
    return client;
  }

  /** {@return the blocking client over {@link #client()}} */
  public SyncWorkflowClient syncClient() {
    return syncClient;
  }

  /**
   * Closes {@code resource} when the test (or class) ends, before the client and the engine, and
   * returns it: {@code var worker = ctx.register(new MyWorker(ctx.client()));}. A resource that
   * fails to close fails the test (like grpc's {@code GrpcCleanupRule}).
   *
   * @param <T> the type of the result
   * @param resource the resource
   * @return the t
   * @throws IllegalStateException when the context is already closed
   */
  public synchronized <T extends AutoCloseable> T register(T resource) {
    Objects.requireNonNull(resource, "resource == null");
    if (closed) {
      throw new IllegalStateException("The Flowport test context is already closed");
    }
    resources.push(resource);
    return resource;
  }

  /** {@return a readable report of the engine's instances (what is shown when a test fails)} */
  public String diagnostics() {
    return Diagnostics.report(engine, null);
  }

  /** Closes registered resources (newest first), the client, then the engine; idempotent. */
  void close() throws Exception {
    Deque<AutoCloseable> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayDeque<>(resources);
      resources.clear();
    }
    Exception failure = null;
    toClose.addLast(client); // the sync client is a view: closing it would close the client again
    toClose.addLast(engine);
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new Exception("Flowport: closing " + c + " failed", e);
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
