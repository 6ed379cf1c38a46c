package io.flowport.it.zeebe.diff;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.flowport.testkit.fakes.diff.WireAnswer;
import io.flowport.testkit.fakes.diff.WireScript;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges of {@link ZeebeDifferentialTest}: every RPC the Zeebe adapter sends (sdk-grpc's
 * {@code ZeebeBackend}) and the error cases of {@code ZeebeErrors}' table. Process ids, job types and
 * message names carry a per-run suffix, so the shared real engine's other tests do not interfere.
 */
final class ZeebeScript {
  /** A key no engine has generated. */
  static final long UNKNOWN_KEY = 123456789L;

  private ZeebeScript() {}

  static String bpmn(String s) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                          id="diff-defs" targetNamespace="http://flowport.io/diff">
          <bpmn:process id="diff-svc-%1$s" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            <bpmn:serviceTask id="task" name="Do it">
              <bpmn:extensionElements><zeebe:taskDefinition type="diff-job-%1$s" retries="3"/></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
          <bpmn:process id="diff-noop-%1$s" isExecutable="true">
            <bpmn:startEvent id="nstart"/>
            <bpmn:sequenceFlow id="n1" sourceRef="nstart" targetRef="nend"/>
            <bpmn:endEvent id="nend"/>
          </bpmn:process>
          <bpmn:message id="diff-go" name="diff-go-%1$s"/>
          <bpmn:process id="diff-go-%1$s" isExecutable="true">
            <bpmn:startEvent id="gstart"><bpmn:messageEventDefinition messageRef="diff-go"/></bpmn:startEvent>
            <bpmn:sequenceFlow id="g1" sourceRef="gstart" targetRef="gend"/>
            <bpmn:endEvent id="gend"/>
          </bpmn:process>
          <bpmn:message id="diff-msg" name="diff-msg-%1$s">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements>
          </bpmn:message>
          <bpmn:process id="diff-msg-%1$s" isExecutable="true">
            <bpmn:startEvent id="mstart"/>
            <bpmn:sequenceFlow id="m1" sourceRef="mstart" targetRef="wait"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="diff-msg"/></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="m2" sourceRef="wait" targetRef="mend"/>
            <bpmn:endEvent id="mend"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(s);
  }

  static final String NO_TASK_DEFINITION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://flowport.io/diff">
        <bpmn:process id="diff-invalid" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <bpmn:serviceTask id="task"/>
          <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
          <bpmn:endEvent id="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  static DeployResourceRequest deploy(String name, String content) {
    return DeployResourceRequest.newBuilder()
        .addResources(Resource.newBuilder().setName(name).setContent(ByteString.copyFrom(content, StandardCharsets.UTF_8)))
        .build();
  }

  static CreateProcessInstanceRequest.Builder create(String processId) {
    return CreateProcessInstanceRequest.newBuilder().setBpmnProcessId(processId).setVersion(-1);
  }

  static ActivateJobsRequest activate(String type, int max) {
    return ActivateJobsRequest.newBuilder().setType(type).setMaxJobsToActivate(max).setTimeout(60_000)
        .setWorker("diff-worker").setRequestTimeout(10_000).build();
  }

  static long key(WireScript.Run run, String step, String pointer) {
    return Long.parseLong(run.text(step, pointer));
  }

  static WireScript<RawGateway> script(String s) {
    String svc = "diff-svc-" + s;
    String noop = "diff-noop-" + s;
    String msg = "diff-msg-" + s;
    String jobType = "diff-job-" + s;
    WireScript<RawGateway> w = new WireScript<>();
    w.step("topology", (g, r) -> g.call(stub -> stub.topology(TopologyRequest.getDefaultInstance())));
    // --- deploy
    w.step("deploy", (g, r) -> g.call(stub -> stub.deployResource(deploy("diff-" + s + ".bpmn", bpmn(s)))));
    w.step("deploy identical again", (g, r) -> g.call(stub -> stub.deployResource(deploy("diff-" + s + ".bpmn", bpmn(s)))));
    w.step("deploy service task without type",
        (g, r) -> g.call(stub -> stub.deployResource(deploy("invalid-notask.bpmn", NO_TASK_DEFINITION))));
    w.step("deploy malformed XML",
        (g, r) -> g.call(stub -> stub.deployResource(deploy("invalid-malformed.bpmn", "<definitions/>"))));
    w.step("deploy a text file", (g, r) -> g.call(stub -> stub.deployResource(deploy("hello.txt", "hello"))));
    // --- create
    w.step("create latest", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create(svc).setVariables("{\"orderId\":\"o-1\",\"amount\":42,\"nested\":{\"a\":[1,2]}}").build())));
    w.step("create by key", (g, r) -> g.call(stub -> stub.createProcessInstance(CreateProcessInstanceRequest.newBuilder()
        .setProcessDefinitionKey(key(r, "deploy", "/deployments/1/process/processDefinitionKey")).build())));
    w.step("create by version", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create(svc).setVersion(1).build())));
    w.step("create unknown process id", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create("does-not-exist").build())));
    w.step("create unknown key", (g, r) -> g.call(stub -> stub.createProcessInstance(
        CreateProcessInstanceRequest.newBuilder().setProcessDefinitionKey(UNKNOWN_KEY).build())));
    w.step("create unknown version", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create(svc).setVersion(99).build())));
    w.step("create without a none start event", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create("diff-go-" + s).build())));
    w.step("create with variables [1,2]", (g, r) -> g.call(stub -> stub.createProcessInstance(
        create(noop).setVariables("[1,2]").build())));
    w.step("create and await", (g, r) -> g.call(stub -> stub.createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(create(noop).setVariables("{\"x\":42,\"y\":\"why\"}")).setRequestTimeout(20_000).build())));
    w.step("create and await, fetch x", (g, r) -> g.call(stub -> stub.createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(create(noop).setVariables("{\"x\":42,\"y\":\"why\"}")).addFetchVariables("x")
            .setRequestTimeout(20_000).build())));
    w.step("create and await unknown process id", (g, r) -> g.call(stub -> stub.createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder().setRequest(create("does-not-exist")).build())));
    // --- jobs
    w.step("activate jobs", (g, r) -> RawGateway.first(g.stub().activateJobs(activate(jobType, 1))));
    w.step("activate zero jobs", (g, r) -> RawGateway.first(g.stub().activateJobs(activate(jobType, 0))));
    w.step("activate blank type", (g, r) -> RawGateway.first(g.stub().activateJobs(activate("", 1))));
    w.step("complete job", (g, r) -> g.call(stub -> stub.completeJob(CompleteJobRequest.newBuilder()
        .setJobKey(key(r, "activate jobs", "/jobs/0/key")).setVariables("{\"done\":true}").build())));
    w.step("complete job again", (g, r) -> g.call(stub -> stub.completeJob(CompleteJobRequest.newBuilder()
        .setJobKey(key(r, "activate jobs", "/jobs/0/key")).build())));
    w.step("complete unknown job", (g, r) -> g.call(stub -> stub.completeJob(CompleteJobRequest.newBuilder()
        .setJobKey(UNKNOWN_KEY).build())));
    w.step("activate second job", (g, r) -> RawGateway.first(g.stub().activateJobs(activate(jobType, 1))));
    w.step("fail job with retries left", (g, r) -> g.call(stub -> stub.failJob(FailJobRequest.newBuilder()
        .setJobKey(key(r, "activate second job", "/jobs/0/key")).setRetries(2).setErrorMessage("try again").build())));
    w.step("activate failed job again", (g, r) -> RawGateway.first(g.stub().activateJobs(activate(jobType, 1))));
    w.step("fail job without retries", (g, r) -> g.call(stub -> stub.failJob(FailJobRequest.newBuilder()
        .setJobKey(key(r, "activate failed job again", "/jobs/0/key")).setRetries(0).setErrorMessage("broken").build())));
    w.step("complete the failed job", (g, r) -> g.call(stub -> stub.completeJob(CompleteJobRequest.newBuilder()
        .setJobKey(key(r, "activate failed job again", "/jobs/0/key")).build())));
    w.step("fail unknown job", (g, r) -> g.call(stub -> stub.failJob(FailJobRequest.newBuilder()
        .setJobKey(UNKNOWN_KEY).setRetries(1).build())));
    w.step("update retries of the failed job", (g, r) -> g.call(stub -> stub.updateJobRetries(
        UpdateJobRetriesRequest.newBuilder().setJobKey(key(r, "activate failed job again", "/jobs/0/key")).setRetries(3)
            .build())));
    w.step("update retries of unknown job", (g, r) -> g.call(stub -> stub.updateJobRetries(
        UpdateJobRetriesRequest.newBuilder().setJobKey(UNKNOWN_KEY).setRetries(3).build())));
    w.step("create for throw error", (g, r) -> g.call(stub -> stub.createProcessInstance(create(svc).build())));
    w.step("activate third job", (g, r) -> RawGateway.first(g.stub().activateJobs(activate(jobType, 1))));
    w.step("throw error", (g, r) -> g.call(stub -> stub.throwError(ThrowErrorRequest.newBuilder()
        .setJobKey(key(r, "activate third job", "/jobs/0/key")).setErrorCode("E1").setErrorMessage("not caught").build())));
    w.step("throw error on unknown job", (g, r) -> g.call(stub -> stub.throwError(ThrowErrorRequest.newBuilder()
        .setJobKey(UNKNOWN_KEY).setErrorCode("E1").build())));
    w.step("resolve unknown incident", (g, r) -> g.call(stub -> stub.resolveIncident(
        ResolveIncidentRequest.newBuilder().setIncidentKey(UNKNOWN_KEY).build())));
    // --- variables, cancel
    w.step("set variables", (g, r) -> g.call(stub -> stub.setVariables(SetVariablesRequest.newBuilder()
        .setElementInstanceKey(key(r, "create by key", "/processInstanceKey")).setVariables("{\"more\":1}").build())));
    w.step("set variables on unknown element", (g, r) -> g.call(stub -> stub.setVariables(SetVariablesRequest.newBuilder()
        .setElementInstanceKey(UNKNOWN_KEY).setVariables("{\"more\":1}").build())));
    w.step("cancel", (g, r) -> g.call(stub -> stub.cancelProcessInstance(CancelProcessInstanceRequest.newBuilder()
        .setProcessInstanceKey(key(r, "create by key", "/processInstanceKey")).build())));
    w.step("cancel again", (g, r) -> g.call(stub -> stub.cancelProcessInstance(CancelProcessInstanceRequest.newBuilder()
        .setProcessInstanceKey(key(r, "create by key", "/processInstanceKey")).build())));
    w.step("cancel unknown instance", (g, r) -> g.call(stub -> stub.cancelProcessInstance(
        CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(UNKNOWN_KEY).build())));
    // --- messages
    w.step("publish", (g, r) -> g.call(stub -> stub.publishMessage(PublishMessageRequest.newBuilder()
        .setName(msg).setCorrelationKey("k-" + s).setTimeToLive(300_000).setMessageId("id-" + s)
        .setVariables("{\"fromMsg\":true}").build())));
    w.step("publish duplicate message id", (g, r) -> g.call(stub -> stub.publishMessage(PublishMessageRequest.newBuilder()
        .setName(msg).setCorrelationKey("k-" + s).setTimeToLive(300_000).setMessageId("id-" + s).build())));
    w.step("await the instance the message completes", (g, r) -> awaited(g.async().createProcessInstanceWithResult(
        CreateProcessInstanceWithResultRequest.newBuilder()
            .setRequest(create(msg).setVariables("{\"key\":\"k-" + s + "\"}")).setRequestTimeout(20_000).build())));
    w.step("broadcast signal", (g, r) -> g.call(stub -> stub.broadcastSignal(BroadcastSignalRequest.newBuilder()
        .setSignalName("diff-signal-" + s).build())));
    return w;
  }

  private static WireAnswer awaited(Future<? extends Message> future) throws Exception {
    try {
      return RawGateway.answer(future.get(30, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException sre) {
        return RawGateway.failure(sre);
      }
      throw e;
    }
  }
}
