package io.flowport.testkit.fakes.bksops;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.bksops.internal.BkSopsRouter;
import io.flowport.testkit.fakes.bksops.internal.GatewayAuth;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.http.HttpFakeServer;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
public final class FakeBkSopsServer implements AutoCloseable {
  /** The business id the fake serves unless the builder names another. */
  public static final String DEFAULT_BIZ_ID = "2";

  private final InMemoryEngine engine;
  private final boolean ownsEngine;
  private final BkSopsRouter router;
  private final HttpFakeServer http;

  private FakeBkSopsServer(Builder b) {
    this.ownsEngine = b.engine == null;
    this.engine = b.engine != null ? b.engine : InMemoryEngine.create();
    this.router = new BkSopsRouter(engine, new GatewayAuth(b.appCode, b.appSecret), b.bizId, "http://bk-sops.fake",
        b.statusCacheTtl);
    try {
      b.templates.forEach(t -> t.accept(router));
      this.http = HttpFakeServer.builder(router)
          .basePath(b.basePath)
          .host(b.host)
          .port(b.port)
          .backPressureResponse(r -> FakeResponse.json(429,
              "{\"result\":false,\"code\":\"1642902\",\"data\":null,\"message\":\"API rate limit exceeded (injected by FakeBkSopsServer)\"}"))
          .unavailableResponse(r -> FakeResponse.text(503, "text/html", "<html><body>503 Service Unavailable</body></html>"))
          .start();
    } catch (RuntimeException e) {
      if (ownsEngine) {
        engine.close();
      }
      throw e;
    }
    if (b.requestListener != null) {
      http.onRequest(b.requestListener);
    }
  }

  /** Starts a fake with no templates, no app check, base path {@code /prod}. */
  public static FakeBkSopsServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The gateway stage's URL: {@code http://127.0.0.1:<port>/prod}. */
  public String baseUrl() {
    return http.baseUrl();
  }

  public int port() {
    return http.port();
  }

  /** The address the server is bound to. */
  public String host() {
    return http.host();
  }

  /** The engine behind the fake, for arranging and asserting state directly. */
  public InMemoryEngine engine() {
    return engine;
  }

  /** Serves {@code model} (deployed now) as template {@code templateId}. */
  public FakeBkSopsServer addTemplate(String templateId, ProcessModel model) {
    router.addTemplate(requireDigits(templateId), model);
    return this;
  }

  /** Serves the first process of a BPMN resource (deployed now) as template {@code templateId}. */
  public FakeBkSopsServer addTemplate(String templateId, String resourceName, byte[] bpmn) {
    router.addTemplate(requireDigits(templateId), resourceName, bpmn);
    return this;
  }

  /** The in-memory engine instance a started task runs as, or null before it starts. */
  public String instanceOf(String taskId) {
    return router.instanceOf(taskId);
  }

  /** The schedules stale callbacks expired ({@code nodeId@version}), bamboo's side effect of a version mismatch. */
  public List<String> expiredSchedules(String taskId) {
    return router.expiredSchedules(taskId);
  }

  /**
   * With {@code true} every request gets bk-sops' answer to a call that bypassed the gateway: 403
   * text/plain "This API can only be accessed through API gateway".
   */
  public FakeBkSopsServer bypassGateway(boolean value) {
    router.bypassGateway(value);
    return this;
  }

  /** One line per request answered; see {@link HttpFakeServer#onRequest}. */
  public FakeBkSopsServer onRequest(Consumer<String> listener) {
    http.onRequest(listener);
    return this;
  }

  /** The faults the next requests get; requests are named {@code "METHOD /path/"} below the base path. */
  public FaultPlan faults() {
    return http.faults();
  }

  /** How many requests had a name starting with {@code prefix}, e.g. {@code "GET /get_task_status/"}. */
  public int requestCount(String prefix) {
    return http.requestCount(prefix);
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return http.requests();
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
    return "FakeBkSopsServer[" + baseUrl() + "]";
  }

  private static String requireDigits(String id) {
    Objects.requireNonNull(id, "templateId == null");
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bk-sops template ids are numbers, got '" + id + "'");
    }
    return id;
  }

  /** Builds a {@link FakeBkSopsServer}. */
  public static final class Builder {
    private InMemoryEngine engine;
    private String basePath = "/prod";
    private String bizId = DEFAULT_BIZ_ID;
    private String appCode;
    private String appSecret;
    private Duration statusCacheTtl = Duration.ofSeconds(10);
    private String host = "127.0.0.1";
    private int port;
    private Consumer<String> requestListener;
    private final List<Consumer<BkSopsRouter>> templates = new java.util.ArrayList<>();

    private Builder() {}

    /** The engine to serve (default: a new one, closed with the fake). */
    public Builder engine(InMemoryEngine value) {
      this.engine = value;
      return this;
    }

    /** The gateway stage's path (default {@code /prod}). */
    public Builder basePath(String value) {
      this.basePath = value;
      return this;
    }

    /** The one business id the fake serves (default {@value #DEFAULT_BIZ_ID}); others are 3540400. */
    public Builder bizId(String value) {
      this.bizId = requireDigits(value);
      return this;
    }

    /** Requires {@code X-Bkapi-Authorization} with this app code and secret (default: no check). */
    public Builder appCredentials(String code, String secret) {
      this.appCode = Objects.requireNonNull(code, "code == null");
      this.appSecret = Objects.requireNonNull(secret, "secret == null");
      return this;
    }

    /** How long get_task_status answers are cached (default 10 s as bk-sops; ZERO turns the cache off). */
    public Builder statusCacheTtl(Duration value) {
      this.statusCacheTtl = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /** A template to serve from the start. */
    public Builder template(String templateId, ProcessModel model) {
      String id = requireDigits(templateId);
      templates.add(r -> r.addTemplate(id, model));
      return this;
    }

    /** A template from a BPMN resource (its first process). */
    public Builder template(String templateId, String resourceName, byte[] bpmn) {
      String id = requireDigits(templateId);
      templates.add(r -> r.addTemplate(id, resourceName, bpmn));
      return this;
    }

    /** The address to bind (default {@code 127.0.0.1}). */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host == null");
      return this;
    }

    /** The port to bind, 0 (default) for a free one. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** A listener of the answered requests from the first one on. */
    public Builder onRequest(Consumer<String> listener) {
      this.requestListener = listener;
      return this;
    }

    public FakeBkSopsServer start() {
      return new FakeBkSopsServer(this);
    }
  }
}
