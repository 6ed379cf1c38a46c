package io.flowport.rest.cloudify;

import io.flowport.core.Capabilities;
import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.RestTransport;
import io.flowport.rest.cloudify.internal.CloudifyBackend;
import io.flowport.rest.cloudify.internal.CloudifyOps;
import io.flowport.rest.cloudify.internal.CloudifyWire;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Cloudify client: the unified {@link WorkflowClient} over the manager's REST API v3.1, and
 * every operation of Cloudify's executions and execution-groups clients ({@link CloudifyOperations}).
 * Both share one executor (retries, timeouts, listeners) and one HTTP transport.
 *
 * <pre>{@code
 * try (CloudifyClient client = CloudifyClient.builder()
 *     .baseUrl("https://manager.example.com/api/v3.1")
 *     .credentials(Credentials.basic("admin", secret))    // or Credentials.header("Authentication-Token", token)
 *     .tenant("default_tenant")
 *     .build()) {
 *   Instance run = client.instances().start(StartRequest.of("web-1:install").build()).join();
 *   CloudifyPage<CloudifyExecution> failed = client.listExecutions(
 *       CloudifyListQuery.builder().filter("status", "failed").sortDescending("created_at").build()).join();
 * }
 * }</pre>
 *
 * A unified definition is {@code "<deployment_id>:<workflow_id>"} ({@link CloudifyDefinitions});
 * retry is Cloudify's resume of a failed or cancelled execution. Thread-safe; share one per manager.
 */
public final class CloudifyClient implements WorkflowClient, CloudifyOperations {
  /** The engine name. */
  public static final String ENGINE = "cloudify";

  private final WorkflowClient client;
  private final CallExecutor executor;
  private final CloudifyOperations cloudify;
  private final String baseUrl;

  private CloudifyClient(Builder b) {
    RestTransport.Builder transport = RestTransport.builder(ENGINE)
        .baseUrl(b.baseUrl)
        .credentials(b.credentials)
        .continuationExecutor(b.options.callbackExecutor());
    if (b.tenant != null) {
      transport.defaultHeader("Tenant", b.tenant);
    }
    if (b.transportCustomizer != null) {
      b.transportCustomizer.accept(transport);
    }
    RestTransport http = transport.errorReader(CloudifyErrors.READER).build(); // the customizer cannot replace it
    this.baseUrl = http.baseUrl();
    CloudifyWire wire = new CloudifyWire(http);
    CloudifyBackend backend = new CloudifyBackend(wire);
    this.executor = CallExecutor.create(ENGINE, b.options, backend.traits());
    this.client = WorkflowClients.create(backend, executor);
    this.cloudify = new CloudifyOps(wire, executor);
  }

  public static Builder builder() {
    return new Builder();
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
  public CompletableFuture<CloudifyPage<CloudifyExecution>> listExecutions(CloudifyListQuery query) {
    return cloudify.listExecutions(query);
  }

  @Override
  public CompletableFuture<Void> forEachExecution(CloudifyListQuery query, Consumer<? super CloudifyExecution> action) {
    return cloudify.forEachExecution(query, action);
  }

  @Override
  public Stream<CloudifyExecution> streamExecutions(CloudifyListQuery query) {
    return cloudify.streamExecutions(query);
  }

  @Override
  public CompletableFuture<CloudifyExecution> getExecution(String executionId, List<String> include) {
    return cloudify.getExecution(executionId, include);
  }

  @Override
  public CompletableFuture<CloudifyExecution> startExecution(CloudifyStartRequest request) {
    return cloudify.startExecution(request);
  }

  @Override
  public CompletableFuture<CloudifyExecution> createExecution(CloudifyStartRequest request) {
    return cloudify.createExecution(request);
  }

  @Override
  public CompletableFuture<CloudifyExecution> cancelExecution(String executionId, CloudifyCancelMode mode) {
    return cloudify.cancelExecution(executionId, mode);
  }

  @Override
  public CompletableFuture<CloudifyExecution> resumeExecution(String executionId, boolean force) {
    return cloudify.resumeExecution(executionId, force);
  }

  @Override
  public CompletableFuture<CloudifyExecution> requeueExecution(String executionId) {
    return cloudify.requeueExecution(executionId);
  }

  @Override
  public CompletableFuture<CloudifyExecution> updateExecution(String executionId, String status, String error) {
    return cloudify.updateExecution(executionId, status, error);
  }

  @Override
  public CompletableFuture<Integer> deleteExecutions(CloudifyDeleteRequest request) {
    return cloudify.deleteExecutions(request);
  }

  @Override
  public CompletableFuture<Boolean> shouldStart(String executionId) {
    return cloudify.shouldStart(executionId);
  }

  @Override
  public CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> listGroups(CloudifyListQuery query) {
    return cloudify.listGroups(query);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> getGroup(String groupId, List<String> include) {
    return cloudify.getGroup(groupId, include);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> createGroup(CloudifyGroupRequest request) {
    return cloudify.createGroup(request);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> startGroup(CloudifyGroupRequest request) {
    return cloudify.startGroup(request);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> cancelGroup(String groupId, CloudifyCancelMode mode) {
    return cloudify.cancelGroup(groupId, mode);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> resumeGroup(String groupId, boolean force) {
    return cloudify.resumeGroup(groupId, force);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupConcurrency(String groupId, int concurrency) {
    return cloudify.setGroupConcurrency(groupId, concurrency);
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupTargets(
      String groupId, String successGroupId, String failureGroupId) {
    return cloudify.setGroupTargets(groupId, successGroupId, failureGroupId);
  }

  @Override
  public CompletableFuture<List<CloudifyExecutionGroup>> dumpGroups(List<String> groupIds) {
    return cloudify.dumpGroups(groupIds);
  }

  /** Stops retries first, then closes the transport. */
  @Override
  public void close() {
    try {
      executor.close();
    } finally {
      client.close(); // closes the backend and its transport
    }
  }

  @Override
  public String toString() {
    return "CloudifyClient{" + baseUrl + "}";
  }

  /** Builds a {@link CloudifyClient}. */
  public static final class Builder {
    private String baseUrl;
    private Credentials credentials = Credentials.none();
    private String tenant;
    private ClientOptions options = ClientOptions.defaults();
    private Consumer<RestTransport.Builder> transportCustomizer;

    private Builder() {}

    /** The manager's REST API, e.g. {@code https://manager/api/v3.1}. */
    public Builder baseUrl(String value) {
      this.baseUrl = Objects.requireNonNull(value, "baseUrl == null");
      return this;
    }

    /**
     * {@code Credentials.basic(user, password)} or
     * {@code Credentials.header("Authentication-Token", token)}; none by default.
     */
    public Builder credentials(Credentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials == null");
      return this;
    }

    /** The {@code Tenant} header sent on every request (a start or list naming a tenant overrides it). */
    public Builder tenant(String value) {
      this.tenant = value;
      return this;
    }

    /** Retries, timeouts, listeners and the callback executor. */
    public Builder options(ClientOptions value) {
      this.options = Objects.requireNonNull(value, "options == null");
      return this;
    }

    /** Last-word access to the HTTP transport's settings; the error reader stays Cloudify's. */
    public Builder transport(Consumer<RestTransport.Builder> customizer) {
      this.transportCustomizer = customizer;
      return this;
    }

    /**
     * @throws IllegalStateException without a base URL
     * @throws IllegalArgumentException when the base URL is not an http(s) URL
     */
    public CloudifyClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new CloudifyClient(this);
    }
  }
}
