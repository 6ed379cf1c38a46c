package io.flowport.it.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The raw gateway gRPC API of the real Zeebe engine, through the generated blocking stub. */
@ExtendWith(RealZeebeEngineExtension.class)
class RealZeebeSmokeTest {

  static final String SVC_PROCESS = "flowport-smoke-svc";
  static final String MSG_PROCESS = "flowport-smoke-msg";
  static final String JOB_TYPE = "flowport-smoke-job";

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                        id="smoke-defs" targetNamespace="http://flowport.io/it">
        <bpmn:process id="%s" isExecutable="true">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
          <bpmn:serviceTask id="task" name="Do it">
            <bpmn:extensionElements><zeebe:taskDefinition type="%s" retries="3" /></bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
          <bpmn:endEvent id="end" />
        </bpmn:process>
        <bpmn:message id="smoke-msg" name="smoke-msg">
          <bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements>
        </bpmn:message>
        <bpmn:process id="%s" isExecutable="true">
          <bpmn:startEvent id="mstart" />
          <bpmn:sequenceFlow id="m1" sourceRef="mstart" targetRef="wait" />
          <bpmn:intermediateCatchEvent id="wait">
            <bpmn:messageEventDefinition messageRef="smoke-msg" />
          </bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="m2" sourceRef="wait" targetRef="mend" />
          <bpmn:endEvent id="mend" />
        </bpmn:process>
      </bpmn:definitions>
      """.formatted(SVC_PROCESS, JOB_TYPE, MSG_PROCESS);

  static ManagedChannel channel;
  static GatewayGrpc.GatewayBlockingStub gateway;
  static GatewayGrpc.GatewayFutureStub gatewayAsync;
  static DeployResourceResponse deployed;

  @BeforeAll
  static void connectAndDeploy(RealZeebeEngine zeebe) {
    channel = NettyChannelBuilder.forTarget(zeebe.address()).usePlaintext().build();
    gateway = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    gatewayAsync = GatewayGrpc.newFutureStub(channel);
    deployed = gateway.deployResource(DeployResourceRequest.newBuilder()
        .addResources(Resource.newBuilder()
            .setName("flowport-smoke.bpmn")
            .setContent(ByteString.copyFrom(BPMN, StandardCharsets.UTF_8)))
        .build());
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void topologyShowsOneBrokerWithOnePartition(RealZeebeEngine zeebe) {
    TopologyResponse topology = gateway.topology(TopologyRequest.getDefaultInstance());

    assertThat(topology.getBrokersCount()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isNotBlank();
    assertThat(zeebe.port()).isPositive();
  }

  @Test
  void deployReturnsBothProcesses() {
    assertThat(deployed.getKey()).isPositive();
    List<String> ids = deployed.getDeploymentsList().stream()
        .filter(Deployment::hasProcess)
        .map(d -> d.getProcess().getBpmnProcessId())
        .collect(Collectors.toList());
    assertThat(ids).containsExactlyInAnyOrder(SVC_PROCESS, MSG_PROCESS);
    assertThat(deployed.getDeployments(0).getProcess().getVersion()).isEqualTo(1);
    assertThat(deployed.getDeployments(0).getProcess().getResourceName()).isEqualTo("flowport-smoke.bpmn");
  }

  @Test
  void createProcessInstanceThenItsJobCanBeActivatedAndCompleted() {
    CreateProcessInstanceResponse created = gateway.createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setBpmnProcessId(SVC_PROCESS)
        .setVersion(-1)
        .setVariables("{\"orderId\":\"o-1\",\"amount\":42}")
        .build());

    assertThat(created.getProcessInstanceKey()).isPositive();
    assertThat(created.getBpmnProcessId()).isEqualTo(SVC_PROCESS);
    assertThat(created.getVersion()).isEqualTo(1);

    ActivatedJob job = activateJobOf(created.getProcessInstanceKey());
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getVariables()).contains("\"amount\":42");
    gateway.completeJob(CompleteJobRequest.newBuilder().setJobKey(job.getKey()).setVariables("{\"done\":true}").build());
  }

  @Test
  void publishMessageCorrelatesToAWaitingInstance() throws Exception {
    String key = "k-" + UUID.randomUUID();
    Future<CreateProcessInstanceWithResultResponse> result = gatewayAsync.withDeadlineAfter(30, TimeUnit.SECONDS)
        .createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(CreateProcessInstanceRequest.newBuilder()
                .setBpmnProcessId(MSG_PROCESS)
                .setVersion(-1)
                .setVariables("{\"key\":\"" + key + "\"}"))
            .setRequestTimeout(20_000)
            .build());

    PublishMessageResponse published = gateway.publishMessage(PublishMessageRequest.newBuilder()
        .setName("smoke-msg")
        .setCorrelationKey(key)
        .setTimeToLive(60_000)
        .setMessageId("m-" + key)
        .setVariables("{\"fromMsg\":true}")
        .build());

    assertThat(published.getKey()).isPositive();
    CreateProcessInstanceWithResultResponse done = result.get(30, TimeUnit.SECONDS);
    assertThat(done.getVariables()).contains("\"fromMsg\":true").contains(key);
  }

  @Test
  void createWithUnknownBpmnProcessIdIsNotFound() {
    assertThatThrownBy(() -> gateway.createProcessInstance(CreateProcessInstanceRequest.newBuilder()
            .setBpmnProcessId("does-not-exist")
            .setVersion(-1)
            .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e.getStatus().getDescription())
              .contains("Expected to find process definition with process ID 'does-not-exist', but none found");
        });
  }

  @Test
  void increaseTimeIsAccepted(RealZeebeEngine zeebe) {
    zeebe.increaseTime(java.time.Duration.ofMillis(1));
    zeebe.waitForIdleState(java.time.Duration.ofSeconds(10));
  }

  private static ActivatedJob activateJobOf(long processInstanceKey) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Iterator<ActivateJobsResponse> responses = gateway.activateJobs(ActivateJobsRequest.newBuilder()
          .setType(JOB_TYPE)
          .setWorker("smoke")
          .setTimeout(60_000)
          .setMaxJobsToActivate(10)
          .setRequestTimeout(2_000)
          .build());
      while (responses.hasNext()) {
        for (ActivatedJob job : responses.next().getJobsList()) {
          if (job.getProcessInstanceKey() == processInstanceKey) {
            return job;
          }
        }
      }
    }
    throw new AssertionError("No job activated for instance " + processInstanceKey);
  }
}
