package io.flowport.testkit.fakes.bksops;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.bksops.internal.BkSopsRouter;
import io.flowport.testkit.fakes.bksops.internal.GatewayAuth;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A wire fake of bk-sops behind the BlueKing API gateway, backed by an {@link InMemoryEngine},
 * on a free port of {@code 127.0.0.1} (or the host and port set on the {@link #builder()}):
 *
 * <pre>{@code
 * try (FakeBkSopsServer sops = FakeBkSopsServer.builder()
 *     .template("1001", ProcessModel.builder("deploy").startEvent("start").serviceTask("work", "work").endEvent("end").build())
 *     .appCredentials("my-app", "secret")
 *     .start()) {
 *   BkSopsClient client = BkSopsClient.builder().baseUrl(sops.baseUrl()).bizId(FakeBkSopsServer.DEFAULT_BIZ_ID)
 *       .credentials(BkSopsCredentials.appAndUser("my-app", "secret", "admin")).build();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Templates.</b> bk-sops' templates are made in its web UI, so the fake takes them from the
 * test: a {@link ProcessModel} or a BPMN file the in-memory engine runs, under a numeric template id.
 * Node ids are the model's element ids; a service or user task is a bk-sops ServiceActivity whose
 * plugin waits for a callback (or the job API of the engine).
 *
 * <p><b>What it answers.</b> The resources create_task, start_task, operate_task, get_task_status,
 * get_task_detail, get_task_node_detail, get_task_node_data, operate_node and node_callback, with
 * the envelope codes each real view returns (engine-wire-notes §3 as corrected by §6): HTTP 200
 * and {@code result:false} for refusals, bamboo_engine's failures as {@code "fail: <traceback>"},
 * each node operation's preconditions in bamboo's order and wording, the not-started task's shape,
 * the legacy root-state rule, get_task_status cached for 10 s (real time, per path, user and sorted
 * query; {@link Builder#statusCacheTtl}), {@code trace_id} echoing {@code traceparent} and the
 * {@code Sops-Trace-Id} header. The gateway's own answers: 401 JSON for bad app credentials, 403
 * text when {@link #bypassGateway(boolean) reached without the gateway}, 404 for a non-numeric id or
 * a path without its trailing slash, 405 for a wrong method, 500 for create_task without a body.
 *
 * <p><b>Simplifications.</b> One business id; start is synchronous (the real one is a Celery job,
 * so a real task may read CREATED for a moment); pause_subproc pauses the subprocess' running
 * children (the engine has no pipeline state per subprocess); constants are the engine's start
 * variables and get_task_detail shows them as created. Requests are named {@code "METHOD /path/"}
 * below the base path (e.g. {@code "POST /operate_node/2/10001/"}); faults come before the gateway's
 * checks.
 */
public final class FakeBkSopsServer extends RestFakeServer {
  /** The business id the fake serves unless the builder names another. */
  public static final String DEFAULT_BIZ_ID = "2";
  /** The gateway stage's path unless the builder names another. */
  public static final String DEFAULT_BASE_PATH = "/prod";

  private final BkSopsRouter router;

  private FakeBkSopsServer(Builder b, AtomicReference<BkSopsRouter> made) {
    super(b, context -> {
      BkSopsRouter r = new BkSopsRouter(context.engine(), new GatewayAuth(b.appCode, b.appSecret), b.bizId,
          "http://bk-sops.fake", b.statusCacheTtl);
      b.templates.forEach(t -> t.accept(r));
      made.set(r);
      return r.api();
    });
    this.router = made.get();
  }

  /**
   * Starts a fake with no templates, no app check, base path {@value #DEFAULT_BASE_PATH}.
   *
   * @return the fake bk sops server
   */
  public static FakeBkSopsServer start() {
    return builder().start();
  }

  /**
   * Starts a fake on {@code engine} (not closed with the fake).
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @return the fake bk sops server
   */
  public static FakeBkSopsServer start(InMemoryEngine engine) {
    return builder().engine(engine).start();
  }

  /** {@return a builder of a fake} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serves {@code model} (deployed now) as template {@code templateId}; returns the definition it runs.
   *
   * @param templateId the template's id
   * @param model the process model
   * @return the deployed model
   */
  public DeployedModel addTemplate(String templateId, ProcessModel model) {
    return router.addTemplate(requireDigits(templateId), model);
  }

  /**
   * Serves the first process of a BPMN resource (deployed now) as template {@code templateId};
   * returns the definition it runs. BPMN that does not deploy fails with the engine's exception.
   *
   * @param templateId the template's id
   * @param resourceName the resource's file name
   * @param bpmn the bpmn
   * @return the deployed model
   */
  public DeployedModel addTemplate(String templateId, String resourceName, byte[] bpmn) {
    return router.addTemplate(requireDigits(templateId), resourceName, bpmn);
  }

  /**
   * {@return the in-memory engine instance a started task runs as, or null before it starts}
   *
   * @param taskId the task's id
   */
  public String instanceOf(String taskId) {
    return router.instanceOf(taskId);
  }

  /**
   * {@return the schedules stale callbacks expired ({@code nodeId@version}), bamboo's side effect of a version mismatch}
   *
   * @param taskId the task's id
   */
  public List<String> expiredSchedules(String taskId) {
    return router.expiredSchedules(taskId);
  }

  /**
   * With {@code true} every request gets bk-sops' answer to a call that bypassed the gateway: 403
   * text/plain "This API can only be accessed through API gateway".
   *
   * @param value the value
   * @return this object
   */
  public FakeBkSopsServer bypassGateway(boolean value) {
    router.bypassGateway(value);
    return this;
  }

  private static String requireDigits(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bk-sops ids are numbers, got '" + id + "'");
    }
    return id;
  }

  /** Builds a {@link FakeBkSopsServer}. */
  public static final class Builder extends RestFakeServer.Builder<Builder, FakeBkSopsServer> {
    private String bizId = DEFAULT_BIZ_ID;
    private String appCode;
    private String appSecret;
    private Duration statusCacheTtl = Duration.ofSeconds(10);
    private final List<Consumer<BkSopsRouter>> templates = new java.util.ArrayList<>();

    private Builder() {
      super(EngineOptions.defaults(), DEFAULT_BASE_PATH);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * {@return the one business id the fake serves (default {@value #DEFAULT_BIZ_ID}); others are 3540400}
     *
     * @param value the value
     */
    public Builder bizId(String value) {
      this.bizId = requireDigits(value);
      return this;
    }

    /**
     * Requires {@code X-Bkapi-Authorization} with this app code and secret (default: no check).
     *
     * @param code the code
     * @param secret the secret
     * @return this builder
     */
    public Builder appCredentials(String code, String secret) {
      this.appCode = Objects.requireNonNull(code, "code == null");
      this.appSecret = Objects.requireNonNull(secret, "secret == null");
      return this;
    }

    /**
     * {@return how long get_task_status answers are cached (default 10 s as bk-sops; ZERO turns the cache off)}
     *
     * @param value the value
     */
    public Builder statusCacheTtl(Duration value) {
      this.statusCacheTtl = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * {@return a template to serve from the start}
     *
     * @param templateId the template's id
     * @param model the process model
     */
    public Builder template(String templateId, ProcessModel model) {
      String id = requireDigits(templateId);
      templates.add(r -> r.addTemplate(id, model));
      return this;
    }

    /**
     * {@return a template from a BPMN resource (its first process)}
     *
     * @param templateId the template's id
     * @param resourceName the resource's file name
     * @param bpmn the bpmn
     */
    public Builder template(String templateId, String resourceName, byte[] bpmn) {
      String id = requireDigits(templateId);
      templates.add(r -> r.addTemplate(id, resourceName, bpmn));
      return this;
    }

    @Override
    public FakeBkSopsServer start() {
      return new FakeBkSopsServer(this, new AtomicReference<>());
    }
  }
}
