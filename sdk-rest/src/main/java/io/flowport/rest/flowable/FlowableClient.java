package io.flowport.rest.flowable;

import io.flowport.core.Capabilities;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.RestTransport;
import io.flowport.rest.flowable.internal.FlowableBackend;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Flowable client: the unified {@link WorkflowClient} over Flowable's REST API, plus what only
 * Flowable has in {@link #flowable()}. Both share one executor (retries, timeouts, listeners) and
 * one HTTP transport.
 *
 * <pre>{@code
 * try (FlowableClient client = FlowableClient.builder()
 *     .baseUrl("http://localhost:8080/flowable-rest/service")   // or http://host:port/process-api
 *     .credentials(Credentials.basic("rest-admin", "test"))
 *     .build()) {
 *   Instance started = client.instances().start(StartRequest.of("oneTask").variable("amount", 42).build()).join();
 *   client.flowable().addIdentityLink(started.id(), "fozzie", "participant").join();
 * }
 * }</pre>
 *
 * Thread-safe; share one per Flowable. {@link #close()} cancels calls in flight and releases the
 * connections and threads.
 */
public final class FlowableClient implements WorkflowClient {
  private final WorkflowClient client;
  private final CallExecutor executor;
  private final FlowableBackend backend;
  private final FlowableOperations flowable = new Ops();
  private final String baseUrl;

  private FlowableClient(Builder b) {
    RestTransport.Builder transport = RestTransport.builder(FlowableBackend.ENGINE)
        .baseUrl(b.baseUrl)
        .credentials(b.credentials)
        .continuationExecutor(b.options.callbackExecutor());
    if (b.transportCustomizer != null) {
      b.transportCustomizer.accept(transport);
    }
    RestTransport http = transport.build();
    this.baseUrl = http.baseUrl();
    this.backend = new FlowableBackend(new io.flowport.rest.RestCalls(http, FlowableErrors.READER));
    this.executor = CallExecutor.create(FlowableBackend.ENGINE, b.options, backend.traits());
    this.client = WorkflowClients.create(backend, executor);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What only Flowable has. */
  public FlowableOperations flowable() {
    return flowable;
  }

  /** The base URL requests go to. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String engine() {
    return client.engine();
  }

  @Override
  public Capabilities capabilities() {
    return client.capabilities();
  }

  @Override
  public Definitions definitions() {
    return client.definitions();
  }

  @Override
  public Instances instances() {
    return client.instances();
  }

  @Override
  public Variables variables() {
    return client.variables();
  }

  @Override
  public Messages messages() {
    return client.messages();
  }

  @Override
  public Nodes nodes() {
    return client.nodes();
  }

  @Override
  public Groups groups() {
    return client.groups();
  }

  @Override
  public void close() {
    try {
      client.close(); // closes the backend and its transport
    } finally {
      executor.close();
    }
  }

  @Override
  public String toString() {
    return "FlowableClient{" + baseUrl + "}";
  }

  /** Builds a {@link FlowableClient}. */
  public static final class Builder {
    private String baseUrl;
    private Credentials credentials = Credentials.none();
    private ClientOptions options = ClientOptions.defaults();
    private Consumer<RestTransport.Builder> transportCustomizer;

    private Builder() {}

    /**
     * Where Flowable's process REST API lives: {@code http://host:port/process-api} for the Spring
     * Boot starter, {@code http://host:port/flowable-rest/service} for the flowable-rest webapp.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Usually {@code Credentials.basic(user, password)}; none by default. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /** Retries, timeouts, listeners and the callback executor. */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Last-word access to the HTTP transport's settings (connect timeout, pool, TLS through OkHttp). */
    public Builder transport(Consumer<RestTransport.Builder> customizer) {
      this.transportCustomizer = customizer;
      return this;
    }

    /**
     * @throws IllegalStateException without a base URL
     * @throws IllegalArgumentException when the base URL is not an http(s) URL
     */
    public FlowableClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new FlowableClient(this);
    }
  }

  private final class Ops implements FlowableOperations {
    private final String engine = FlowableBackend.ENGINE;

    /** Runs checks, then the attempt through the shared executor; never throws. */
    private <T> CompletableFuture<T> call(
        Operation op, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
      Function<CallContext, CompletableFuture<T>> attempt;
      try {
        attempt = prepare.get();
      } catch (WorkflowException e) {
        return CompletableFuture.failedFuture(e);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
      }
      return executor.execute(op, false, attempt);
    }

    private String id(Operation op, String what, String value) {
      return Args.requireId(engine, op, what, value);
    }

    @Override
    public CompletableFuture<Void> completeTask(String instanceId, String taskKey, Map<String, ?> variables) {
      Operation op = COMPLETE_TASK;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "taskKey", taskKey);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, variables == null ? Map.of() : variables);
        return ctx -> backend.completeTask(ctx, instanceId, taskKey, checked);
      });
    }

    @Override
    public CompletableFuture<List<IdentityLink>> getIdentityLinks(String instanceId) {
      Operation op = GET_IDENTITY_LINKS;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.identityLinks(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<IdentityLink> addIdentityLink(String instanceId, String userId, String type) {
      Operation op = ADD_IDENTITY_LINK;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "userId", userId);
        id(op, "type", type);
        return ctx -> backend.addIdentityLink(ctx, instanceId, userId, type);
      });
    }

    @Override
    public CompletableFuture<Void> removeIdentityLink(String instanceId, String userId, String type) {
      Operation op = REMOVE_IDENTITY_LINK;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "userId", userId);
        id(op, "type", type);
        return ctx -> backend.removeIdentityLink(ctx, instanceId, userId, type);
      });
    }

    @Override
    public CompletableFuture<List<FlowableVariable>> getTypedVariables(String instanceId) {
      Operation op = GET_TYPED_VARIABLES;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.getTypedVariables(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<FlowableVariable> createBinaryVariable(String instanceId, String name, byte[] content) {
      return binary(CREATE_BINARY_VARIABLE, instanceId, name, content, true);
    }

    @Override
    public CompletableFuture<FlowableVariable> updateBinaryVariable(String instanceId, String name, byte[] content) {
      return binary(UPDATE_BINARY_VARIABLE, instanceId, name, content, false);
    }

    private CompletableFuture<FlowableVariable> binary(
        Operation op, String instanceId, String name, byte[] content, boolean create) {
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "variable name", name);
        byte[] bytes = Args.requireNonNull(engine, op, "content", content).clone();
        return ctx -> backend.binaryVariable(ctx, instanceId, name, bytes, create);
      });
    }

    @Override
    public CompletableFuture<byte[]> getBinaryVariable(String instanceId, String name) {
      Operation op = GET_BINARY_VARIABLE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "variable name", name);
        return ctx -> backend.binaryVariableData(ctx, instanceId, name);
      });
    }

    @Override
    public CompletableFuture<Page<Instance>> query(FlowableInstanceQuery query) {
      Operation op = QUERY_INSTANCES;
      return call(op, () -> {
        Args.requireNonNull(engine, op, "query", query);
        for (FlowableInstanceQuery.VariableFilter f : query.variables()) {
          JsonValues.checkValue(engine, op, f.name(), f.value());
        }
        return ctx -> backend.query(ctx, query);
      });
    }

    @Override
    public CompletableFuture<byte[]> getDiagram(String instanceId) {
      Operation op = GET_DIAGRAM;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        return ctx -> backend.diagram(ctx, instanceId);
      });
    }

    @Override
    public CompletableFuture<Instance> start(
        StartRequest request, Map<String, ?> transientVariables, boolean returnVariables) {
      Operation op = START_WITH_OPTIONS;
      return call(op, () -> {
        Args.requireNonNull(engine, op, "request", request);
        if ((request.definition() == null) == (request.messageName() == null)) {
          throw Args.invalid(engine, op, "a start request names a definition or a message, exactly one");
        }
        if (request.definition() != null) {
          id(op, "definition", request.definition().isByKey() ? request.definition().key() : request.definition().id());
        } else {
          id(op, "message name", request.messageName());
        }
        StartRequest checked = request.withVariables(JsonValues.checkVariables(engine, op, request.variables()));
        Map<String, Object> transients = transientVariables == null ? Map.of()
            : JsonValues.checkVariables(engine, op, transientVariables);
        return ctx -> backend.start(ctx, checked, transients, returnVariables);
      });
    }

    @Override
    public CompletableFuture<Void> signal(String signalName, String tenantId, Map<String, ?> variables, boolean async) {
      Operation op = SIGNAL;
      return call(op, () -> {
        id(op, "signal name", signalName);
        Map<String, Object> vars = variables == null ? Map.of() : JsonValues.checkVariables(engine, op, variables);
        if (async && !vars.isEmpty()) {
          throw Args.invalid(engine, op, "Flowable takes no variables with an asynchronous signal");
        }
        return ctx -> backend.signal(ctx, signalName, tenantId, vars, async);
      });
    }

    @Override
    public CompletableFuture<Void> messageInstance(String instanceId, String messageName, Map<String, ?> variables) {
      Operation op = MESSAGE_INSTANCE;
      return call(op, () -> {
        id(op, "instanceId", instanceId);
        id(op, "message name", messageName);
        Map<String, Object> vars = variables == null ? Map.of() : JsonValues.checkVariables(engine, op, variables);
        return ctx -> backend.messageInstance(ctx, instanceId, messageName, vars);
      });
    }
  }
}
