package io.flowport.rest.obs;

import io.flowport.core.Capabilities;
import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.RestTransport;
import io.flowport.rest.obs.internal.ObsBackend;
import io.flowport.rest.obs.internal.ObsIds;
import io.flowport.rest.obs.internal.ObsWire;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Huawei OBS workflow client: the unified {@link WorkflowClient} over OBS's workflow REST API,
 * plus the SDK's own operations in {@link #obs()}. Both share one executor (retries, timeouts,
 * listeners) and one signed HTTP transport.
 *
 * <pre>{@code
 * try (ObsClient client = ObsClient.builder()
 *     .endpoint("https://obs.cn-north-4.myhuaweicloud.com")
 *     .credentials(ObsCredentials.of(System.getenv("AccessKeyID"), System.getenv("SecretAccessKey")))
 *     .defaultObject("my-bucket", "folder/input.txt")        // what unified starts run on
 *     .build()) {
 *   ObsStartResult started = client.obs().startWorkflow("my-graph", "my-bucket", "folder/test.txt", Map.of("k", "v")).join();
 *   Instance execution = client.instances().get(ObsClient.instanceId("my-graph", started.executionName())).join();
 * }
 * }</pre>
 *
 * <p>Unified words: definition = graph name; instance = execution, id {@code <graph>/<execution>};
 * variables = the execution's inputs; retry = restore a FAILED execution; node tree = the state
 * map. OBS has no cancel, suspend, delete, variables update or messages. Request ids are read from
 * {@code x-obs-request-id}. Thread-safe; {@link #close()} cancels calls in flight and releases
 * connections and threads.
 */
public final class ObsClient implements WorkflowClient {
  /** The engine name. */
  public static final String ENGINE = "obs";
  /** The header OBS sends its request id in. */
  public static final String REQUEST_ID_HEADER = "x-obs-request-id";

  private final WorkflowClient client;
  private final CallExecutor executor;
  private final ObsOperations obs;
  private final String endpoint;

  private ObsClient(Builder b) {
    RestTransport.Builder transport = RestTransport.builder(ENGINE)
        .baseUrl(b.endpoint)
        .credentials(b.credentials)
        .errorReader(ObsErrors.READER)
        .requestIdHeaders(REQUEST_ID_HEADER, "x-amz-request-id")
        .continuationExecutor(b.options.callbackExecutor());
    if (b.transportCustomizer != null) {
      b.transportCustomizer.accept(transport);
    }
    RestTransport http = transport.build();
    this.endpoint = http.baseUrl();
    ObsWire wire = new ObsWire(http, b.credentials instanceof ObsCredentials c ? c : null);
    ObsBackend backend = new ObsBackend(ENGINE, wire, b.bucket, b.object);
    this.executor = CallExecutor.create(ENGINE, b.options, backend.traits());
    this.client = WorkflowClients.create(backend, executor);
    this.obs = new ObsCalls(executor, wire);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The unified instance id of execution {@code executionName} of graph {@code graphName}. */
  public static String instanceId(String graphName, String executionName) {
    return ObsIds.instanceId(graphName, executionName);
  }

  /** What only OBS has: the SDK's workflow, template, execution and trigger-policy operations. */
  public ObsOperations obs() {
    return obs;
  }

  /** The endpoint requests go to. */
  public String endpoint() {
    return endpoint;
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
    return "ObsClient{" + endpoint + "}";
  }

  /** Builds an {@link ObsClient}. */
  public static final class Builder {
    private String endpoint;
    private Credentials credentials = Credentials.none();
    private ClientOptions options = ClientOptions.defaults();
    private String bucket;
    private String object;
    private Consumer<RestTransport.Builder> transportCustomizer;

    private Builder() {}

    /** OBS's endpoint, e.g. {@code https://obs.cn-north-4.myhuaweicloud.com}; paths start with {@code /v2/}. */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /**
     * Usually {@link ObsCredentials}: then a 403 {@code RequestTimeTooSkewed} corrects the signing
     * clock and the request is signed and sent once more. None by default (only a fake takes that).
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /** Retries, timeouts, listeners and the callback executor. */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * The object unified {@code instances().start(..)} runs workflows on (OBS starts a workflow on
     * an object of a bucket); checked against {@link ObsNames} here. Without it, unified starts fail
     * with ClientValidationException and {@code obs().startWorkflow} is the way to start.
     *
     * @throws IllegalArgumentException when a name breaks OBS's rules
     */
    public Builder defaultObject(String bucket, String object) {
      ObsNames.bucketProblem(bucket).ifPresent(p -> {
        throw new IllegalArgumentException(p);
      });
      ObsNames.objectProblem(object).ifPresent(p -> {
        throw new IllegalArgumentException(p);
      });
      this.bucket = bucket;
      this.object = object;
      return this;
    }

    /** Last-word access to the HTTP transport's settings (connect timeout, pool, TLS through OkHttp). */
    public Builder transport(Consumer<RestTransport.Builder> customizer) {
      this.transportCustomizer = customizer;
      return this;
    }

    /**
     * @throws IllegalStateException without an endpoint
     * @throws IllegalArgumentException when the endpoint is not an http(s) URL
     */
    public ObsClient build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      return new ObsClient(this);
    }
  }
}
