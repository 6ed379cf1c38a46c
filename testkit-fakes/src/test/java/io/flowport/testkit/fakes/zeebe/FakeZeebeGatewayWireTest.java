package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.DEPLOY_PREFIX;
import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.activate;
import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.activation;
import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.deploy;
import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.grpcError;
import static io.flowport.testkit.fakes.zeebe.ZeebeTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The raw generated stub against the fake on a real socket: each RPC, and the real engine's errors word for word. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeZeebeGatewayWireTest {
  private FakeZeebeGateway gateway;
  private ManagedChannel channel;
  private GatewayGrpc.GatewayBlockingStub stub;

  @BeforeAll
  void start() {
    gateway = FakeZeebeGateway.start();
    channel = gateway.newChannel();
    stub = ZeebeTestSupport.stub(channel);
    deploy(stub, "zeebe-svc.bpmn", "zeebe-noop.bpmn", "zeebe-msg.bpmn", "zeebe-message-start-only.bpmn");
  }

  @AfterAll
  void stop() throws InterruptedException {
    ZeebeTestSupport.shutdown(channel);
    gateway.close();
  }

  private GatewayGrpc.GatewayBlockingStub stub() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private long createSvc(String variables) {
    return stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setBpmnProcessId("svc").setVersion(-1).setVariables(variables).build()).getProcessInstanceKey();
  }

  private ActivatedJob jobOf(long instanceKey) {
    return activate(stub(), activation("fake-work").setMaxJobsToActivate(100).build()).stream()
        .filter(j -> j.getProcessInstanceKey() == instanceKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fake-work job for " + instanceKey));
  }

  // ------------------------------------------------------------------ happy paths

  @Test
  void topologyDescribesOneBrokerOnePartition() {
    TopologyResponse t = stub().topology(TopologyRequest.getDefaultInstance());
    assertThat(t.getGatewayVersion()).isEqualTo("8.8.21-flowport-fake");
    assertThat(t.getClusterSize()).isEqualTo(1);
    assertThat(t.getPartitionsCount()).isEqualTo(1);
    assertThat(t.getReplicationFactor()).isEqualTo(1);
    assertThat(t.getBrokersList()).singleElement().satisfies(b -> {
      assertThat(b.getPort()).isEqualTo(gateway.port());
      assertThat(b.getPartitionsList()).singleElement().satisfies(p -> {
        assertThat(p.getPartitionId()).isEqualTo(1);
        assertThat(p.getRole().name()).isEqualTo("LEADER");
      });
    });
  }

  @Test
  void deployReportsProcessMetadataAndRedeployKeepsVersionAndKey() {
    DeployResourceResponse first = deploy(stub(), "zeebe-noop.bpmn");
    DeployResourceResponse second = deploy(stub(), "zeebe-noop.bpmn");
    ProcessMetadata a = first.getDeployments(0).getProcess();
    ProcessMetadata b = second.getDeployments(0).getProcess();
    assertThat(a.getBpmnProcessId()).isEqualTo("noop");
    assertThat(a.getResourceName()).isEqualTo("zeebe-noop.bpmn");
    assertThat(a.getTenantId()).isEqualTo("<default>");
    assertThat(a.getVersion()).isEqualTo(1);
    assertThat(a.getProcessDefinitionKey()).isPositive();
    assertThat(b.getVersion()).isEqualTo(a.getVersion());
    assertThat(b.getProcessDefinitionKey()).isEqualTo(a.getProcessDefinitionKey());
    assertThat(first.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void createByIdLatestByVersionAndByKey() {
    CreateProcessInstanceResponse latest = stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setBpmnProcessId("svc").setVersion(-1).setVariables("{\"a\":1}").build());
    assertThat(latest.getBpmnProcessId()).isEqualTo("svc");
    assertThat(latest.getVersion()).isEqualTo(1);
    assertThat(latest.getTenantId()).isEqualTo("<default>");
    assertThat(gateway.engine().variables(Long.toString(latest.getProcessInstanceKey()))).containsEntry("a", 1);

    CreateProcessInstanceResponse byVersion = stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setBpmnProcessId("svc").setVersion(1).build());
    CreateProcessInstanceResponse byKey = stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setProcessDefinitionKey(latest.getProcessDefinitionKey()).build());
    assertThat(byVersion.getProcessDefinitionKey()).isEqualTo(latest.getProcessDefinitionKey());
    assertThat(byKey.getBpmnProcessId()).isEqualTo("svc");
    assertThat(byKey.getProcessInstanceKey()).isNotEqualTo(byVersion.getProcessInstanceKey());
  }

  @Test
  void createWithResultReturnsTheVariablesFilteredByFetchVariables() {
    CreateProcessInstanceWithResultResponse all = stub().createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("noop").setVersion(-1)
                .setVariables("{\"x\":42,\"y\":\"why\"}"))
            .setRequestTimeout(5_000)
            .build());
    assertThat(all.getVariables()).isEqualTo("{\"x\":42,\"y\":\"why\"}");
    assertThat(all.getBpmnProcessId()).isEqualTo("noop");
    CreateProcessInstanceWithResultResponse some = stub().createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("noop").setVersion(-1)
                .setVariables("{\"x\":42,\"y\":\"why\"}"))
            .setRequestTimeout(5_000)
            .addFetchVariables("x")
            .build());
    assertThat(some.getVariables()).isEqualTo("{\"x\":42}");
  }

  @Test
  void createWithResultAnswersOnceTheJobIsCompleted() throws Exception {
    var future = GatewayGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("svc").setVersion(-1)
                .setVariables("{\"marker\":\"" + UUID.randomUUID() + "\"}"))
            .setRequestTimeout(8_000)
            .build());
    ActivatedJob job = null;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (job == null && System.nanoTime() < until) {
      job = activate(stub(), activation("fake-work").setMaxJobsToActivate(100).build()).stream()
          .filter(j -> j.getVariables().contains("marker"))
          .findFirst().orElse(null);
    }
    assertThat(job).isNotNull();
    assertThat(future.isDone()).isFalse();
    stub().completeJob(CompleteJobRequest.newBuilder().setJobKey(job.getKey()).setVariables("{\"done\":true}").build());
    CreateProcessInstanceWithResultResponse r = future.get(5, TimeUnit.SECONDS);
    assertThat(r.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(r.getVariables()).contains("\"done\":true");
  }

  @Test
  void createWithResultAnswersDeadlineExceededAtTheRequestTimeout() {
    long t0 = System.nanoTime();
    StatusRuntimeException e = grpcError(() -> stub().createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("svc").setVersion(-1))
            .setRequestTimeout(400)
            .build()));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(e.getStatus().getDescription()).startsWith("Time out between gateway and broker: ");
    assertThat(ms).isBetween(350L, 3_000L);
  }

  @Test
  void cancelEndsTheInstance() {
    long key = createSvc("");
    stub().cancelProcessInstance(CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(key).build());
    assertThat(gateway.engine().list(io.flowport.testkit.engine.InstanceFilter.all()))
        .extracting(InstanceSnapshot::id).doesNotContain(Long.toString(key));
  }

  @Test
  void publishedMessageCorrelatesToTheWaitingInstance() throws Exception {
    String orderId = UUID.randomUUID().toString();
    var future = GatewayGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("msg").setVersion(-1)
                .setVariables("{\"orderId\":\"" + orderId + "\"}"))
            .setRequestTimeout(8_000)
            .build());
    var published = stub().publishMessage(PublishMessageRequest.newBuilder()
        .setName("ping").setCorrelationKey(orderId).setTimeToLive(60_000).setMessageId("m-" + orderId)
        .setVariables("{\"fromMsg\":true}").build());
    assertThat(published.getKey()).isPositive();
    assertThat(published.getTenantId()).isEqualTo("<default>");
    assertThat(future.get(5, TimeUnit.SECONDS).getVariables()).contains("\"fromMsg\":true");
  }

  @Test
  void setVariablesWritesToTheInstance() {
    long key = createSvc("{\"a\":1}");
    var r = stub().setVariables(SetVariablesRequest.newBuilder()
        .setElementInstanceKey(key).setVariables("{\"a\":2,\"b\":{\"c\":[1,2]}}").build());
    assertThat(r.getKey()).isPositive();
    assertThat(gateway.engine().variables(Long.toString(key)))
        .containsEntry("a", 2)
        .containsEntry("b", Map.of("c", List.of(1, 2)));
  }

  @Test
  void activateCompleteJob() {
    long key = createSvc("{\"amount\":7,\"other\":\"x\"}");
    ActivatedJob job = activate(stub(), activation("fake-work").setMaxJobsToActivate(100)
        .addFetchVariable("amount").build()).stream()
        .filter(j -> j.getProcessInstanceKey() == key).findFirst().orElseThrow();
    assertThat(job.getType()).isEqualTo("fake-work");
    assertThat(job.getBpmnProcessId()).isEqualTo("svc");
    assertThat(job.getElementId()).isEqualTo("work");
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getWorker()).isEqualTo("test");
    assertThat(job.getVariables()).isEqualTo("{\"amount\":7}");
    assertThat(job.getDeadline()).isPositive();
    assertThat(job.getTenantId()).isEqualTo("<default>");
    // activated: not handed out again while locked
    assertThat(activate(stub(), activation("fake-work").setMaxJobsToActivate(100).build()))
        .extracting(ActivatedJob::getKey).doesNotContain(job.getKey());
    stub().completeJob(CompleteJobRequest.newBuilder().setJobKey(job.getKey()).build());
    assertThat(gateway.engine().list(io.flowport.testkit.engine.InstanceFilter.all()))
        .extracting(InstanceSnapshot::id).doesNotContain(Long.toString(key));
  }

  @Test
  void activateJobsRespectsMaxJobs() {
    createSvc("");
    createSvc("");
    assertThat(activate(stub(), activation("fake-work").setMaxJobsToActivate(1).build())).hasSize(1);
  }

  @Test
  void activateJobsLongPollsUntilAJobAppears() throws Exception {
    String type = "late-" + UUID.randomUUID();
    var responses = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    var thread = new java.util.concurrent.CompletableFuture<List<ActivatedJob>>();
    new Thread(() -> {
      try {
        thread.complete(activate(responses, activation(type).setRequestTimeout(5_000).build()));
      } catch (Throwable t) {
        thread.completeExceptionally(t);
      }
    }).start();
    Thread.sleep(200);
    assertThat(thread.isDone()).isFalse();
    String bpmn = new String(ZeebeTestSupport.bytes("zeebe-svc.bpmn"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("fake-work", type).replace("id=\"svc\"", "id=\"late\"");
    stub().deployResource(DeployResourceRequest.newBuilder().addResources(resource("late.bpmn", bpmn)).build());
    long t0 = System.nanoTime();
    long key = stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setBpmnProcessId("late").setVersion(-1).build()).getProcessInstanceKey();
    List<ActivatedJob> jobs = thread.get(5, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2_000);
    assertThat(jobs).singleElement().extracting(ActivatedJob::getProcessInstanceKey).isEqualTo(key);
  }

  @Test
  void activateJobsAnswersEmptyAfterTheRequestTimeout() {
    long t0 = System.nanoTime();
    List<ActivatedJob> jobs = activate(stub(), activation("nobody-" + UUID.randomUUID()).setRequestTimeout(300).build());
    assertThat(jobs).isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(250L, 3_000L);
  }

  @Test
  void failJobWithoutRetriesRaisesAnIncidentThatResolveRetries() {
    long key = createSvc("");
    ActivatedJob job = jobOf(key);
    stub().failJob(FailJobRequest.newBuilder().setJobKey(job.getKey()).setRetries(0).setErrorMessage("boom").build());
    InstanceSnapshot failed = gateway.engine().get(Long.toString(key));
    assertThat(failed.state()).isEqualTo(InstanceStatus.FAILED);
    Incident incident = failed.incidents().get(0);
    assertThat(incident.message()).isEqualTo("boom");
    // the job's retries can be "updated" while the incident is open, as a Zeebe user would do first
    stub().updateJobRetries(UpdateJobRetriesRequest.newBuilder().setJobKey(job.getKey()).setRetries(2).build());
    stub().resolveIncident(ResolveIncidentRequest.newBuilder().setIncidentKey(Long.parseLong(incident.key())).build());
    ActivatedJob again = jobOf(key);
    assertThat(again.getKey()).isNotEqualTo(job.getKey());
  }

  @Test
  void failJobWithRetriesMakesItAvailableAgain() {
    long key = createSvc("");
    ActivatedJob job = jobOf(key);
    stub().failJob(FailJobRequest.newBuilder().setJobKey(job.getKey()).setRetries(1).setErrorMessage("once").build());
    ActivatedJob again = jobOf(key);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
  }

  @Test
  void throwErrorIsAnUncaughtErrorIncident() {
    long key = createSvc("");
    ActivatedJob job = jobOf(key);
    stub().throwError(ThrowErrorRequest.newBuilder().setJobKey(job.getKey())
        .setErrorCode("error").setErrorMessage("error occurred").build());
    assertThat(gateway.engine().get(Long.toString(key)).incidents()).singleElement()
        .extracting(Incident::message)
        .isEqualTo("Expected to throw an error event with the code 'error' with message 'error occurred', "
            + "but it was not caught. No error events are available in the scope.");
  }

  @Test
  void updateJobRetriesOnAnOpenJob() {
    long key = createSvc("");
    ActivatedJob job = jobOf(key);
    stub().updateJobRetries(UpdateJobRetriesRequest.newBuilder().setJobKey(job.getKey()).setRetries(5).build());
    assertThat(jobOf(key).getRetries()).isEqualTo(5);
  }

  @Test
  void broadcastSignalIsAcceptedAndReachesNobody() {
    var r = stub().broadcastSignal(BroadcastSignalRequest.newBuilder().setSignalName("s").setVariables("{}").build());
    assertThat(r.getKey()).isPositive();
    assertThat(r.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void streamActivatedJobsPushesJobsCreatedWhileOpenUntilTheClientCancels() throws Exception {
    long before = createSvc("{}"); // waiting before the stream opens: left to polling, as the broker does
    java.util.concurrent.BlockingQueue<ActivatedJob> pushed = new java.util.concurrent.LinkedBlockingQueue<>();
    io.grpc.Context.CancellableContext ctx = io.grpc.Context.current().withCancellation();
    ctx.run(() -> GatewayGrpc.newStub(channel).streamActivatedJobs(StreamActivatedJobsRequest.newBuilder()
        .setType("fake-work").setWorker("streamer").setTimeout(60_000).addFetchVariable("a").build(),
        new io.grpc.stub.StreamObserver<ActivatedJob>() {
          @Override public void onNext(ActivatedJob job) { pushed.add(job); }
          @Override public void onError(Throwable t) { }
          @Override public void onCompleted() { }
        }));
    try {
      long created = 0;
      ActivatedJob job = null;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (job == null && System.nanoTime() < until) { // the stream registers asynchronously, as Zeebe's does
        created = createSvc("{\"a\": 1, \"b\": 2}");
        job = pushed.poll(500, TimeUnit.MILLISECONDS);
      }
      assertThat(job).as("a job created while the stream is open is pushed").isNotNull();
      assertThat(job.getProcessInstanceKey()).isNotEqualTo(before).isEqualTo(created);
      assertThat(job.getWorker()).isEqualTo("streamer");
      assertThat(job.getVariables()).isEqualTo("{\"a\":1}");
      assertThat(job.getTenantId()).isEqualTo("<default>");
      assertThat(job.getDeadline()).isPositive();
      assertThat(jobOf(before).getProcessInstanceKey()).as("the earlier job is still there for polling").isEqualTo(before);
    } finally {
      ctx.cancel(null);
    }
    StatusRuntimeException blank = grpcError(() -> stub().streamActivatedJobs(
        StreamActivatedJobsRequest.newBuilder().setType(" ").setTimeout(1000).build()).hasNext());
    assertThat(blank.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(blank.getStatus().getDescription())
        .isEqualTo("Expected to stream activated jobs with type to be present, but it was blank");
    StatusRuntimeException timeout = grpcError(() -> stub().streamActivatedJobs(
        StreamActivatedJobsRequest.newBuilder().setType("x").setTimeout(0).build()).hasNext());
    assertThat(timeout.getStatus().getDescription())
        .isEqualTo("Expected to stream activated jobs with timeout to be greater than zero, but it was 0");
  }

  // ------------------------------------------------------------------ errors, word for word

  record ErrorCase(String name, ThrowingCallableFactory call, Status.Code code, String description, boolean exact) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface ThrowingCallableFactory {
    ThrowingCallable create(FakeZeebeGatewayWireTest test);
  }

  static ErrorCase exact(String name, ThrowingCallableFactory call, Status.Code code, String description) {
    return new ErrorCase(name, call, code, description, true);
  }

  static ErrorCase prefix(String name, ThrowingCallableFactory call, Status.Code code, String description) {
    return new ErrorCase(name, call, code, description, false);
  }

  /** The rows of real-engines.md section A ("gRPC errors"), plus the fake's own documented choices. */
  static Stream<ErrorCase> errors() {
    return Stream.of(
        exact("create instance, unknown bpmnProcessId", t -> () -> t.stub().createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("does-not-exist").setVersion(-1).build()),
            Status.Code.NOT_FOUND,
            "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID "
                + "'does-not-exist', but none found"),
        exact("create instance, unknown processDefinitionKey", t -> () -> t.stub().createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setProcessDefinitionKey(123456789L).build()),
            Status.Code.NOT_FOUND,
            "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with key "
                + "'123456789', but none found"),
        exact("create instance, bpmnProcessId + unknown version", t -> () -> t.stub().createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("svc").setVersion(99).build()),
            Status.Code.NOT_FOUND,
            "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID "
                + "'svc' and version '99', but none found"),
        exact("create with result, unknown bpmnProcessId", t -> () -> t.stub().createProcessInstanceWithResult(
                CreateProcessInstanceWithResultRequest.newBuilder().setRequest(
                    CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("does-not-exist").setVersion(-1)).build()),
            Status.Code.NOT_FOUND, // the real gateway names the command CREATE_WITH_AWAITING_RESULT (it-zeebe diff test)
            "Command 'CREATE_WITH_AWAITING_RESULT' rejected with code 'NOT_FOUND': Expected to find process definition"
                + " with process ID 'does-not-exist', but none found"),
        exact("create instance, no none start event", t -> () -> t.stub().createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setBpmnProcessId("msgOnly").setVersion(-1).build()),
            Status.Code.FAILED_PRECONDITION,
            "Command 'CREATE' rejected with code 'INVALID_STATE': Expected to create instance of process with none "
                + "start event, but there is no such event"),
        exact("create instance, no id and negative key", t -> () -> t.stub().createProcessInstance(
                CreateProcessInstanceRequest.newBuilder().setProcessDefinitionKey(-1).build()),
            Status.Code.INVALID_ARGUMENT,
            "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected at least a bpmnProcessId or a key "
                + "greater than -1, but none given"),
        exact("create instance, variables [1,2] (documented: INVALID_ARGUMENT, not the test engine's UNKNOWN)",
            t -> () -> t.stub().createProcessInstance(CreateProcessInstanceRequest.newBuilder()
                .setBpmnProcessId("svc").setVersion(-1).setVariables("[1,2]").build()),
            Status.Code.INVALID_ARGUMENT,
            "Property 'variables' is invalid: Expected document to be a root level object, but was 'ARRAY'"),
        exact("publish duplicate messageId (TTL 5 min)", t -> () -> {
              PublishMessageRequest m = PublishMessageRequest.newBuilder().setName("dup").setCorrelationKey("k")
                  .setTimeToLive(300_000).setMessageId("dup-1").build();
              t.stub().publishMessage(m);
              t.stub().publishMessage(m);
            },
            Status.Code.ALREADY_EXISTS,
            "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new message with id "
                + "'dup-1', but a message with that id was already published"),
        prefix("deploy BPMN with service task lacking taskDefinition",
            t -> () -> deploy(t.stub(), "zeebe-invalid-notask.bpmn"),
            Status.Code.INVALID_ARGUMENT, DEPLOY_PREFIX + "'zeebe-invalid-notask.bpmn': "),
        prefix("deploy malformed XML", t -> () -> t.stub().deployResource(DeployResourceRequest.newBuilder()
                .addResources(resource("invalid-malformed.bpmn", "<definitions><process")).build()),
            Status.Code.INVALID_ARGUMENT, DEPLOY_PREFIX + "'invalid-malformed.bpmn': "),
        exact("deploy hello.txt", t -> () -> t.stub().deployResource(DeployResourceRequest.newBuilder()
                .addResources(resource("hello.txt", "hello")).build()),
            Status.Code.INVALID_ARGUMENT, DEPLOY_PREFIX + "\n'hello.txt': unknown resource type"),
        exact("cancel unknown instance", t -> () -> t.stub().cancelProcessInstance(
                CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(424242L).build()),
            Status.Code.NOT_FOUND,
            "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key "
                + "'424242', but no such process was found"),
        exact("cancel already-cancelled instance", t -> {
              long key = t.createSvc("");
              t.stub().cancelProcessInstance(CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(key).build());
              t.lastKey = key;
              return () -> t.stub().cancelProcessInstance(
                  CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(key).build());
            },
            Status.Code.NOT_FOUND,
            "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key "
                + "'{key}', but no such process was found"),
        exact("complete unknown job", t -> () -> t.stub().completeJob(
                CompleteJobRequest.newBuilder().setJobKey(424243L).build()),
            Status.Code.NOT_FOUND,
            "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '424243', "
                + "but no such job was found"),
        exact("complete already completed job", t -> {
              long key = t.createSvc("");
              ActivatedJob job = t.jobOf(key);
              t.stub().completeJob(CompleteJobRequest.newBuilder().setJobKey(job.getKey()).build());
              t.lastKey = job.getKey();
              return () -> t.stub().completeJob(CompleteJobRequest.newBuilder().setJobKey(job.getKey()).build());
            },
            Status.Code.NOT_FOUND,
            "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '{key}', "
                + "but no such job was found"),
        exact("fail unknown job", t -> () -> t.stub().failJob(
                FailJobRequest.newBuilder().setJobKey(424244L).setRetries(0).build()),
            Status.Code.NOT_FOUND,
            "Command 'FAIL' rejected with code 'NOT_FOUND': Expected to fail job with key '424244', "
                + "but no such job was found"),
        exact("throw error on unknown job", t -> () -> t.stub().throwError(
                ThrowErrorRequest.newBuilder().setJobKey(424245L).setErrorCode("e").build()),
            Status.Code.NOT_FOUND,
            "Command 'THROW_ERROR' rejected with code 'NOT_FOUND': Expected to throw an error for job with key "
                + "'424245', but no such job was found"),
        exact("update retries of unknown job", t -> () -> t.stub().updateJobRetries(
                UpdateJobRetriesRequest.newBuilder().setJobKey(424246L).setRetries(3).build()),
            Status.Code.NOT_FOUND,
            "Command 'UPDATE_RETRIES' rejected with code 'NOT_FOUND': Expected to update job with key "
                + "'424246', but no such job was found"),
        exact("update retries to 0", t -> () -> t.stub().updateJobRetries(
                UpdateJobRetriesRequest.newBuilder().setJobKey(424247L).setRetries(0).build()),
            Status.Code.INVALID_ARGUMENT,
            "Command 'UPDATE_RETRIES' rejected with code 'INVALID_ARGUMENT': Expected to update retries for job "
                + "with key '424247' with a positive amount of retries, but the amount given was '0'"),
        exact("setVariables unknown element", t -> () -> t.stub().setVariables(
                SetVariablesRequest.newBuilder().setElementInstanceKey(424248L).setVariables("{\"x\":1}").build()),
            Status.Code.NOT_FOUND,
            "Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update variables for element with key "
                + "'424248', but no such element was found"),
        exact("resolve unknown incident", t -> () -> t.stub().resolveIncident(
                ResolveIncidentRequest.newBuilder().setIncidentKey(424249L).build()),
            Status.Code.NOT_FOUND,
            "Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '424249', "
                + "but no such incident was found"),
        exact("activateJobs maxJobsToActivate=0", t -> () -> activate(t.stub(),
                activation("fake-work").setMaxJobsToActivate(0).build()),
            Status.Code.INVALID_ARGUMENT,
            "Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': Expected to activate job batch with max jobs "
                + "to activate to be greater than zero, but it was '0'"),
        exact("activateJobs empty type", t -> () -> activate(t.stub(), activation("").build()),
            Status.Code.INVALID_ARGUMENT,
            "Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': Expected to activate job batch with type to "
                + "be present, but it was blank"),
        exact("activateJobs timeout=0", t -> () -> activate(t.stub(), activation("fake-work").setTimeout(0).build()),
            Status.Code.INVALID_ARGUMENT,
            "Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': Expected to activate job batch with timeout "
                + "to be greater than zero, but it was '0'"));
  }

  /** Set by cases whose key is only known at run time; replaces {key} in the expected description. */
  private long lastKey;

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorStatusAndDescriptionAreTheRealEngines(ErrorCase c) {
    ThrowingCallable call = c.call().create(this);
    StatusRuntimeException e = grpcError(call);
    String expected = c.description().replace("{key}", Long.toString(lastKey));
    assertThat(e.getStatus().getCode()).isEqualTo(c.code());
    if (c.exact()) {
      assertThat(e.getStatus().getDescription()).isEqualTo(expected);
    } else {
      assertThat(e.getStatus().getDescription()).startsWith(expected);
    }
    // like the real gateway: a google.rpc.Status in grpc-status-details-bin
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertThat(details).isNotNull();
    assertThat(details.getCode()).isEqualTo(c.code().value());
    assertThat(details.getMessage()).isEqualTo(e.getStatus().getDescription());
  }

  @Test
  void requestsAreLoggedByMethodName() {
    int before = gateway.requests().count("Topology");
    stub().topology(TopologyRequest.getDefaultInstance());
    assertThat(gateway.requests().count("Topology")).isEqualTo(before + 1);
    assertThat(gateway.requests().names()).contains("DeployResource", "Topology");
  }

  @Test
  void durationsAreOnTheEngineClock() {
    // the job deadline is engine-clock time plus the activation timeout
    long key = createSvc("");
    ActivatedJob job = jobOf(key);
    long expected = gateway.engine().clock().instant().plus(Duration.ofMinutes(1)).toEpochMilli();
    assertThat(job.getDeadline()).isEqualTo(expected);
  }
}
