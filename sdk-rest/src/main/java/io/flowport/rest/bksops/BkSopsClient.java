package io.flowport.rest.bksops;

import io.flowport.core.Capabilities;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.RestTransport;
import io.flowport.rest.bksops.internal.BkSopsBackend;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bk-sops client: the unified {@link WorkflowClient} over the BlueKing API gateway's bk-sops
 * API, plus bk-sops' own calls in {@link #bksops()}. Both share one executor (retries, timeouts,
 * listeners) and one HTTP transport.
 *
 * <pre>{@code
 * try (BkSopsClient client = BkSopsClient.builder()
 *     .baseUrl("https://bkapi.example.com/api/bk-sops/prod")
 *     .bizId("2")
 *     .credentials(BkSopsCredentials.appAndUser("my-app", secret, "admin"))
 *     .template("deploy-service", "1001")         // start by a name instead of the template id
 *     .build()) {
 *   Instance task = client.instances().start(StartRequest.of("deploy-service").variable("version", "1.2").build()).join();
 *   client.nodes().retry(task.id(), "n-failed-node", Map.of("force", true)).join();
 * }
 * }</pre>
 *
 * <p>Definitions are bk-sops templates, started by numeric id or by a name given with
 * {@link Builder#template}; deploying is not part of the gateway API. Instances are tasks. The
 * gateway caches {@code get_task_status} for 10 s; every state read of this client asks for the
 * current state (see {@link BkSopsOperations}). Thread-safe; share one per gateway and business.
 */
public final class BkSopsClient implements WorkflowClient {
  private final WorkflowClient client;
  private final CallExecutor executor;
  private final BkSopsBackend backend;
  private final BkSopsOperations bksops = new Ops();
  private final String baseUrl;

  private BkSopsClient(Builder b) {
    RestTransport.Builder transport = RestTransport.builder(BkSopsBackend.ENGINE)
        .baseUrl(b.baseUrl)
        .credentials(b.credentials)
        .errorReader(BkSopsErrors.READER)
        .requestIdHeaders("Sops-Trace-Id", "X-Bkapi-Request-Id")
        .continuationExecutor(b.options.callbackExecutor());
    if (b.transportCustomizer != null) {
      b.transportCustomizer.accept(transport);
    }
    RestTransport http = transport.build();
    this.baseUrl = http.baseUrl();
    this.backend = new BkSopsBackend(http, b.bizId, b.scope, b.templates);
    this.executor = CallExecutor.create(BkSopsBackend.ENGINE, b.options, backend.traits());
    this.client = WorkflowClients.create(backend, executor);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** bk-sops' own calls. */
  public BkSopsOperations bksops() {
    return bksops;
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
    return "BkSopsClient{" + baseUrl + "}";
  }

  /** Builds a {@link BkSopsClient}. */
  public static final class Builder {
    private String baseUrl;
    private String bizId;
    private String scope;
    private Credentials credentials = Credentials.none();
    private ClientOptions options = ClientOptions.defaults();
    private final Map<String, String> templates = new LinkedHashMap<>();
    private Consumer<RestTransport.Builder> transportCustomizer;

    private Builder() {}

    /** The gateway stage's URL, e.g. {@code https://bkapi.example.com/api/bk-sops/prod}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** The business (CMDB biz id, or project id with {@link #scope}) every call names; numeric. */
    public Builder bizId(String bizId) {
      Objects.requireNonNull(bizId, "bizId == null");
      if (bizId.isEmpty() || !bizId.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bizId must be a number, got '" + bizId + "'");
      }
      this.bizId = bizId;
      return this;
    }

    /**
     * What {@link #bizId} means: {@code "cmdb_biz"} (the gateway's default) or {@code "project"}.
     * Sent in the query of GETs and the JSON body of POSTs, where bk-sops reads it.
     */
    public Builder scope(String scope) {
      String s = Objects.requireNonNull(scope, "scope == null").toLowerCase(Locale.ROOT);
      if (!s.equals("cmdb_biz") && !s.equals("project")) {
        throw new IllegalArgumentException("scope is cmdb_biz or project, got '" + scope + "'");
      }
      this.scope = s;
      return this;
    }

    /** Usually {@link BkSopsCredentials}; none by default. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /** Lets {@code StartRequest.of(name)} start template {@code templateId}. */
    public Builder template(String name, String templateId) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(templateId, "templateId == null");
      if (templateId.isEmpty() || !templateId.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("templateId must be a number, got '" + templateId + "'");
      }
      templates.put(name, templateId);
      return this;
    }

    /** Retries, timeouts, listeners and the callback executor. */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Last-word access to the HTTP transport's settings. */
    public Builder transport(Consumer<RestTransport.Builder> customizer) {
      this.transportCustomizer = customizer;
      return this;
    }

    /** @throws IllegalStateException without a base URL or a biz id */
    public BkSopsClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (bizId == null) {
        throw new IllegalStateException("bizId is required");
      }
      return new BkSopsClient(this);
    }
  }

  private final class Ops implements BkSopsOperations {
    private final String engine = BkSopsBackend.ENGINE;

    /** Runs checks, then the attempt through the shared executor; never throws. */
    private <T> CompletableFuture<T> call(Operation op, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
      Function<CallContext, CompletableFuture<T>> attempt;
      try {
        attempt = prepare.get();
      } catch (WorkflowException e) {
        return CompletableFuture.failedFuture(e);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(Args.invalid(engine, op, "invalid arguments: " + e.getMessage()));
      }
      return executor.execute(op, op.isIdempotent(), attempt);
    }

    private void ids(Operation op, String taskId, String nodeId) {
      Args.requireId(engine, op, "taskId", taskId);
      if (nodeId != null) {
        Args.requireId(engine, op, "nodeId", nodeId);
      }
    }

    private CompletableFuture<Void> node(Operation op, String taskId, String nodeId, String action, Map<String, Object> extra) {
      return call(op, () -> {
        ids(op, taskId, nodeId);
        Args.requireId(engine, op, "nodeId", nodeId);
        return ctx -> backend.operateNode(ctx, taskId, nodeId, action, extra);
      });
    }

    @Override
    public CompletableFuture<CreatedTask> createTask(String templateId, String name, Map<String, ?> constants) {
      Operation op = CREATE_TASK;
      return call(op, () -> {
        Args.requireId(engine, op, "templateId", templateId);
        Args.requireId(engine, op, "name", name);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, constants == null ? Map.of() : constants);
        return ctx -> backend.createTask(ctx, templateId, name, checked);
      });
    }

    @Override
    public CompletableFuture<String> startTask(String taskId) {
      Operation op = START_TASK;
      return call(op, () -> {
        ids(op, taskId, null);
        return ctx -> backend.startTask(ctx, taskId);
      });
    }

    @Override
    public CompletableFuture<Void> operateTask(String taskId, TaskAction action) {
      Operation op = OPERATE_TASK;
      return call(op, () -> {
        ids(op, taskId, null);
        Args.requireNonNull(engine, op, "action", action);
        return ctx -> backend.operateTask(ctx, taskId, action);
      });
    }

    @Override
    public CompletableFuture<TaskState> taskStatus(String taskId) {
      return taskStatus(taskId, null, false);
    }

    @Override
    public CompletableFuture<TaskState> taskStatus(String taskId, String subprocessId, boolean withExData) {
      Operation op = GET_TASK_STATUS;
      return call(op, () -> {
        ids(op, taskId, null);
        if (subprocessId != null) {
          Args.requireId(engine, op, "subprocessId", subprocessId);
        }
        return ctx -> backend.taskStatus(ctx, taskId, subprocessId, withExData);
      });
    }

    @Override
    public CompletableFuture<NodeDetail> nodeDetail(String taskId, String nodeId, Integer loop) {
      Operation op = GET_NODE_DETAIL;
      return call(op, () -> {
        ids(op, taskId, nodeId);
        Args.requireId(engine, op, "nodeId", nodeId);
        return ctx -> backend.nodeDetail(ctx, taskId, nodeId, loop);
      });
    }

    @Override
    public CompletableFuture<NodeExecution> nodeData(String taskId, String nodeId, Integer loop) {
      Operation op = GET_NODE_EXECUTION;
      return call(op, () -> {
        ids(op, taskId, nodeId);
        Args.requireId(engine, op, "nodeId", nodeId);
        return ctx -> backend.nodeExecution(ctx, taskId, nodeId, loop);
      });
    }

    @Override
    public CompletableFuture<Void> retryNode(String taskId, String nodeId, Map<String, ?> inputs) {
      Operation op = Operation.RETRY_NODE;
      Map<String, Object> checked;
      try {
        checked = JsonValues.checkVariables(engine, op, inputs == null ? Map.of() : inputs);
      } catch (WorkflowException e) {
        return CompletableFuture.failedFuture(e);
      }
      return node(op, taskId, nodeId, "retry", Map.of("inputs", checked));
    }

    @Override
    public CompletableFuture<Void> skipNode(String taskId, String nodeId) {
      return node(Operation.SKIP_NODE, taskId, nodeId, "skip", Map.of());
    }

    @Override
    public CompletableFuture<Void> skipExclusiveGateway(String taskId, String nodeId, String flowId) {
      Operation op = Operation.SKIP_EXCLUSIVE_GATEWAY;
      if (flowId == null || flowId.isBlank()) {
        return CompletableFuture.failedFuture(Args.invalid(engine, op, "flowId must not be null or blank"));
      }
      return node(op, taskId, nodeId, "skip_exg", Map.of("flow_id", flowId));
    }

    @Override
    public CompletableFuture<Void> pauseNode(String taskId, String nodeId) {
      return node(Operation.PAUSE_NODE, taskId, nodeId, "pause", Map.of());
    }

    @Override
    public CompletableFuture<Void> resumeNode(String taskId, String nodeId) {
      return node(Operation.RESUME_NODE, taskId, nodeId, "resume", Map.of());
    }

    @Override
    public CompletableFuture<Void> pauseSubprocess(String taskId, String nodeId) {
      return node(PAUSE_SUBPROCESS, taskId, nodeId, "pause_subproc", Map.of());
    }

    @Override
    public CompletableFuture<Void> resumeSubprocess(String taskId, String nodeId) {
      return node(RESUME_SUBPROCESS, taskId, nodeId, "resume_subproc", Map.of());
    }

    @Override
    public CompletableFuture<Void> forcedFail(String taskId, String nodeId) {
      return node(Operation.FORCE_FAIL_NODE, taskId, nodeId, "forced_fail", Map.of());
    }

    @Override
    public CompletableFuture<Void> retrySubprocess(String taskId, String nodeId) {
      return node(Operation.RETRY_SUBPROCESS, taskId, nodeId, "retry_subprocess", Map.of());
    }

    @Override
    public CompletableFuture<Void> callback(String taskId, String nodeId, Map<String, ?> data, String version) {
      Operation op = Operation.CALLBACK_NODE;
      return call(op, () -> {
        ids(op, taskId, nodeId);
        Args.requireId(engine, op, "nodeId", nodeId);
        Map<String, Object> checked = JsonValues.checkVariables(engine, op, data == null ? Map.of() : data);
        return ctx -> backend.nodeCallback(ctx, taskId, nodeId, checked, version);
      });
    }
  }
}
