package io.flowport.core;

import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.internal.DefaultWorkflowClient;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.WorkflowClientProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Makes clients: from a configuration (engine name, endpoint, credentials, options) without
 * naming the adapter class, or from an {@link EngineBackend} when writing an adapter.
 *
 * <pre>{@code
 * try (WorkflowClient client = WorkflowClients.create(ClientConfig.builder("flowable")
 *     .endpoint("http://localhost:8080/flowable-rest/service")
 *     .credentials(Credentials.basic("rest-admin", "test"))
 *     .build())) {
 *   Instance started = client.instances().start(StartRequest.of("order").build()).join();
 * }
 * }</pre>
 */
public final class WorkflowClients {
  private WorkflowClients() {}

  /**
   * {@return a client for {@code config.engine()}, made by the adapter that registered that name with
   * {@link java.util.ServiceLoader} (put its artifact on the class path)}
   *
   * @param config the configuration
   * @throws io.flowport.core.error.OperationNotSupportedException when no adapter has that name
   */
  public static WorkflowClient create(ClientConfig config) {
    Objects.requireNonNull(config, "config == null");
    List<String> known = new ArrayList<>();
    for (WorkflowClientProvider provider : ServiceLoader.load(WorkflowClientProvider.class)) {
      if (provider.engine().equalsIgnoreCase(config.engine())) {
        return provider.create(config);
      }
      known.add(provider.engine());
    }
    throw ErrorKind.UNSUPPORTED.toException(new ErrorInfo(config.engine(), Operation.of("create client", true),
        null, null, "no adapter for engine '" + config.engine() + "' on the class path; found " + known, null, false));
  }

  /**
   * {@return a client over {@code backend}, owning its own executor; closing it closes the backend}
   *
   * @param backend the backend
   * @param options the options
   */
  public static WorkflowClient create(EngineBackend backend, ClientOptions options) {
    Objects.requireNonNull(backend, "backend == null");
    Objects.requireNonNull(options, "options == null");
    return new DefaultWorkflowClient(backend, CallExecutor.create(backend.engine(), options, backend.traits(), backend.secrets()), true);
  }

  /**
   * {@return a client over {@code backend} sharing {@code executor} with the adapter's own operations;
   * closing the client closes the backend, not the executor}
   *
   * @param backend the backend
   * @param executor the executor
   */
  public static WorkflowClient create(EngineBackend backend, CallExecutor executor) {
    Objects.requireNonNull(backend, "backend == null");
    Objects.requireNonNull(executor, "executor == null");
    return new DefaultWorkflowClient(backend, executor, false);
  }
}
