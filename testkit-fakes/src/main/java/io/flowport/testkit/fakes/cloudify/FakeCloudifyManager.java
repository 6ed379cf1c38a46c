package io.flowport.testkit.fakes.cloudify;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.cloudify.internal.Blueprints;
import io.flowport.testkit.fakes.cloudify.internal.CloudifyRouter;
import io.flowport.testkit.fakes.cloudify.internal.Manager;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestAuth;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
public final class FakeCloudifyManager extends RestFakeServer {
  /** The manager's REST base path. */
  public static final String BASE_PATH = "/api/v3.1";

  private final Manager manager;
  private final CloudifyRouter router;

  private FakeCloudifyManager(Builder b) {
    this(b, new Parts());
  }

  private FakeCloudifyManager(Builder b, Parts parts) {
    super(b, context -> parts.make(context.engine(), b));
    this.manager = parts.manager;
    this.router = parts.router;
  }

  /** What the API is made of, made once the engine is known. */
  private static final class Parts {
    Manager manager;
    CloudifyRouter router;

    RestApi make(InMemoryEngine engine, Builder b) {
      manager = new Manager(engine);
      for (byte[] blueprint : b.blueprints) {
        Blueprints.load(manager, blueprint);
      }
      router = new CloudifyRouter(manager);
      return router.api(b.auth);
    }
  }

  /** {@return a fake with no blueprint, on a free port} */
  public static FakeCloudifyManager start() {
    return builder().start();
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a blueprint document (see the class comment) from the class path.
   *
   * @param classpathResource the classpath resource
   * @return this object
   */
  public FakeCloudifyManager loadBlueprint(String classpathResource) {
    Blueprints.load(manager, read(classpathResource));
    return this;
  }

  /**
   * Loads a blueprint document (see the class comment).
   *
   * @param json the JSON text
   * @return this object
   */
  public FakeCloudifyManager loadBlueprint(byte[] json) {
    Blueprints.load(manager, json);
    return this;
  }

  /**
   * The workflow of a started execution finishes: it becomes {@code terminated}.
   *
   * @param executionId the execution's id
   */
  public void completeExecution(String executionId) {
    manager.completeExecution(executionId);
  }

  /**
   * The workflow of a started execution fails with {@code error}.
   *
   * @param executionId the execution's id
   * @param error the error
   */
  public void failExecution(String executionId, String error) {
    manager.failExecution(executionId, error);
  }

  /**
   * Starts a system workflow (no deployment, e.g. {@code create_snapshot}) that runs until completed.
   *
   * @param workflowId the workflow's id
   * @return the start system workflow
   */
  public String startSystemWorkflow(String workflowId) {
    return manager.startSystemWorkflow(workflowId);
  }

  /**
   * Keeps cancels in {@code cancelling}/{@code force_cancelling}/{@code kill_cancelling} until {@link #finishCancellation}.
   *
   * @param hold the hold
   */
  public void holdCancellations(boolean hold) {
    manager.holdCancellations(hold);
  }

  /**
   * A held cancellation ends: the execution becomes {@code cancelled}.
   *
   * @param executionId the execution's id
   */
  public void finishCancellation(String executionId) {
    manager.finishCancellation(executionId);
  }

  /**
   * {@return an execution as the manager renders it, or null}
   *
   * @param executionId the execution's id
   */
  public Map<String, Object> execution(String executionId) {
    return manager.execution(executionId);
  }

  /**
   * {@return the deployment ids of a deployment group, or null}
   *
   * @param id the id
   */
  public List<String> deploymentGroup(String id) {
    return manager.deploymentGroup(id);
  }

  /**
   * {@return the log lines of an execution group (deployments skipped for lacking the workflow)}
   *
   * @param groupId the execution group's id
   */
  public List<String> groupLogs(String groupId) {
    return manager.groupLogs(groupId);
  }

  /** {@return the schedules that starts with a {@code scheduled_time} created} */
  public List<Map<String, Object>> schedules() {
    return manager.schedules();
  }

  /**
   * {@return the {@code Execution-Token} the workflow of an execution authenticates with}
   *
   * @param executionId the execution's id
   */
  public String executionToken(String executionId) {
    return manager.executionToken(executionId);
  }

  /**
   * The next request whose name starts with {@code methodAndPathPrefix} is answered with this error
   * body ({@code {"message", "error_code", "server_traceback"}}) instead of being served: for the
   * error codes the fake's own rules never produce.
   *
   * @param methodAndPathPrefix the HTTP method and path prefix, e.g. {@code "GET /api/"}
   * @param status the status
   * @param errorCode the error code
   * @param message the message
   * @param traceback the traceback
   */
  public void answerNext(String methodAndPathPrefix, int status, String errorCode, String message, String traceback) {
    router.answerNext(methodAndPathPrefix, status, errorCode, message, traceback);
  }

  /**
   * The next request whose name starts with {@code methodAndPathPrefix} gets exactly this answer (status, content type, body).
   *
   * @param methodAndPathPrefix the HTTP method and path prefix, e.g. {@code "GET /api/"}
   * @param status the status
   * @param contentType the body's media type
   * @param body the body
   */
  public void answerNextRaw(String methodAndPathPrefix, int status, String contentType, String body) {
    router.answerNext(methodAndPathPrefix, FakeResponse.text(status, contentType, body));
  }

  /**
   * {@code null} (off), {@code "activated"} or {@code "activating"}: every request gets that maintenance 503.
   *
   * @param state the state
   */
  public void maintenanceMode(String state) {
    router.maintenanceMode(state);
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

  /** Builds a {@link FakeCloudifyManager}: host, port, engine and request listener as every REST fake, plus blueprints and auth. */
  public static final class Builder extends RestFakeServer.Builder<Builder, FakeCloudifyManager> {
    private final List<byte[]> blueprints = new ArrayList<>();
    private RestAuth auth;

    private Builder() {
      super(EngineOptions.defaults(), BASE_PATH);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * {@return a blueprint document from the class path (see the class comment); repeatable}
     *
     * @param classpathResource the classpath resource
     */
    public Builder blueprint(String classpathResource) {
      blueprints.add(read(classpathResource));
      return this;
    }

    /**
     * {@return a blueprint document; repeatable}
     *
     * @param json the JSON text
     */
    public Builder blueprint(byte[] json) {
      blueprints.add(Objects.requireNonNull(json, "json == null").clone());
      return this;
    }

    /**
     * Requires basic auth with this user and password (or the token, when one is set too).
     *
     * @param user the user name
     * @param password the password (never logged)
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      return require(RestAuth.basic(user, password));
    }

    /**
     * Requires {@code Authentication-Token: token} (or basic auth, when set too).
     *
     * @param value the value
     * @return this builder
     */
    public Builder token(String value) {
      return require(RestAuth.header("Authentication-Token", Objects.requireNonNull(value, "token == null")));
    }

    private Builder require(RestAuth more) {
      RestAuth before = auth;
      auth = before == null ? more : r -> before.allows(r) || more.allows(r);
      return this;
    }

    @Override
    public FakeCloudifyManager start() {
      return new FakeCloudifyManager(this);
    }
  }
}
