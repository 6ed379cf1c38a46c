package io.flowport.core.spi;

import io.flowport.core.Capabilities;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.internal.DefaultWorkflowClient;
import io.flowport.core.internal.GuardedCalls;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The base of every adapter's client class ({@code FlowableClient}, {@code ZeebeClient}, ...): the
 * unified {@link WorkflowClient} groups over the adapter's {@link EngineBackend}, plus one way,
 * {@link #call}, to run the adapter's own operations with everything the unified ones get:
 * capability check, argument checks ({@link Checks}), never-throw, retries, timeouts,
 * cancellation and listeners through the one {@link CallExecutor} both share.
 *
 * <p>An adapter's client extends this class and implements its engine's own interface
 * ({@code FlowableOperations}, {@code ZeebeOperations}); each method there is one {@link #call}:
 *
 * <pre>{@code
 * public final class AcmeClient extends AdapterClient<AcmeBackend> implements AcmeOperations {
 *   private AcmeClient(AcmeBackend backend, ClientOptions options) {
 *     super(backend, options, AcmeOperations.ALL);
 *   }
 *
 *   public CompletableFuture<Void> restore(String instanceId) {
 *     return call(RESTORE, check -> {
 *       check.id("instanceId", instanceId);
 *       return ctx -> backend().restore(ctx, instanceId);
 *     });
 *   }
 * }
 * }</pre>
 *
 * <h2>Closing</h2>
 * {@link #close()} runs once, in one order: {@link #beforeClose()} (stop what makes new calls,
 * such as job workers); the executor (it fails the calls still running and cancels their attempts
 * while the wire can still cancel them, and stops retries); the backend (which releases its
 * transport); then {@link #afterClose()} (resources the backend does not own: a channel, threads).
 *
 * @param <B> the adapter's backend
 */
public abstract class AdapterClient<B extends EngineBackend> implements WorkflowClient {
  private final B backend;
  private final CallExecutor executor;
  private final WorkflowClient unified;
  private final Set<Operation> engineOperations;
  private final GuardedCalls calls;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A client over {@code backend}, with an executor made from {@code options} and the backend's
   * traits.
   *
   * @param backend the adapter's wire side; this client closes it
   * @param options retries, timeouts, listeners, callback executor
   * @param engineOperations the adapter's own operations this client runs; {@link #call} refuses
   *     others with OperationNotSupportedException
   */
  protected AdapterClient(B backend, ClientOptions options, Set<Operation> engineOperations) {
    this.backend = Objects.requireNonNull(backend, "backend == null");
    Objects.requireNonNull(options, "options == null");
    this.engineOperations = Set.copyOf(Objects.requireNonNull(engineOperations, "engineOperations == null"));
    this.executor = CallExecutor.create(backend.engine(), options, backend.traits(), backend.secrets());
    this.unified = new DefaultWorkflowClient(backend, executor, false);
    this.calls = new GuardedCalls(backend.engine(), this.engineOperations::contains, executor);
  }

  /** {@return the adapter's backend, for the attempts of its own operations} */
  protected final B backend() {
    return backend;
  }

  /**
   * {@return the executor shared by the unified and the adapter's own operations (its scheduler serves pollers)}
   */
  protected final CallExecutor executor() {
    return executor;
  }

  /** {@return the adapter's own operations this client supports, beside {@link #capabilities()}} */
  public final Set<Operation> engineOperations() {
    return engineOperations;
  }

  /**
   * Runs one of the adapter's own operations: refuses it when it is not among
   * {@link #engineOperations()}, runs the checks of {@code plan} (a failure becomes a failed
   * future), then its attempt through the executor. Never throws.
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param plan the retry plan of the call
   * @return a future of the result, or failed with a WorkflowException
   */
  protected final <T> CompletableFuture<T> call(Operation operation, CallPlan<T> plan) {
    return calls.call(operation, plan);
  }

  /**
   * As {@link #call(Operation, CallPlan)}, for a request that carries a key the engine
   * deduplicates on (which makes even a non-idempotent operation safe to retry).
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param hasIdempotencyKey the has idempotency key
   * @param plan the retry plan of the call
   * @return a future of the result, or failed with a WorkflowException
   */
  protected final <T> CompletableFuture<T> call(Operation operation, boolean hasIdempotencyKey, CallPlan<T> plan) {
    return calls.call(operation, hasIdempotencyKey, java.time.Duration.ZERO, plan);
  }

  /**
   * As {@link #call(Operation, CallPlan)}, for an operation that asks the engine to wait up to
   * {@code engineWait} (a long-poll): each attempt gets that plus one margin for the answer's trip
   * (whatever the attempt timeout), the call at least that, the same margin native start-and-await gets. A null or negative wait
   * counts as none.
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param engineWait the engine wait
   * @param plan the retry plan of the call
   * @return a future of the result, or failed with a WorkflowException
   */
  protected final <T> CompletableFuture<T> callAwaiting(Operation operation, java.time.Duration engineWait,
      CallPlan<T> plan) {
    return calls.callAwaiting(operation, engineWait, plan);
  }

  /** {@return whether {@link #close()} has begun} */
  protected final boolean isClosed() {
    return closed.get();
  }

  @Override
  public final String engine() {
    return unified.engine();
  }

  @Override
  public final Capabilities capabilities() {
    return unified.capabilities();
  }

  @Override
  public final Definitions definitions() {
    return unified.definitions();
  }

  @Override
  public final Instances instances() {
    return unified.instances();
  }

  @Override
  public final Variables variables() {
    return unified.variables();
  }

  @Override
  public final Messages messages() {
    return unified.messages();
  }

  @Override
  public final Nodes nodes() {
    return unified.nodes();
  }

  @Override
  public final Groups groups() {
    return unified.groups();
  }

  /**
   * Fails the calls in flight and releases everything, in the order the class comment gives.
   * Idempotent; later calls fail at once with ClientClosedException ("the client is closed", not retryable).
   */
  @Override
  public final void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      beforeClose();
    } finally {
      try {
        executor.close();
      } finally {
        try {
          backend.close();
        } finally {
          afterClose();
        }
      }
    }
  }

  /** Runs first in {@link #close()}: stop what would make new calls. Nothing by default. */
  protected void beforeClose() {}

  /** Runs last in {@link #close()}: release what the backend does not own. Nothing by default. */
  protected void afterClose() {}
}
