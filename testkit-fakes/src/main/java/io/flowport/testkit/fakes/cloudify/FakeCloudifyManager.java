package io.flowport.testkit.fakes.cloudify;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.cloudify.internal.Blueprints;
import io.flowport.testkit.fakes.cloudify.internal.CloudifyRouter;
import io.flowport.testkit.fakes.cloudify.internal.Manager;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.http.HttpFakeServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A wire fake of the Cloudify manager's REST API v3.1 executions and execution groups, backed by an
 * {@link InMemoryEngine}, on a free port of {@code 127.0.0.1}; base URL {@code http://host:port/api/v3.1}.
 *
 * <pre>{@code
 * try (FakeCloudifyManager manager = FakeCloudifyManager.builder()
 *     .blueprint("io/flowport/testkit/fakes/cloudify/contract-blueprint.json").start()) {
 *   CloudifyClient client = CloudifyClient.builder().baseUrl(manager.baseUrl()).build();
 *   CloudifyExecution e = client.startExecution(CloudifyStartRequest.of("contract", "contract-task").build()).join();
 *   manager.completeExecution(e.id());
 * }
 * }</pre>
 *
 * <p><b>Blueprints.</b> The manager's blueprints and deployments are arranged, not uploaded: a
 * blueprint document is JSON
 * <pre>{@code
 * {"blueprint_id": "shop",
 *  "workflows": {"install": {"run": "wait"},
 *                "check":   {"run": "succeed", "parameters": {"depth": {"default": 1}, "target": {}}},
 *                "broken":  {"run": "fail", "error": "boom"}},
 *  "deployments": ["shop-1", {"id": "shop-2", "environment": "failed"}],
 *  "deployment_groups": {"shops": ["shop-1", "shop-2"]}}
 * }</pre>
 * Each deployment gets every workflow of its blueprint and a terminated
 * {@code create_deployment_environment} execution. {@code run} says how the fake's worker runs the
 * workflow on the in-memory engine: {@code wait} (a user task the test completes with
 * {@link #completeExecution} or fails with {@link #failExecution}), {@code succeed} (ends at once),
 * {@code fail} (fails with {@code error}). Declared {@code parameters} (a parameter without
 * {@code default} is required) are checked as the manager does; without them any parameter goes.
 * A deployment's {@code environment} ({@code ok}, {@code failed}, {@code cancelled}, {@code pending},
 * {@code in_progress}) makes starts fail as the manager's do.
 *
 * <p><b>Rules.</b> The manager's state rules (notes §1 as corrected by §6): the cancel/kill/resume
 * table, a queued or scheduled cancel keeping the requested action's status, PATCH transitions,
 * queueing behind running executions and system workflows, scheduled starts as placeholders,
 * bulk delete, list conventions, derived group status, group answers that omit fields, group
 * cancel with nothing to cancel, concurrency and dequeuing. An answer shows what the manager
 * answers (a start is {@code pending}); the fake's worker then runs before the next request (the
 * execution is {@code started}, a cancel ends {@code cancelled} unless
 * {@link #holdCancellations held}).
 *
 * <p>Simplifications: one manager, tenants only as the {@code Tenant} header and
 * {@code tenant_name}; get by id ignores the tenant; schedules are stored, never fired; operations,
 * nodes and events are not served. Requests are named {@code "METHOD /path"} below the base path,
 * e.g. {@code "POST /executions"}; faults come before everything else.
 */
public final class FakeCloudifyManager implements AutoCloseable {
  /** The manager's REST base path. */
  public static final String BASE_PATH = "/api/v3.1";

  private final InMemoryEngine engine;
  private final boolean ownsEngine;
  private final Manager manager;
  private final CloudifyRouter router;
  private final HttpFakeServer http;

  private FakeCloudifyManager(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : InMemoryEngine.create();
    try {
      this.manager = new Manager(engine);
      for (byte[] blueprint : b.blueprints) {
        Blueprints.load(manager, blueprint);
      }
      this.router = new CloudifyRouter(manager, b.user, b.password, b.token);
      this.http = HttpFakeServer.builder(router)
          .basePath(BASE_PATH)
          .host(b.host)
          .port(b.port)
          .backPressureResponse(r -> injected(429, "Too many requests (back pressure injected by FakeCloudifyManager)"))
          .unavailableResponse(r -> injected(503, "Service unavailable (injected by FakeCloudifyManager)"))
          .start();
    } catch (RuntimeException e) {
      if (ownsEngine) {
        engine.close();
      }
      throw e;
    }
  }

  private static FakeResponse injected(int status, String message) {
    return CloudifyRouter.error(status, null, message);
  }

  /** A fake with no blueprint, on a free port. */
  public static FakeCloudifyManager start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>/api/v3.1}. */
  public String baseUrl() {
    return http.baseUrl();
  }

  public int port() {
    return http.port();
  }

  public String host() {
    return http.host();
  }

  /** The engine the executions run on. */
  public InMemoryEngine engine() {
    return engine;
  }

  /** The faults the next requests get. */
  public FaultPlan faults() {
    return http.faults();
  }

  /** How many requests had a name starting with {@code methodAndPathPrefix}, e.g. {@code "POST /executions"}. */
  public int requestCount(String methodAndPathPrefix) {
    return http.requestCount(methodAndPathPrefix);
  }

  public List<RecordedRequest> requests() {
    return http.requests();
  }

  public void clearRequests() {
    http.clearRequests();
  }

  /** See {@link HttpFakeServer#onRequest}. */
  public FakeCloudifyManager onRequest(Consumer<String> listener) {
    http.onRequest(listener);
    return this;
  }

  /** Loads a blueprint document (see the class comment) from the class path. */
  public FakeCloudifyManager loadBlueprint(String classpathResource) {
    Blueprints.load(manager, read(classpathResource));
    return this;
  }

  /** Loads a blueprint document (see the class comment). */
  public FakeCloudifyManager loadBlueprint(byte[] json) {
    Blueprints.load(manager, json);
    return this;
  }

  /** The workflow of a started execution finishes: it becomes {@code terminated}. */
  public void completeExecution(String executionId) {
    manager.completeExecution(executionId);
  }

  /** The workflow of a started execution fails with {@code error}. */
  public void failExecution(String executionId, String error) {
    manager.failExecution(executionId, error);
  }

  /** Starts a system workflow (no deployment, e.g. {@code create_snapshot}) that runs until completed. */
  public String startSystemWorkflow(String workflowId) {
    return manager.startSystemWorkflow(workflowId);
  }

  /** Keeps cancels in {@code cancelling}/{@code force_cancelling}/{@code kill_cancelling} until {@link #finishCancellation}. */
  public void holdCancellations(boolean hold) {
    manager.holdCancellations(hold);
  }

  /** A held cancellation ends: the execution becomes {@code cancelled}. */
  public void finishCancellation(String executionId) {
    manager.finishCancellation(executionId);
  }

  /** An execution as the manager renders it, or null. */
  public Map<String, Object> execution(String executionId) {
    return manager.execution(executionId);
  }

  /** The deployment ids of a deployment group, or null. */
  public List<String> deploymentGroup(String id) {
    return manager.deploymentGroup(id);
  }

  /** The log lines of an execution group (deployments skipped for lacking the workflow). */
  public List<String> groupLogs(String groupId) {
    return manager.groupLogs(groupId);
  }

  /** The schedules that starts with a {@code scheduled_time} created. */
  public List<Map<String, Object>> schedules() {
    return manager.schedules();
  }

  /** The {@code Execution-Token} the workflow of an execution authenticates with. */
  public String executionToken(String executionId) {
    return manager.executionToken(executionId);
  }

  /**
   * The next request whose name starts with {@code methodAndPathPrefix} is answered with this error
   * body ({@code {"message", "error_code", "server_traceback"}}) instead of being served: for the
   * error codes the fake's own rules never produce.
   */
  public void answerNext(String methodAndPathPrefix, int status, String errorCode, String message, String traceback) {
    router.answerNext(methodAndPathPrefix, status, errorCode, message, traceback);
  }

  /** {@code null} (off), {@code "activated"} or {@code "activating"}: every request gets that maintenance 503. */
  public void maintenanceMode(String state) {
    router.maintenanceMode(state);
  }

  /** Stops the server, and the engine if the fake created it. */
  @Override
  public void close() {
    http.close();
    if (ownsEngine) {
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "FakeCloudifyManager[" + baseUrl() + "]";
  }

  private static byte[] read(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (loader != null ? loader : FakeCloudifyManager.class.getClassLoader())
        .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no class path resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link FakeCloudifyManager}. */
  public static final class Builder {
    private InMemoryEngine engine;
    private final List<byte[]> blueprints = new ArrayList<>();
    private String user;
    private String password;
    private String token;
    private String host = "127.0.0.1";
    private int port;

    private Builder() {}

    /** The engine executions run on (not closed by the fake); a new one by default. */
    public Builder engine(InMemoryEngine value) {
      this.engine = value;
      return this;
    }

    /** A blueprint document from the class path (see the class comment); repeatable. */
    public Builder blueprint(String classpathResource) {
      blueprints.add(read(classpathResource));
      return this;
    }

    /** A blueprint document; repeatable. */
    public Builder blueprint(byte[] json) {
      blueprints.add(Objects.requireNonNull(json, "json == null").clone());
      return this;
    }

    /** Requires basic auth with this user and password (or the token, when one is set too). */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /** Requires {@code Authentication-Token: token} (or basic auth, when set too). */
    public Builder token(String value) {
      this.token = Objects.requireNonNull(value, "token == null");
      return this;
    }

    public Builder host(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("host must not be null or blank");
      }
      this.host = value.strip();
      return this;
    }

    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + value);
      }
      this.port = value;
      return this;
    }

    public FakeCloudifyManager start() {
      return new FakeCloudifyManager(this);
    }
  }
}
