package io.flowport.testkit.fakes.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault and retry behaviour every REST adapter shows over its wire fake, tested once: back
 * pressure and unavailability are retried for every call (the engine did nothing) up to the budget,
 * then fail typed; latency past the attempt timeout, a reset and a proxy's HTML page are retried only
 * for an idempotent call, a start fails typed after one request and is never repeated; a 200 with a
 * malformed or empty body is a typed error, not retried. Effects are counted on the fake's engine, so
 * "not repeated" means no duplicate instance.
 *
 * <p>An engine runs it with a subclass in its fake module:
 *
 * <pre>{@code
 * class FakeThingFaultTest extends RestFakeFaultContract {
 *   protected RestFakeServer startFake() { ... start the fake, deploy a definition that waits ... }
 *   protected WorkflowClient newClient(RestFakeServer fake, ClientOptions options) { ... }
 *   protected StartRequest startRequest() { return StartRequest.of("waits").build(); }
 *   protected Predicate<String> startRequests() { return Requests.named("POST /things"); }
 *   protected Predicate<String> getRequests(String id) { return Requests.named("GET /things/" + id); }
 * }
 * }</pre>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class RestFakeFaultContract {
  /** The suite's retry policy: 4 attempts, short delays. */
  protected static final RetryPolicy RETRIES = RetryPolicy.builder()
      .maxAttempts(4).baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(20)).build();
  /**
   * The attempt timeout of the latency tests' client: generous, as the build machine may be loaded;
   * the latency faults last three times as long. The other tests' client has none, so a slow machine
   * cannot turn their faults into timeouts.
   */
  protected static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration LONG_LATENCY = ATTEMPT_TIMEOUT.multipliedBy(3);

  private RestFakeServer fake;
  private WorkflowClient client;
  private WorkflowClient timedClient;

  /** A new fake with a definition deployed that {@link #startRequest()} starts and that waits (a user task). */
  protected abstract RestFakeServer startFake();

  /** The adapter's client of {@code fake} with {@code options} ({@link #RETRIES}, and {@link #ATTEMPT_TIMEOUT} for the latency tests). */
  protected abstract WorkflowClient newClient(RestFakeServer fake, ClientOptions options);

  /** A start of the deployed definition (no idempotency key: a start is not safe to repeat). */
  protected abstract StartRequest startRequest();

  /** The request names ({@code "METHOD /path"}) a start sends, where its faults go. */
  protected abstract Predicate<String> startRequests();

  /** The request names reading instance {@code instanceId} sends. */
  protected abstract Predicate<String> getRequests(String instanceId);

  @BeforeEach
  void startFakeAndClient() {
    fake = startFake();
    client = newClient(fake, ClientOptions.builder().retryPolicy(RETRIES).build());
  }

  /** The client with {@link #ATTEMPT_TIMEOUT}, warmed up by one read so the first call's class loading does not count. */
  private WorkflowClient timedClient(String warmUpInstanceId) throws Exception {
    timedClient = newClient(fake, ClientOptions.builder().retryPolicy(RETRIES).attemptTimeout(ATTEMPT_TIMEOUT).build());
    await(timedClient.instances().get(warmUpInstanceId));
    fake.requestLog().clear();
    return timedClient;
  }

  @AfterEach
  void stopClientAndFake() throws Exception {
    if (timedClient != null) {
      timedClient.close();
    }
    if (client != null) {
      client.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  /**
   * The id of the fake engine's instance behind the client's instance {@code instanceId}: the same
   * id unless the engine names its instances otherwise (a bk-sops task runs as an engine instance).
   */
  protected String engineInstanceId(String instanceId) {
    return instanceId;
  }

  /** The fake this test runs on. */
  protected RestFakeServer fake() {
    return fake;
  }

  /** The client this test runs with. */
  protected WorkflowClient client() {
    return client;
  }

  @Test
  void backPressureTwiceThenSuccessRetriesEvenAStartAndCreatesOneInstance() throws Exception {
    fake.faults().next(2, Fault.backPressure(), startRequests());
    Instance started = await(client.instances().start(startRequest()));
    assertThat(requests(startRequests())).isGreaterThanOrEqualTo(3);
    assertThat(fake.engine().list(InstanceFilter.all())).singleElement()
        .satisfies(s -> assertThat(s.id()).isEqualTo(engineInstanceId(started.id())));
  }

  @Test
  void backPressureBeyondTheBudgetFailsTypedAfterEveryAttempt() {
    fake.faults().always(Fault.backPressure());
    assertThatThrownBy(() -> await(client.instances().start(startRequest()))).isInstanceOf(BackPressureException.class);
    assertThat(fake.requestLog().total()).isEqualTo(RETRIES.maxAttempts());
    assertThat(instances()).isZero();
  }

  @Test
  void unavailableTwiceThenSuccessOnAReadAndOnAStart() throws Exception {
    String id = startOne();
    fake.requestLog().clear();
    fake.faults().next(2, Fault.unavailable(), getRequests(id));
    assertThat(await(client.instances().get(id)).id()).isEqualTo(id);
    assertThat(requests(getRequests(id))).isEqualTo(3);

    fake.faults().next(2, Fault.unavailable(), startRequests());
    await(client.instances().start(startRequest()));
    assertThat(instances()).as("503 is answered before any work: the start is repeated, once done").isEqualTo(2);
  }

  @Test
  void unavailableBeyondTheBudgetFailsTyped() {
    fake.faults().always(Fault.unavailable());
    assertThatThrownBy(() -> await(client.instances().start(startRequest()))).isInstanceOf(EngineUnavailableException.class);
    assertThat(fake.requestLog().total()).isEqualTo(RETRIES.maxAttempts());
    assertThat(instances()).isZero();
  }

  @Test
  void latencyBeyondTheAttemptTimeoutRetriesARead() throws Exception {
    String id = startOne();
    WorkflowClient timed = timedClient(id);
    fake.faults().next(1, Fault.latency(LONG_LATENCY), getRequests(id));
    assertThat(await(timed.instances().get(id)).id()).isEqualTo(id);
    assertThat(requests(getRequests(id))).isEqualTo(2);
  }

  @Test
  void latencyBeyondTheAttemptTimeoutFailsAStartWithoutRepeatingIt() throws Exception {
    WorkflowClient timed = timedClient(startOne());
    fake.faults().next(1, Fault.latency(LONG_LATENCY), startRequests());
    assertThatThrownBy(() -> await(timed.instances().start(startRequest()))).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(requests(startRequests())).isEqualTo(1);
    assertThat(instances()).as("the engine did start it: repeating would start a second").isEqualTo(2);
  }

  @Test
  void aResetIsRetriedOnAReadOnly() throws Exception {
    String id = startOne();
    fake.requestLog().clear();
    fake.faults().next(1, Fault.reset(), getRequests(id));
    assertThat(await(client.instances().get(id)).id()).isEqualTo(id);
    assertThat(requests(getRequests(id))).isEqualTo(2);

    fake.requestLog().clear();
    fake.faults().next(1, Fault.reset(), startRequests());
    assertThatThrownBy(() -> await(client.instances().start(startRequest()))).isInstanceOf(EngineUnavailableException.class);
    assertThat(requests(startRequests())).as("the start is not repeated").isEqualTo(1);
    assertThat(instances()).isEqualTo(1);
  }

  @Test
  void aProxysHtmlErrorPageIsUnavailableAndRetriedOnAReadOnly() throws Exception {
    String id = startOne();
    fake.requestLog().clear();
    fake.faults().next(1, Fault.htmlError(), getRequests(id));
    assertThat(await(client.instances().get(id)).id()).isEqualTo(id);
    assertThat(requests(getRequests(id))).isEqualTo(2);

    fake.requestLog().clear();
    fake.faults().next(1, Fault.htmlError(), startRequests());
    assertThatThrownBy(() -> await(client.instances().start(startRequest())))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("502");
    assertThat(requests(startRequests())).as("the start is not repeated").isEqualTo(1);
    assertThat(instances()).isEqualTo(1);
  }

  @Test
  void malformedAndEmpty200BodiesAreTypedErrorsNotRetried() {
    String id = startOne();
    for (Fault fault : new Fault[] {Fault.malformedBody(), Fault.emptyBody()}) {
      fake.requestLog().clear();
      fake.faults().next(1, fault, getRequests(id));
      assertThatThrownBy(() -> await(client.instances().get(id)))
          .as(fault.type().name()).isInstanceOf(UnexpectedResponseException.class);
      assertThat(requests(getRequests(id))).as(fault.type().name()).isEqualTo(1);
    }
  }

  private String startOne() {
    try {
      return await(client.instances().start(startRequest())).id();
    } catch (Exception e) {
      throw new AssertionError("cannot start an instance without faults", e);
    }
  }

  private int instances() {
    return fake.engine().list(InstanceFilter.all()).size();
  }

  private int requests(Predicate<String> which) {
    return (int) fake.requestLog().names().stream().filter(which).count();
  }

  /** The future's value, or the exception it failed with. */
  protected static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
