package io.flowport.testkit.fakes.flowable;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.flowable.internal.FlowableApi;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.function.Consumer;

/**
 * A wire fake of Flowable 7.2.0's process REST API ({@code flowable-spring-boot-starter-process-rest}),
 * backed by an {@link InMemoryEngine}, on a free port of {@code 127.0.0.1} (or the host and port set
 * on the {@link #builder()}):
 *
 * <pre>{@code
 * try (FakeFlowableServer flowable = FakeFlowableServer.start()) {
 *   FlowableClient client = FlowableClient.builder().baseUrl(flowable.baseUrl()).build();
 *   flowable.faults().next(2, Fault.unavailable(), Requests.named("POST /runtime/process-instances"));
 *   ...
 *   assertThat(flowable.requestCount("POST /runtime/process-instances")).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Status codes and error bodies are the ones the real engine answered (real-engines.md B): errors
 * are {@code {"message":"Bad request"|"Not found"|"Conflict"|"Internal server error","exception":..}};
 * a missing definition on start is 400, invalid BPMN 500, an unknown endpoint 500 "No endpoint ...";
 * ended instances leave the runtime (404) and stay in history. With credentials set, requests without
 * the right basic auth get Spring Security's 401.
 *
 * <p>Endpoints: {@code repository/deployments} (multipart, first file only; .bpmn20.xml, .bpmn, .bar,
 * .zip), {@code repository/process-definitions}, {@code runtime/process-instances} (start by key / id /
 * message, list, get, suspend / activate, delete, variables), {@code query/process-instances},
 * {@code runtime/executions} (message subscriptions, {@code messageEventReceived}, {@code trigger}),
 * {@code runtime/tasks} (user tasks: list, get, complete, claim), {@code history/historic-process-instances},
 * {@code runtime/process-instances/{id}/identitylinks} (user links; the authenticated starter gets a "starter" link).
 *
 * <p>Simplifications: a waiting activity's execution id is {@code <instance id>.<activity id>};
 * task id = the engine's job key; process definition id = {@code key:version:<engine key>};
 * transient variables are validated but not kept; a deleted variable is hidden from the REST API
 * while the engine's conditions still see it; signals reach no one; diagrams are never rendered;
 * binary variables are kept beside the engine (its conditions do not see them); timer jobs are not served. The differences from the real Flowable that
 * it-flowable's differential test finds are listed in this package's description.
 * Requests are named {@code "METHOD /path"} with the path below the base path, e.g.
 * {@code "POST /runtime/process-instances"}; faults come before the auth check (they model the
 * network or a proxy in front of the engine).
 */
public final class FakeFlowableServer extends RestFakeServer {
  /** Flowable's Spring Boot starter default ({@code flowable.process.servlet.path}). */
  public static final String DEFAULT_BASE_PATH = "/process-api";

  private FakeFlowableServer(Builder b) {
    super(b, context -> new FlowableApi(context.engine(), context::baseUrl, b.user, b.password).api());
  }

  /**
   * {@return the engine options that behave like Flowable: every deploy adds a version, no tenant is {@code ""}}
   */
  public static EngineOptions engineOptions() {
    return EngineOptions.builder().duplicateFiltering(false).defaultTenantId("").build();
  }

  /**
   * Starts a fake on a new engine ({@link #engineOptions()}), base path {@code /process-api}, no auth.
   *
   * @return the fake flowable server
   */
  public static FakeFlowableServer start() {
    return builder().start();
  }

  /**
   * Starts a fake on {@code engine} (not closed by {@link #close()}). Create it with
   * {@link #engineOptions()} to get Flowable's versioning and tenant.
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @return the fake flowable server
   */
  public static FakeFlowableServer start(InMemoryEngine engine) {
    return builder().engine(engine).start();
  }

  /** {@return a builder: a new engine, base path {@code /process-api}, no auth, a free port of 127.0.0.1} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Gets one line per request answered: {@code "GET /process-api/repository/process-definitions 200 3 ms"}
   * (method, path and query as sent, status, duration; {@code "[fault TYPE]"} when one was injected).
   * {@code null} removes the listener. Returns this fake.
   */
  @Override
  public FakeFlowableServer onRequest(Consumer<String> listener) {
    super.onRequest(listener);
    return this;
  }

  /**
   * Builds a {@link FakeFlowableServer}: host, port, engine, base path and request listener as every
   * REST fake; {@link #basicAuth} is Flowable's own. The base path defaults to {@code /process-api}
   * (the flowable-rest webapp uses {@code /flowable-rest/service}).
   */
  public static final class Builder extends RestFakeServer.Builder<Builder, FakeFlowableServer> {
    private String user;
    private String password;

    private Builder() {
      super(engineOptions(), DEFAULT_BASE_PATH);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Requires HTTP basic auth with this user and password (default: no auth, as the starter without Spring Security).
     *
     * @param user the user name
     * @param password the password (never logged)
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      if (user == null || password == null) {
        throw new IllegalArgumentException("user and password must not be null");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    /** Starts the fake (default: on a free port of 127.0.0.1). A port in use fails here. */
    @Override
    public FakeFlowableServer start() {
      return new FakeFlowableServer(this);
    }
  }
}
