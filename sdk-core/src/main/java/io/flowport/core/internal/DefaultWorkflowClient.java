package io.flowport.core.internal;

import io.flowport.core.Capabilities;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one {@link WorkflowClient} implementation: each group checks arguments and capabilities
 * through {@link GuardedCalls}, then runs the backend's attempt on the {@link CallExecutor}.
 * Adapters differ only in their backend. The groups live in their own classes
 * ({@link UnifiedInstances} and the others), one per group.
 */
public final class DefaultWorkflowClient implements WorkflowClient {
  private final EngineBackend backend;
  private final CallExecutor executor;
  private final boolean ownsExecutor;
  private final String engine;
  private final Capabilities capabilities;

  private final Definitions definitions;
  private final Instances instances;
  private final Variables variables;
  private final Messages messages;
  private final Nodes nodes;
  private final Groups groups;

  /**
   * @param backend the engine's wire side; closed by {@link #close()}
   * @param executor runs the attempts
   * @param ownsExecutor whether {@link #close()} closes the executor too
   */
  public DefaultWorkflowClient(EngineBackend backend, CallExecutor executor, boolean ownsExecutor) {
    this.backend = backend;
    this.executor = executor;
    this.ownsExecutor = ownsExecutor;
    this.engine = backend.engine();
    Set<Operation> ops = new LinkedHashSet<>(backend.capabilities());
    boolean nativeAwait = ops.contains(Operation.START_AND_AWAIT);
    if (!nativeAwait && ops.contains(Operation.START_INSTANCE) && ops.contains(Operation.GET_INSTANCE)) {
      ops.add(Operation.START_AND_AWAIT); // by polling
    }
    this.capabilities = Capabilities.of(engine, ops);
    GuardedCalls calls = new GuardedCalls(engine, capabilities::supports, backend::unsupportedReason, executor);
    this.definitions = new UnifiedDefinitions(calls, backend);
    this.instances = new UnifiedInstances(this, calls, backend, nativeAwait);
    this.variables = new UnifiedVariables(calls, backend);
    this.messages = new UnifiedMessages(calls, backend);
    this.nodes = new UnifiedNodes(calls, backend);
    this.groups = new UnifiedGroups(calls, backend);
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Definitions definitions() {
    return definitions;
  }

  @Override
  public Instances instances() {
    return instances;
  }

  @Override
  public Variables variables() {
    return variables;
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public Nodes nodes() {
    return nodes;
  }

  @Override
  public Groups groups() {
    return groups;
  }

  /** The executor, for adapters' engine-specific operations. */
  public CallExecutor executor() {
    return executor;
  }

  @Override
  public void close() {
    // The executor first: it fails the calls still running and cancels their attempts while the
    // backend can still cancel them on the wire; then the backend releases its connections.
    try {
      if (ownsExecutor) {
        executor.close();
      }
    } finally {
      backend.close();
    }
  }
}
