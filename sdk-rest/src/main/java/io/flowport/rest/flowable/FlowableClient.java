package io.flowport.rest.flowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.AdapterClient;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestClientBuilder;
import io.flowport.rest.RestTransport;
import io.flowport.rest.flowable.internal.FlowableBackend;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Flowable client: the unified {@link io.flowport.core.WorkflowClient} over Flowable's REST
 * API, and what only Flowable has ({@link FlowableOperations}), both through one executor
 * (retries, timeouts, listeners) and one HTTP transport.
 *
 * <pre>{@code
 * try (FlowableClient client = FlowableClient.builder()
 *     .baseUrl("http://localhost:8080/flowable-rest/service")   // or http://host:port/process-api
 *     .credentials(Credentials.basic("rest-admin", "test"))
 *     .build()) {
 *   Instance started = client.instances().start(StartRequest.of("oneTask").variable("amount", 42).build()).join();
 *   client.addIdentityLink(started.id(), "fozzie", "participant").join();
 * }
 * }</pre>
 *
 * From the blocking client: {@code sync.join(sync.engineOperations(FlowableOperations.class).getDiagram(id))}.
 *
 * <p>Thread-safe; share one per Flowable. {@link #close()} cancels calls in flight and releases the
 * connections and threads.
 */
public final class FlowableClient extends AdapterClient<FlowableBackend> implements FlowableOperations {
  private static final Set<Operation> OPERATIONS = Set.of(
      GET_IDENTITY_LINKS, ADD_IDENTITY_LINK, REMOVE_IDENTITY_LINK, GET_TYPED_VARIABLES, CREATE_BINARY_VARIABLE,
      UPDATE_BINARY_VARIABLE, GET_BINARY_VARIABLE, QUERY_INSTANCES, GET_DIAGRAM, START_WITH_OPTIONS, SIGNAL,
      MESSAGE_INSTANCE, COMPLETE_TASK);

  private final String baseUrl;

  private FlowableClient(RestTransport transport, ClientOptions options) {
    super(new FlowableBackend(new RestCalls(transport, FlowableErrors.reader(transport.baseUrl()))), options, OPERATIONS);
    this.baseUrl = transport.baseUrl();
  }

  /** {@return a builder; {@link Builder#baseUrl} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public CompletableFuture<Void> completeTask(String instanceId, String taskKey, Map<String, ?> variables) {
    return call(COMPLETE_TASK, check -> {
      check.id("instanceId", instanceId);
      check.id("taskKey", taskKey);
      Map<String, Object> vars = check.optionalVariables(variables);
      return ctx -> backend().tasks().complete(ctx, instanceId, taskKey, vars);
    });
  }

  @Override
  public CompletableFuture<List<IdentityLink>> getIdentityLinks(String instanceId) {
    return call(GET_IDENTITY_LINKS, check -> {
      check.id("instanceId", instanceId);
      return ctx -> backend().tasks().identityLinks(ctx, instanceId);
    });
  }

  @Override
  public CompletableFuture<IdentityLink> addIdentityLink(String instanceId, String userId, String type) {
    return call(ADD_IDENTITY_LINK, check -> {
      check.id("instanceId", instanceId);
      check.id("userId", userId);
      check.id("type", type);
      return ctx -> backend().tasks().addIdentityLink(ctx, instanceId, userId, type);
    });
  }

  @Override
  public CompletableFuture<Void> removeIdentityLink(String instanceId, String userId, String type) {
    return call(REMOVE_IDENTITY_LINK, check -> {
      check.id("instanceId", instanceId);
      check.id("userId", userId);
      check.id("type", type);
      return ctx -> backend().tasks().removeIdentityLink(ctx, instanceId, userId, type);
    });
  }

  @Override
  public CompletableFuture<List<FlowableVariable>> getTypedVariables(String instanceId) {
    return call(GET_TYPED_VARIABLES, check -> {
      check.id("instanceId", instanceId);
      return ctx -> backend().variables().typed(ctx, instanceId);
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
    return call(op, check -> {
      check.id("instanceId", instanceId);
      check.id("variable name", name);
      byte[] bytes = check.nonNull("content", content).clone();
      return ctx -> backend().variables().binary(ctx, instanceId, name, bytes, create);
    });
  }

  @Override
  public CompletableFuture<byte[]> getBinaryVariable(String instanceId, String name) {
    return call(GET_BINARY_VARIABLE, check -> {
      check.id("instanceId", instanceId);
      check.id("variable name", name);
      return ctx -> backend().variables().binaryData(ctx, instanceId, name);
    });
  }

  @Override
  public CompletableFuture<Page<Instance>> query(FlowableInstanceQuery query) {
    return call(QUERY_INSTANCES, check -> {
      check.nonNull("query", query);
      for (FlowableInstanceQuery.VariableFilter f : query.variables()) {
        check.value(f.name(), f.value());
      }
      return ctx -> backend().instances().query(ctx, query);
    });
  }

  @Override
  public CompletableFuture<byte[]> getDiagram(String instanceId) {
    return call(GET_DIAGRAM, check -> {
      check.id("instanceId", instanceId);
      return ctx -> backend().instances().diagram(ctx, instanceId);
    });
  }

  @Override
  public CompletableFuture<Instance> start(
      StartRequest request, Map<String, ?> transientVariables, boolean returnVariables) {
    return call(START_WITH_OPTIONS, check -> {
      StartRequest checked = check.start(request);
      Map<String, Object> transients = check.optionalVariables(transientVariables);
      return ctx -> backend().instances().start(ctx, checked, transients, returnVariables);
    });
  }

  @Override
  public CompletableFuture<Void> signal(String signalName, String tenantId, Map<String, ?> variables, boolean async) {
    return call(SIGNAL, check -> {
      check.id("signal name", signalName);
      Map<String, Object> vars = check.optionalVariables(variables);
      if (async && !vars.isEmpty()) {
        throw check.invalid("Flowable takes no variables with an asynchronous signal");
      }
      return ctx -> backend().messages().signal(ctx, signalName, tenantId, vars, async);
    });
  }

  @Override
  public CompletableFuture<Void> messageInstance(String instanceId, String messageName, Map<String, ?> variables) {
    return call(MESSAGE_INSTANCE, check -> {
      check.id("instanceId", instanceId);
      check.id("message name", messageName);
      Map<String, Object> vars = check.optionalVariables(variables);
      return ctx -> backend().messages().messageInstance(ctx, instanceId, messageName, vars);
    });
  }

  @Override
  public String toString() {
    return "FlowableClient{" + baseUrl + "}";
  }

  /** Builds a {@link FlowableClient}: base URL (required), credentials, options, transport settings. */
  public static final class Builder extends RestClientBuilder<Builder, FlowableClient> {
    private Builder() {
      super(FlowableBackend.ENGINE);
    }

    /**
     * Where Flowable's process REST API lives: {@code http://host:port/process-api} for the Spring
     * Boot starter, {@code http://host:port/flowable-rest/service} for the flowable-rest webapp.
     */
    @Override
    public Builder baseUrl(String baseUrl) {
      return super.baseUrl(baseUrl);
    }

    /** Flowable sends no request id; a gateway in front of it often adds {@code x-request-id}. */
    @Override
    protected void adapterTransport(RestTransport.Builder transport) {
      transport.requestIdHeaders("x-request-id");
    }

    @Override
    protected FlowableClient create(RestTransport transport, ClientOptions options) {
      return new FlowableClient(transport, options);
    }
  }
}
