package io.flowport.testkit;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.internal.InMemoryBackend;
import java.util.Objects;

/**
 * A {@link WorkflowClient} straight on an {@link InMemoryEngine}: every operation the engine has,
 * the same exception types the real adapters give for the same situations, no sockets.
 *
 * <pre>{@code
 * InMemoryEngine engine = InMemoryEngine.create();
 * try (WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
 *   client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("order.bpmn"))).join();
 * }
 * }</pre>
 *
 * <p>Closing the client does not close the engine: the engine belongs to whoever made it.
 */
public final class InMemoryWorkflowClient {
  /** The engine name the in-memory client reports. */
  public static final String ENGINE = "in-memory";

  private InMemoryWorkflowClient() {}

  /**
   * {@return a client on {@code engine} with no retries (the engine never pushes back)}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public static WorkflowClient create(InMemoryEngine engine) {
    return create(engine, ClientOptions.builder().retryPolicy(RetryPolicy.none()).build());
  }

  /**
   * {@return a client on {@code engine} with {@code options}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param options the options
   */
  public static WorkflowClient create(InMemoryEngine engine, ClientOptions options) {
    Objects.requireNonNull(engine, "engine == null");
    return WorkflowClients.create(new InMemoryBackend(engine), options);
  }
}
