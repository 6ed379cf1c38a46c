package io.flowport.rest.bksops;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.spi.AdapterClient;
import io.flowport.core.spi.CallPlan;
import io.flowport.core.spi.Checks;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestClientBuilder;
import io.flowport.rest.RestTransport;
import io.flowport.rest.bksops.internal.BkSopsBackend;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The bk-sops client: the unified {@link io.flowport.core.WorkflowClient} over the BlueKing API gateway's bk-sops
 * API, plus bk-sops' own calls ({@link BkSopsOperations}, which this class implements). Both share one executor (retries, timeouts,
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
 *   client.retryNode(task.id(), "n-failed-node", Map.of("force", true)).join();
 * }
 * }</pre>
 *
 * <p>Definitions are bk-sops templates, started by numeric id or by a name given with
 * {@link Builder#template}; deploying is not part of the gateway API. Instances are tasks. The
 * gateway caches {@code get_task_status} for 10 s; every state read of this client asks for the
 * current state (see {@link BkSopsOperations}). Thread-safe; share one per gateway and business.
 */
public final class BkSopsClient extends AdapterClient<BkSopsBackend> implements BkSopsOperations {
  /** bk-sops' own operations this client runs (the typed node calls share the unified operations' names). */
  private static final Set<Operation> OPERATIONS = Set.of(CREATE_TASK, START_TASK, OPERATE_TASK, GET_TASK_STATUS,
      GET_NODE_DETAIL, GET_NODE_EXECUTION, PAUSE_SUBPROCESS, RESUME_SUBPROCESS, Operation.RETRY_NODE,
      Operation.SKIP_NODE, Operation.SKIP_EXCLUSIVE_GATEWAY, Operation.PAUSE_NODE, Operation.RESUME_NODE,
      Operation.FORCE_FAIL_NODE, Operation.RETRY_SUBPROCESS, Operation.CALLBACK_NODE);

  private final String baseUrl;

  private BkSopsClient(BkSopsBackend backend, String baseUrl, ClientOptions options) {
    super(backend, options, OPERATIONS);
    this.baseUrl = baseUrl;
  }

  /** {@return a builder of a client} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "BkSopsClient{" + baseUrl + "}";
  }

  // ------------------------------------------------------------------ bk-sops' own operations

  @Override
  public CompletableFuture<CreatedTask> createTask(String templateId, String name, Map<String, ?> constants) {
    return call(CREATE_TASK, check -> {
      check.id("templateId", templateId);
      check.id("name", name);
      Map<String, Object> checked = check.optionalVariables(constants);
      return ctx -> backend().createTask(ctx, templateId, name, checked);
    });
  }

  @Override
  public CompletableFuture<String> startTask(String taskId) {
    return call(START_TASK, check -> {
      check.id("taskId", taskId);
      return ctx -> backend().startTask(ctx, taskId);
    });
  }

  @Override
  public CompletableFuture<Void> operateTask(String taskId, TaskAction action) {
    return call(OPERATE_TASK, check -> {
      check.id("taskId", taskId);
      check.nonNull("action", action);
      return ctx -> backend().operateTask(ctx, taskId, action);
    });
  }

  @Override
  public CompletableFuture<TaskState> taskStatus(String taskId) {
    return taskStatus(taskId, null, false);
  }

  @Override
  public CompletableFuture<TaskState> taskStatus(String taskId, String subprocessId, boolean withExData) {
    return call(GET_TASK_STATUS, check -> {
      check.id("taskId", taskId);
      if (subprocessId != null) {
        check.id("subprocessId", subprocessId);
      }
      return ctx -> backend().taskStatus(ctx, taskId, subprocessId, withExData);
    });
  }

  @Override
  public CompletableFuture<NodeDetail> nodeDetail(String taskId, String nodeId, Integer loop) {
    return call(GET_NODE_DETAIL, check -> {
      ids(check, taskId, nodeId);
      return ctx -> backend().nodeDetail(ctx, taskId, nodeId, loop);
    });
  }

  @Override
  public CompletableFuture<NodeExecution> nodeData(String taskId, String nodeId, Integer loop) {
    return call(GET_NODE_EXECUTION, check -> {
      ids(check, taskId, nodeId);
      return ctx -> backend().nodeExecution(ctx, taskId, nodeId, loop);
    });
  }

  @Override
  public CompletableFuture<Void> retryNode(String taskId, String nodeId, Map<String, ?> inputs) {
    return call(Operation.RETRY_NODE, check -> {
      ids(check, taskId, nodeId);
      Map<String, Object> checked = check.optionalVariables(inputs);
      return ctx -> backend().operateNode(ctx, taskId, nodeId, "retry", Map.of("inputs", checked));
    });
  }

  @Override
  public CompletableFuture<Void> skipNode(String taskId, String nodeId) {
    return node(Operation.SKIP_NODE, taskId, nodeId, "skip");
  }

  @Override
  public CompletableFuture<Void> skipExclusiveGateway(String taskId, String nodeId, String flowId) {
    return call(Operation.SKIP_EXCLUSIVE_GATEWAY, check -> {
      ids(check, taskId, nodeId);
      check.id("flowId", flowId);
      return ctx -> backend().operateNode(ctx, taskId, nodeId, "skip_exg", Map.of("flow_id", flowId));
    });
  }

  @Override
  public CompletableFuture<Void> pauseNode(String taskId, String nodeId) {
    return node(Operation.PAUSE_NODE, taskId, nodeId, "pause");
  }

  @Override
  public CompletableFuture<Void> resumeNode(String taskId, String nodeId) {
    return node(Operation.RESUME_NODE, taskId, nodeId, "resume");
  }

  @Override
  public CompletableFuture<Void> pauseSubprocess(String taskId, String nodeId) {
    return node(PAUSE_SUBPROCESS, taskId, nodeId, "pause_subproc");
  }

  @Override
  public CompletableFuture<Void> resumeSubprocess(String taskId, String nodeId) {
    return node(RESUME_SUBPROCESS, taskId, nodeId, "resume_subproc");
  }

  @Override
  public CompletableFuture<Void> forcedFail(String taskId, String nodeId) {
    return node(Operation.FORCE_FAIL_NODE, taskId, nodeId, "forced_fail");
  }

  @Override
  public CompletableFuture<Void> retrySubprocess(String taskId, String nodeId) {
    return node(Operation.RETRY_SUBPROCESS, taskId, nodeId, "retry_subprocess");
  }

  @Override
  public CompletableFuture<Void> callback(String taskId, String nodeId, Map<String, ?> data, String version) {
    return call(Operation.CALLBACK_NODE, check -> {
      ids(check, taskId, nodeId);
      Map<String, Object> checked = check.optionalVariables(data);
      return ctx -> backend().nodeCallback(ctx, taskId, nodeId, checked, version);
    });
  }

  private CompletableFuture<Void> node(Operation op, String taskId, String nodeId, String action) {
    CallPlan<Void> plan = check -> {
      ids(check, taskId, nodeId);
      return ctx -> backend().operateNode(ctx, taskId, nodeId, action, Map.of());
    };
    return call(op, plan);
  }

  private static void ids(Checks check, String taskId, String nodeId) {
    check.id("taskId", taskId);
    check.id("nodeId", nodeId);
  }

  /** Builds a {@link BkSopsClient}: the gateway stage's {@link #baseUrl}, {@link #bizId} and usually {@link BkSopsCredentials}. */
  public static final class Builder extends RestClientBuilder<Builder, BkSopsClient> {
    private String bizId;
    private String scope;
    private final Map<String, String> templates = new LinkedHashMap<>();

    private Builder() {
      super(BkSopsBackend.ENGINE);
    }

    /**
     * {@return the business (CMDB biz id, or project id with {@link #scope}) every call names; numeric} Required.
     *
     * @param bizId the biz id
     */
    public Builder bizId(String bizId) {
      this.bizId = digits("bizId", bizId);
      return this;
    }

    /**
     * {@return what {@link #bizId} means: {@code "cmdb_biz"} (the gateway's default) or {@code "project"}}
     * Sent in the query of GETs and the JSON body of POSTs, where bk-sops reads it.
     *
     * @param scope the scope
     */
    public Builder scope(String scope) {
      String s = Objects.requireNonNull(scope, "scope == null").toLowerCase(Locale.ROOT);
      if (!s.equals("cmdb_biz") && !s.equals("project")) {
        throw new IllegalArgumentException("scope is cmdb_biz or project, got '" + scope + "'");
      }
      this.scope = s;
      return this;
    }

    /**
     * Lets {@code StartRequest.of(name)} start template {@code templateId}.
     *
     * @param name the name
     * @param templateId the template's id
     * @return this builder
     */
    public Builder template(String name, String templateId) {
      Objects.requireNonNull(name, "name == null");
      templates.put(name, digits("templateId", templateId));
      return this;
    }

    @Override
    protected void validate() {
      if (bizId == null) {
        throw new IllegalStateException("bizId is required");
      }
    }

    @Override
    protected void adapterTransport(RestTransport.Builder transport) {
      transport.requestIdHeaders("Sops-Trace-Id", "X-Bkapi-Request-Id");
    }

    @Override
    protected BkSopsClient create(RestTransport transport, ClientOptions options) {
      BkSopsBackend backend = new BkSopsBackend(new RestCalls(transport, BkSopsErrors.READER), bizId, scope, templates);
      return new BkSopsClient(backend, transport.baseUrl(), options);
    }

    private static String digits(String what, String value) {
      Objects.requireNonNull(value, what + " == null");
      if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(what + " must be a number, got '" + value + "'");
      }
      return value;
    }
  }
}
