package io.flowport.it.zeebe.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.grpc.zeebe.JobWorker;
import io.flowport.grpc.zeebe.Topology;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.it.zeebe.RealZeebeEngineExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Flowport's Zeebe adapter against the real (in-memory) Zeebe engine over its real gateway API. */
@ExtendWith(RealZeebeEngineExtension.class)
class ZeebeAdapterRealEngineTest {
  static final String NOOP = "fp-adapter-noop";
  static final String SVC = "fp-adapter-svc";
  static final String MSG = "fp-adapter-msg";

  static ZeebeClient client;
  static Deployment deployment;

  @BeforeAll
  static void connectAndDeploy(RealZeebeEngine zeebe) {
    client = ZeebeClient.builder()
        .gatewayAddress(zeebe.address())
        .usePlaintext()
        .options(ClientOptions.builder()
            .attemptTimeout(Duration.ofSeconds(30))
            .apiCallTimeout(Duration.ofSeconds(60))
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(50)).build())
            .build())
        .build();
    deployment = client.definitions().deploy(DeployRequest.builder()
        .resource(Resource.fromClasspath("bpmn/flowport-noop.bpmn"))
        .resource(Resource.fromClasspath("bpmn/flowport-service-task.bpmn"))
        .resource(Resource.fromClasspath("bpmn/flowport-message.bpmn"))
        .build()).join();
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  static WorkflowException failure(CompletableFuture<?> f) {
    try {
      Object v = f.get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (Exception e) {
      Throwable t = CallExecutor.unwrap(e);
      if (t instanceof WorkflowException we) {
        return we;
      }
      throw new AssertionError("expected a WorkflowException", t);
    }
  }

  @Test
  void deployReportsEveryProcessWithKeyAndVersion() {
    assertThat(Long.parseLong(deployment.deploymentId())).isPositive();
    assertThat(deployment.definitions()).extracting(d -> d.id()).containsExactlyInAnyOrder(NOOP, SVC, MSG);
    assertThat(deployment.definition(NOOP).version()).isEqualTo(1);
    assertThat(Long.parseLong(deployment.definition(NOOP).key())).isPositive();
    assertThat(deployment.definition(SVC).resourceName()).isEqualTo("flowport-service-task.bpmn");

    Deployment again = client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/flowport-noop.bpmn")))
        .join();
    assertThat(again.definition(NOOP).version()).isEqualTo(1); // Zeebe filters duplicates
    assertThat(again.definition(NOOP).key()).isEqualTo(deployment.definition(NOOP).key());
  }

  @Test
  void startReturnsARunningInstance() {
    Instance i = client.instances().start(StartRequest.of(MSG).variable("orderId", "o-" + UUID.randomUUID()).build())
        .join();
    assertThat(Long.parseLong(i.id())).isPositive();
    assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(i.definitionId()).isEqualTo(MSG);
    assertThat(i.definitionKey()).isEqualTo(deployment.definition(MSG).key());
  }

  @Test
  void startByDefinitionKey() {
    Instance i = client.instances().start(StartRequest.builder()
        .definition(io.flowport.core.model.DefinitionRef.key(deployment.definition(NOOP).key())).build()).join();
    assertThat(i.definitionId()).isEqualTo(NOOP);
  }

  @Test
  void startAndAwaitReturnsTheResultVariables() {
    Instance done = client.instances().startAndAwait(
        StartRequest.of(NOOP).variable("x", 42).variable("name", "flowport").build(), Duration.ofSeconds(20)).join();
    assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(done.variables()).containsEntry("x", 42).containsEntry("name", "flowport");

    Instance some = client.instances().startAndAwait(StartRequest.of(NOOP).variable("x", 1).variable("y", 2)
        .fetchVariables(List.of("y")).build(), Duration.ofSeconds(20)).join();
    assertThat(some.variables()).containsOnlyKeys("y");
  }

  @Test
  void publishedMessageCompletesAWaitingInstance() throws Exception {
    String orderId = "o-" + UUID.randomUUID();
    CompletableFuture<Instance> result = client.instances()
        .startAndAwait(StartRequest.of(MSG).variable("orderId", orderId).build(), Duration.ofSeconds(20));

    MessageReceipt receipt = client.messages().publish(MessageRequest.builder("fp-adapter-paid", orderId)
        .timeToLive(Duration.ofMinutes(1)).messageId("pay-" + orderId).variable("paid", true).build()).join();

    assertThat(Long.parseLong(receipt.key())).isPositive();
    Instance done = result.get(30, TimeUnit.SECONDS);
    assertThat(done.variables()).containsEntry("paid", true).containsEntry("orderId", orderId);
  }

  @Test
  void duplicateMessageIdIsAlreadyExists() {
    String id = "dup-" + UUID.randomUUID();
    MessageRequest message = MessageRequest.builder("fp-adapter-paid", "nobody-" + id)
        .timeToLive(Duration.ofMinutes(5)).messageId(id).build();
    client.messages().publish(message).join();

    WorkflowException e = failure(client.messages().publish(message));

    assertThat(e).isInstanceOf(AlreadyExistsException.class);
    assertThat(e.wireStatus()).isEqualTo("ALREADY_EXISTS");
    assertThat(e.engineMessage()).contains(id);
  }

  @Test
  void cancelThenCancelAgainIsInstanceNotFound() {
    Instance i = client.instances().start(StartRequest.of(MSG).variable("orderId", "c-" + UUID.randomUUID()).build())
        .join();
    client.instances().cancel(i.id()).join();

    WorkflowException e = failure(client.instances().cancel(i.id()));

    assertThat(e).isInstanceOf(InstanceNotFoundException.class);
    assertThat(e.wireStatus()).isEqualTo("NOT_FOUND");
    assertThat(e.engineMessage()).contains(i.id());
  }

  @Test
  void unknownProcessIdIsDefinitionNotFound() {
    WorkflowException e = failure(client.instances().start(StartRequest.of("fp-does-not-exist").build()));
    assertThat(e).isInstanceOf(DefinitionNotFoundException.class);
    assertThat(e.engineMessage()).contains("fp-does-not-exist");

    WorkflowException awaited = failure(client.instances()
        .startAndAwait(StartRequest.of("fp-does-not-exist").build(), Duration.ofSeconds(5)));
    assertThat(awaited).isInstanceOf(DefinitionNotFoundException.class);
  }

  @Test
  void invalidBpmnIsInvalidDefinition() {
    WorkflowException e = failure(client.definitions().deploy(
        DeployRequest.of(Resource.fromClasspath("bpmn/invalid-service-task-without-type.bpmn"))));
    assertThat(e).isInstanceOf(InvalidDefinitionException.class);
    assertThat(e.wireStatus()).isEqualTo("INVALID_ARGUMENT");
    assertThat(e.engineMessage()).contains("zeebe:taskDefinition");
  }

  @Test
  void upsertVariablesOnARunningInstanceAndOnAnUnknownOne() {
    String orderId = "u-" + UUID.randomUUID();
    Instance i = client.instances().start(StartRequest.of(MSG).variable("orderId", orderId).build()).join();
    client.variables().upsert(i.id(), Map.of("note", "hello")).join();
    client.instances().cancel(i.id()).join();

    WorkflowException e = failure(client.variables().upsert(i.id(), Map.of("note", "late")));
    assertThat(e).isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void readsAreNotInTheGatewayApi() {
    assertThat(failure(client.instances().get("1"))).isInstanceOf(OperationNotSupportedException.class);
  }

  @Test
  void jobWorkerCompletesTheServiceTaskSoStartAndAwaitReturns() throws Exception {
    try (JobWorker worker = client.newWorker("fp-adapter-ship",
        job -> Map.of("shipped", true, "trackingFor", job.variables().get("orderId")))) {
      Instance done = client.instances().startAndAwait(StartRequest.of(SVC).variable("orderId", "j-1").build(),
          Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS);

      assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
      assertThat(done.variables()).containsEntry("shipped", true).containsEntry("trackingFor", "j-1");
      assertThat(worker.handledJobs()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void startAndAwaitOfAnInstanceThatNeverEndsTimesOut() {
    // The in-memory engine ignores requestTimeout (see real-engines.md): the client deadline
    // (timeout + margin) ends the call, as a timeout.
    WorkflowException e = failure(client.instances().startAndAwait(
        StartRequest.of(MSG).variable("orderId", "never-" + UUID.randomUUID()).build(), Duration.ofSeconds(1)));
    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
  }

  @Test
  void topologyShowsTheEngine() throws Exception {
    Topology t = client.topology().get(10, TimeUnit.SECONDS);
    assertThat(t.brokers()).hasSize(1);
    assertThat(t.partitionsCount()).isEqualTo(1);
    assertThat(t.gatewayVersion()).isNotBlank();
  }
}
