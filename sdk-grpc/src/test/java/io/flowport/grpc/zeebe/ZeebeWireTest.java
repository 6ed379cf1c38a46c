package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static io.flowport.grpc.zeebe.TestClients.eventually;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.flowport.core.ClientConfig;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire: requests, deadlines, cancellation, credentials, and what comes back. */
class ZeebeWireTest {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  ScriptedGateway gateway;
  ZeebeClient client;

  @BeforeEach
  void start() throws Exception {
    gateway = new ScriptedGateway();
    client = TestClients.plain(gateway.address(), TestClients.fast().build());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    gateway.close();
  }

  @Test
  void cancellingTheFutureCancelsTheCallOnTheServer() {
    gateway.script("CreateProcessInstanceWithResult", ScriptedGateway.Answer.hang());
    CompletableFuture<Instance> f = client.instances()
        .startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(4));
    eventually(() -> assertThat(gateway.count("CreateProcessInstanceWithResult") == 1).isTrue());

    assertThat(f.cancel(true)).isTrue();

    eventually(() -> assertThat(gateway.cancelled).containsExactly("CreateProcessInstanceWithResult"));
  }

  @Test
  void cancellingActivateJobsCancelsTheStream() {
    gateway.script("ActivateJobs", ScriptedGateway.Answer.hang());
    CompletableFuture<?> f = client.activateJobs("t", 1, Duration.ofSeconds(5), "w");
    eventually(() -> assertThat(gateway.count("ActivateJobs") == 1).isTrue());
    f.cancel(true);
    eventually(() -> assertThat(gateway.cancelled).containsExactly("ActivateJobs"));
  }

  @Test
  void closeFailsCallsInFlightAndCancelsThemOnTheWire() {
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.hang());
    CompletableFuture<Instance> f = client.instances().start(StartRequest.of("order").build());
    eventually(() -> assertThat(gateway.count("CreateProcessInstance")).isEqualTo(1));

    client.close();

    assertThat(failure(f)).isInstanceOf(WorkflowException.class);
    eventually(() -> assertThat(gateway.cancelled).containsExactly("CreateProcessInstance"));
  }

  @Test
  void attemptDeadlineIsSentAsTheGrpcDeadline() {
    client.instances().cancel("42").join();

    ScriptedGateway.Seen seen = gateway.last("CancelProcessInstance");
    assertThat(seen.deadline()).isNotNull();
    long left = seen.deadline().timeRemaining(TimeUnit.MILLISECONDS);
    assertThat(left).isBetween(3_000L, 5_000L); // attempt timeout 5 s
    assertThat(((CancelProcessInstanceRequest) seen.request()).getProcessInstanceKey()).isEqualTo(42);
  }

  @Test
  void startSendsIdVersionAndVariablesAsJson() {
    Instance i = client.instances().start(StartRequest.builder()
        .definition(DefinitionRef.version("order", 3)).variable("amount", 42).variable("who", "ann").build()).join();

    CreateProcessInstanceRequest sent = (CreateProcessInstanceRequest) gateway.last("CreateProcessInstance").request();
    assertThat(sent.getBpmnProcessId()).isEqualTo("order");
    assertThat(sent.getVersion()).isEqualTo(3);
    assertThat(sent.getVariables()).isEqualTo("{\"amount\":42,\"who\":\"ann\"}");
    assertThat(i.id()).isEqualTo("2251799813685249");
    assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(i.definitionKey()).isEqualTo("2251799813685000");
    assertThat(i.definitionVersion()).isEqualTo(3);

    client.instances().start(StartRequest.of("order").build()).join();
    assertThat(((CreateProcessInstanceRequest) gateway.last("CreateProcessInstance").request()).getVersion())
        .isEqualTo(-1);

    client.instances().start(StartRequest.builder().definition(DefinitionRef.key("2251799813685000")).build()).join();
    CreateProcessInstanceRequest byKey = (CreateProcessInstanceRequest) gateway.last("CreateProcessInstance").request();
    assertThat(byKey.getProcessDefinitionKey()).isEqualTo(2251799813685000L);
    assertThat(byKey.getBpmnProcessId()).isEmpty();
  }

  @Test
  void startAndAwaitSendsRequestTimeoutAndDeadlineWithMargin() {
    Instance done = client.instances().startAndAwait(StartRequest.of("order")
        .fetchVariables(List.of("x", "ok")).build(), Duration.ofSeconds(3)).join();

    ScriptedGateway.Seen seen = gateway.last("CreateProcessInstanceWithResult");
    CreateProcessInstanceWithResultRequest sent = (CreateProcessInstanceWithResultRequest) seen.request();
    assertThat(sent.getRequestTimeout()).isEqualTo(3_000);
    assertThat(sent.getFetchVariablesList()).containsExactly("x", "ok");
    // The gRPC deadline is the attempt's: the 3 s wait plus core's one await margin (5 s), no second margin.
    assertThat(seen.deadline().timeRemaining(TimeUnit.MILLISECONDS)).isBetween(7_500L, 8_000L);
    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(done.id()).isEqualTo("77");
    assertThat(done.variables()).containsEntry("x", 42).containsEntry("ok", true);
  }

  @Test
  void deployMapsMetadata() {
    Deployment d = client.definitions().deploy(DeployRequest.builder()
        .resource(Resource.of("a.bpmn", "<a/>".getBytes(StandardCharsets.UTF_8)))
        .resource(Resource.of("b.bpmn", "<b/>".getBytes(StandardCharsets.UTF_8)))
        .build()).join();

    assertThat(d.deploymentId()).isEqualTo("4242");
    assertThat(d.definitions()).hasSize(2);
    assertThat(d.definition("p1").key()).isEqualTo("1001");
    assertThat(d.definition("p1").resourceName()).isEqualTo("b.bpmn");
    assertThat(d.definition("p0").version()).isEqualTo(1);
  }

  @Test
  void publishSendsNameKeyTtlIdAndVariables() {
    client.messages().publish(MessageRequest.builder("paid", "order-1").timeToLive(Duration.ofMinutes(1))
        .messageId("pay-1").variable("sum", 10).build()).join();

    PublishMessageRequest sent = (PublishMessageRequest) gateway.last("PublishMessage").request();
    assertThat(sent.getName()).isEqualTo("paid");
    assertThat(sent.getCorrelationKey()).isEqualTo("order-1");
    assertThat(sent.getTimeToLive()).isEqualTo(60_000);
    assertThat(sent.getMessageId()).isEqualTo("pay-1");
    assertThat(sent.getVariables()).isEqualTo("{\"sum\":10}");
  }

  @Test
  void upsertIsSetVariablesOnTheInstanceKeyNotLocal() {
    client.variables().upsert("123", Map.of("a", 1)).join();

    SetVariablesRequest sent = (SetVariablesRequest) gateway.last("SetVariables").request();
    assertThat(sent.getElementInstanceKey()).isEqualTo(123);
    assertThat(sent.getLocal()).isFalse();
    assertThat(sent.getVariables()).isEqualTo("{\"a\":1}");
  }

  @Test
  void zeebeOnlyOperations() throws Exception {
    Topology t = client.topology().get(5, TimeUnit.SECONDS);
    assertThat(t.brokers()).singleElement().satisfies(b -> {
      assertThat(b.partitions()).singleElement().satisfies(p -> assertThat(p.role()).isEqualTo("LEADER"));
    });
    assertThat(t.gatewayVersion()).isEqualTo("8.8.21");
    assertThat(client.setVariables(5, Map.of("a", 1), true).get(5, TimeUnit.SECONDS)).isEqualTo(5L);
    assertThat(((SetVariablesRequest) gateway.last("SetVariables").request()).getLocal()).isTrue();
    assertThat(client.broadcastSignal("sig", Map.of("b", 2)).get(5, TimeUnit.SECONDS)).isEqualTo(11L);
    client.resolveIncident(9).get(5, TimeUnit.SECONDS);
    client.updateJobRetries(1, 3).get(5, TimeUnit.SECONDS);

    List<ActivatedJob> jobs = client.activateJobs("ship", 5, Duration.ofSeconds(30), "w1").get(5, TimeUnit.SECONDS);
    assertThat(jobs).singleElement().satisfies(j -> {
      assertThat(j.type()).isEqualTo("ship");
      assertThat(j.variables()).containsEntry("a", 1);
      assertThat(j.customHeaders()).containsEntry("h", "v");
    });
    client.completeJob(1, Map.of("done", true)).get(5, TimeUnit.SECONDS);
    client.failJob(1, 2, "oops").get(5, TimeUnit.SECONDS);
    client.throwError(1, "E1", "bad").get(5, TimeUnit.SECONDS);
    assertThat(gateway.count("CompleteJob") + gateway.count("FailJob") + gateway.count("ThrowError")).isEqualTo(3);
  }

  @Test
  void aJobWorkerThatCannotBeCuredWarnsOncePerRunOfFailuresNotOnEveryPoll() throws Exception {
    String type = "warn-once-" + System.nanoTime();
    ScriptedGateway.Answer refused = ScriptedGateway.Answer.error(Status.Code.UNAUTHENTICATED, "token expired");
    gateway.script("ActivateJobs", refused, refused, refused,
        ScriptedGateway.Answer.ok(io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse
            .getDefaultInstance()), refused, refused);
    try (JobWorker worker = client.newWorker(type, job -> Map.of(),
        JobWorker.Settings.defaults().withPollInterval(Duration.ofMillis(10)))) {
      eventually(() -> assertThat(worker.handledJobs()).isPositive()); // past the scripted answers
    }
    // sdk-grpc's tests log io.flowport at DEBUG into this file (simplelogger.properties)
    java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/sdk-grpc-tests.log"))
        .stream().filter(l -> l.contains("activating " + type + " jobs failed")).toList();
    assertThat(lines.stream().filter(l -> l.contains(" WARN ")))
        .as("one warning per run of failures a retry cannot cure").hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("will until this is fixed").contains("authentication"));
    assertThat(lines.stream().filter(l -> l.contains(" DEBUG "))).as("the repeats").hasSize(3);
  }

  @Test
  void jobWorkerCompletesJobs() throws Exception {
    try (JobWorker worker = client.newWorker("ship", job -> Map.of("shipped", job.key()),
        JobWorker.Settings.defaults().withPollInterval(Duration.ofMillis(20)))) {
      eventually(() -> assertThat(gateway.count("CompleteJob") >= 1).isTrue());
      // The worker counts a job once the gateway has answered its CompleteJob, a moment after the gateway saw it.
      eventually(() -> assertThat(worker.handledJobs()).isPositive());
    }
  }

  @Test
  void capabilitiesAreWhatTheGatewayCanDoAndTheRestFailsFast() {
    assertThat(client.capabilities().operations()).containsExactlyInAnyOrder(
        Operation.DEPLOY, Operation.START_INSTANCE, Operation.START_AND_AWAIT, Operation.CANCEL_INSTANCE,
        Operation.PUBLISH_MESSAGE, Operation.UPSERT_VARIABLES);
    assertThat(failure(client.instances().get("1"))).isInstanceOf(OperationNotSupportedException.class);
    assertThat(failure(client.variables().getAll("1"))).isInstanceOf(OperationNotSupportedException.class);
    assertThat(gateway.seen).isEmpty();
  }

  @Test
  void zeebeRulesAreCheckedBeforeTheWire() {
    assertThat(failure(client.instances().start(StartRequest.builder()
        .definition(DefinitionRef.version("order", -2)).build()))).isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().cancel("not-a-key"))).isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.definitions().deploy(DeployRequest.of(Resource.of("e.bpmn", new byte[0])))))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.definitions().deploy(DeployRequest.builder().build())))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.activateJobs("t", 0, Duration.ofSeconds(1), "w")))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().start(StartRequest.of("o").businessKey("b").build())))
        .isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().start(StartRequest.builder().messageName("m").build())))
        .isInstanceOf(OperationNotSupportedException.class);
    assertThat(gateway.seen).isEmpty();
  }

  @Test
  void zeebesOwnOperationsGetTheSameChecksBeforeTheWire() {
    Map<String, Object> notJson = new java.util.HashMap<>();
    notJson.put("x", Double.NaN);
    List<CompletableFuture<?>> refused = List.of(
        client.updateJobRetries(1, 0),
        client.failJob(1, -1, "m"),
        client.throwError(1, " ", "m"),
        client.broadcastSignal(null, Map.of()),
        client.broadcastSignal("s", notJson),
        client.completeJob(1, notJson),
        client.setVariables(1, null, true),
        client.setVariables(1, notJson, true),
        client.activateJobs(" ", 1, Duration.ofSeconds(1), "w"),
        client.activateJobs("t", 1, Duration.ZERO, "w"),
        client.activateJobs("t", 1, Duration.ofSeconds(1), "w", Duration.ofSeconds(-1)));
    for (CompletableFuture<?> f : refused) {
      assertThat(failure(f)).isInstanceOf(ClientValidationException.class).hasMessageContaining("[zeebe]");
    }
    assertThat(failure(client.updateJobRetries(1, 0))).hasMessageContaining("retries must be at least 1, was 0");
    assertThat(gateway.seen).isEmpty();
    assertThat(client.engineOperations()).contains(ZeebeOperations.TOPOLOGY, ZeebeOperations.ACTIVATE_JOBS);
  }

  @Test
  void bearerCredentialsReachTheServerAndStaySecret() throws Exception {
    String token = "s3cr3t-token-value";
    Credentials bearer = Credentials.bearer(() -> token);
    try (ZeebeClient authed = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .credentials(bearer).options(TestClients.fast().build()).build()) {
      authed.topology().get(5, TimeUnit.SECONDS);
      assertThat(gateway.last("Topology").headers().get(AUTHORIZATION)).isEqualTo("Bearer " + token);

      gateway.script("CancelProcessInstance", ScriptedGateway.Answer.error(Status.Code.UNAUTHENTICATED, "bad token"));
      WorkflowException e = failure(authed.instances().cancel("1"));
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.getMessage()).doesNotContain(token);
      assertThat(authed.toString()).doesNotContain(token);
      assertThat(bearer.toString()).doesNotContain(token);
    }
  }

  @Test
  void failingCredentialsFailTheCallWithoutLeakingTheirMessage() {
    Credentials broken = request -> {
      throw new IllegalStateException("cannot use secret hunter2");
    };
    try (ZeebeClient authed = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .credentials(broken).options(TestClients.fast().build()).build()) {
      WorkflowException e = failure(authed.topology());
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.getMessage()).doesNotContain("hunter2");
      assertThat(gateway.seen).isEmpty();
    }
  }

  @Test
  void severalGatewaysAreBalancedRoundRobin() throws Exception {
    try (ScriptedGateway second = new ScriptedGateway();
         ZeebeClient both = ZeebeClient.builder().gatewayAddress(gateway.address() + "," + second.address())
             .usePlaintext().options(TestClients.fast().build()).build()) {
      for (int i = 0; i < 10; i++) {
        both.topology().get(5, TimeUnit.SECONDS);
      }
      assertThat(gateway.count("Topology")).isPositive();
      assertThat(second.count("Topology")).isPositive();
      assertThat(gateway.count("Topology") + second.count("Topology")).isEqualTo(10);
    }
  }

  @Test
  void closeLeavesNoClientThreadsBehind() throws Exception {
    client.close(); // only the client made here may have threads
    eventually(() -> assertThat(threadsNamed("flowport-zeebe")).isEmpty());
    ZeebeClient c = TestClients.plain(gateway.address(), TestClients.fast().build());
    c.topology().get(5, TimeUnit.SECONDS);
    JobWorker w = c.newWorker("t", job -> null);
    assertThat(threadsNamed("flowport-zeebe")).isNotEmpty();

    c.close();

    assertThat(w.isClosed()).isTrue();
    eventually(() -> assertThat(threadsNamed("flowport-zeebe")).isEmpty());
    assertThat(failure(c.topology())).isInstanceOf(WorkflowException.class);
  }

  private static List<String> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith(prefix))
        .toList();
  }

  @Test
  void serviceLoaderFindsTheZeebeProvider() {
    try (WorkflowClient c = WorkflowClients.create(ClientConfig.builder("zeebe").endpoint(gateway.address())
        .setting("plaintext", "true").options(TestClients.fast().build()).build())) {
      assertThat(c).isInstanceOf(ZeebeClient.class);
      assertThat(c.engine()).isEqualTo("zeebe");
      c.instances().cancel("5").join();
      assertThat(gateway.count("CancelProcessInstance")).isEqualTo(1);
    }
  }

  @Test
  void aMistypedOrUnreadableSettingFailsInsteadOfLeavingTlsOn() {
    ClientConfig.Builder config = ClientConfig.builder("zeebe").endpoint(gateway.address());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WorkflowClients.create(config.setting("plaintxt", "true").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'plaintxt'")
        .hasMessageContaining("plaintext");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkflowClients.create(
            ClientConfig.builder("zeebe").endpoint(gateway.address()).setting("plaintext", "yes").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected true or false");
    assertThat(gateway.count("CancelProcessInstance")).isZero();
  }
}
