package io.flowport.testkit.fakes.obs;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.fakes.obs.internal.ObsApi;
import io.flowport.testkit.fakes.obs.internal.ObsGraphs;
import io.flowport.testkit.fakes.obs.internal.ObsWorkflowStore;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A wire fake of Huawei OBS's workflow REST API (the paths the SDK's {@code WorkflowClient} calls,
 * wire notes §2 as corrected by §6), backed by an {@link io.flowport.testkit.engine.InMemoryEngine}, on a free port of
 * {@code 127.0.0.1}:
 *
 * <pre>{@code
 * try (FakeObsServer obs = FakeObsServer.builder().accessKey("AK", "SK").start()) {
 *   obs.defineWorkflow("my-graph", "[{\"name\":\"work\",\"action\":\"wait\"}]");
 *   ObsClient client = ObsClient.builder().endpoint(obs.baseUrl()).credentials(ObsCredentials.of("AK", "SK")).build();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Auth.</b> With access keys set, every request must carry a right V2 signature
 * ({@code Authorization: OBS AK:signature} over the Python SDK's nine workflow sub-resources):
 * 403 {@code AccessDenied} without one, {@code InvalidAccessKeyId} for an unknown key,
 * {@code SignatureDoesNotMatch} for a wrong signature or security token, and
 * {@code RequestTimeTooSkewed} when {@code Date} / {@code x-obs-date} is more than 15 minutes from
 * the fake's clock (answered with the fake's {@code Date}). These are XML {@code <Error>} bodies
 * with {@code x-obs-error-code}, as OBS's gateway sends. Without keys, nothing is checked.
 *
 * <p><b>Workflows.</b> Templates ({@code /v2/workflowtemplates/{name}}), workflows
 * ({@code /v2/workflows/{graph}}; create with {@code ?x-workflow-template-name=}, start without a
 * query), executions ({@code /v2/workflowexecutions}; list with marker paging, next marker = type
 * + name, default limit 10, at most 1000; get; restore with {@code PUT}), trigger policies
 * ({@code /{bucket}?obsworkflowtriggerpolicy}, path-style). A template's {@code states} is the
 * fake's state list: {@code [{"name": "..", "action": "pass" | "wait" | "fail"}]}, run in order
 * (see {@code ObsGraphs}: {@code wait} waits for {@link #completeState}, {@code fail} fails once and
 * succeeds after a restore). Every answer has {@code x-obs-request-id}.
 *
 * <p><b>Errors</b> of the workflow service are JSON {@code {code, message, request_id}}. OBS
 * publishes no workflow codes, so these are the fake's own: 400 {@code SYS.0010} (bad parameter or
 * body), 404 {@code Workflow.TemplateNotFound} / {@code GraphNotFound} / {@code ExecutionNotFound} /
 * {@code TriggerPolicyNotFound}, 404 {@code SYS.0003} (unknown route), 405 {@code MethodNotAllowed}
 * (XML), 409 {@code Workflow.TemplateExists} / {@code GraphExists} / {@code ExecutionNotFailed}.
 *
 * <p>Requests are named {@code "METHOD /path"} for {@link #faults()}, e.g. {@code "POST /v2/workflows/g"};
 * faults come before the signature check. Built on the kit's {@link RestFakeServer}.
 */
public final class FakeObsServer extends RestFakeServer {
  private final ObsWorkflowStore store;
  private final List<Registration> handlers;

  private FakeObsServer(Builder b, AtomicReference<ObsWorkflowStore> store) {
    super(b, context -> {
      store.set(new ObsWorkflowStore(context.engine(), "cn-north-4", "fakeproject0000", "fakedomain0000"));
      return ObsApi.create(store.get(), b.keys, b.clock);
    });
    this.store = store.get();
    this.handlers = ObsGraphs.registerHandlers(engine());
  }

  /**
   * Starts a fake without a signature check on a new engine.
   *
   * @return the fake obs server
   */
  public static FakeObsServer start() {
    return builder().start();
  }

  /** {@return a builder: host, port, engine, keys (no signature check without any), clock} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates template {@code graph} with the state list {@code statesJson} and workflow {@code graph}
   * from it, as {@code createWorkflowTemplate} then {@code createWorkflow} would.
   *
   * @param graph the graph
   * @param statesJson the states json
   * @throws IllegalArgumentException when the states are not a valid state list or the graph exists
   */
  public void defineWorkflow(String graph, String statesJson) {
    Objects.requireNonNull(graph, "graph == null");
    var states = io.flowport.core.spi.ResponseBodies.parseJson(statesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .orElseThrow(() -> new IllegalArgumentException("the states are not JSON"));
    try {
      var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      body.set("states", states);
      store.defineWorkflow(graph, body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot define workflow " + graph + ": " + e.getMessage(), e);
    }
  }

  /**
   * Completes the waiting ({@code wait}) state {@code state} of execution {@code executionName} of
   * {@code graph}, with variables.
   *
   * @param graph the graph
   * @param executionName the execution's name
   * @param state the state
   * @param variables the variables, by name
   * @throws IllegalArgumentException when there is no such execution
   */
  public void completeState(String graph, String executionName, String state, Map<String, Object> variables) {
    String instanceId = store.instanceId(graph, executionName)
        .orElseThrow(() -> new IllegalArgumentException("workflow " + graph + " has no execution " + executionName));
    engine().completeUserTask(instanceId, state, variables == null ? Map.of() : variables);
  }

  /**
   * {@return the engine's instance id of execution {@code executionName} of {@code graph}, if there is one}
   *
   * @param graph the graph
   * @param executionName the execution's name
   */
  public java.util.Optional<String> engineInstanceId(String graph, String executionName) {
    return store.instanceId(graph, executionName);
  }

  /** Stops the server, and the engine if the fake created it. */
  @Override
  public void close() {
    try {
      super.close();
    } finally {
      handlers.forEach(Registration::close);
    }
  }

  /** Builds a {@link FakeObsServer}: host, port, engine and request listener as every REST fake, plus keys and clock. */
  public static final class Builder extends RestFakeServer.Builder<Builder, FakeObsServer> {
    private final Map<String, String[]> keys = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {
      super(EngineOptions.builder().build(), null);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Accepts requests signed with this permanent key (and turns the signature check on).
     *
     * @param accessKey the access key id
     * @param secretKey the secret key (never logged)
     * @return this builder
     */
    public Builder accessKey(String accessKey, String secretKey) {
      keys.put(Objects.requireNonNull(accessKey, "accessKey"), new String[] {Objects.requireNonNull(secretKey, "secretKey")});
      return this;
    }

    /**
     * Accepts requests signed with this temporary key and carrying its security token.
     *
     * @param accessKey the access key id
     * @param secretKey the secret key (never logged)
     * @param securityToken the security token
     * @return this builder
     */
    public Builder temporaryKey(String accessKey, String secretKey, String securityToken) {
      keys.put(Objects.requireNonNull(accessKey, "accessKey"), new String[] {
          Objects.requireNonNull(secretKey, "secretKey"), Objects.requireNonNull(securityToken, "securityToken")});
      return this;
    }

    /**
     * {@return the fake's clock for the 15-minute skew check and its {@code Date} (default: the system clock)}
     *
     * @param value the value
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    @Override
    public FakeObsServer start() {
      return new FakeObsServer(this, new AtomicReference<>());
    }
  }
}
