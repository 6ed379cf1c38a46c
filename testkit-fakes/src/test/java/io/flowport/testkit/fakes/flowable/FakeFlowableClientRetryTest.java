package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Flowable adapter against injected faults: retries seen on the wire, and typed errors. */
class FakeFlowableClientRetryTest {
  private static final RetryPolicy FAST = RetryPolicy.builder()
      .maxAttempts(4).baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(20)).build();
  private FakeFlowableServer fake;
  private FlowableClient client;

  @BeforeEach
  void start() {
    fake = FakeFlowableServer.start();
    fake.engine().deploy("one.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
    client = FlowableClient.builder().baseUrl(fake.baseUrl())
        .options(ClientOptions.builder().retryPolicy(FAST).build()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void unavailableTwiceThenOkOnAnIdempotentGet() throws Exception {
    String id = fake.engine().start(StartCommand.process("oneTask")).id();
    fake.faults().next(2, Fault.unavailable(), Requests.named("GET /runtime/process-instances/" + id));
    Instance got = await(client.instances().get(id));
    assertThat(got.id()).isEqualTo(id);
    assertThat(fake.requestCount("GET /runtime/process-instances/" + id)).isEqualTo(3);
    assertThat(fake.engine().list(InstanceFilter.all())).hasSize(1);
  }

  @Test
  void backPressureTwiceThenOkOnAStartCreatesOneInstance() throws Exception {
    fake.faults().next(2, Fault.backPressure(), Requests.named("POST /runtime/process-instances"));
    Instance started = await(client.instances().start(StartRequest.of("oneTask").businessKey("once").build()));
    assertThat(fake.requestCount("POST /runtime/process-instances")).isEqualTo(3);
    assertThat(fake.engine().list(InstanceFilter.all().withBusinessKey("once"))).hasSize(1)
        .first().satisfies(s -> assertThat(s.id()).isEqualTo(started.id()));
  }

  @Test
  void backPressureBeyondTheBudgetFailsTyped() {
    fake.faults().always(Fault.backPressure());
    assertThatThrownBy(() -> await(client.instances().start(StartRequest.of("oneTask").build())))
        .isInstanceOf(BackPressureException.class);
    assertThat(fake.requestCount("POST /runtime/process-instances")).isEqualTo(FAST.maxAttempts());
    assertThat(fake.engine().list(InstanceFilter.all())).isEmpty();
  }

  @Test
  void broken200BodiesAreTypedErrors() {
    String id = fake.engine().start(StartCommand.process("oneTask")).id();
    for (Fault fault : new Fault[] {Fault.malformedBody(), Fault.emptyBody()}) {
      fake.faults().next(1, fault);
      assertThatThrownBy(() -> await(client.instances().get(id)))
          .as(fault.type().name()).isInstanceOf(UnexpectedResponseException.class);
    }
  }

  @Test
  void resetOnAnIdempotentGetIsRetried() throws Exception {
    String id = fake.engine().start(StartCommand.process("oneTask")).id();
    fake.faults().next(1, Fault.reset(), Requests.named("GET /runtime/process-instances/" + id));
    assertThat(await(client.instances().get(id)).id()).isEqualTo(id);
    assertThat(fake.requestCount("GET /runtime/process-instances/" + id)).isEqualTo(2);
  }

  @Test
  void basicAuthEndToEnd() throws Exception {
    try (FakeFlowableServer secured = FakeFlowableServer.builder().basicAuth("rest-admin", "test").start();
        FlowableClient good = FlowableClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.basic("rest-admin", "test")).build();
        FlowableClient bad = FlowableClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.basic("rest-admin", "nope")).build()) {
      secured.engine().deploy("one.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
      assertThat(await(good.instances().start(StartRequest.of("oneTask").build())).id()).isNotBlank();
      assertThatThrownBy(() -> await(bad.instances().start(StartRequest.of("oneTask").build())))
          .isInstanceOf(AuthenticationException.class);
    }
  }
}
