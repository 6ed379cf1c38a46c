package io.flowport.rest.testing;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.RestClientBuilder;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.rest.bksops.TaskAction;
import io.flowport.rest.cloudify.CloudifyCancelMode;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyDeleteRequest;
import io.flowport.rest.cloudify.CloudifyGroupRequest;
import io.flowport.rest.cloudify.CloudifyListQuery;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.rest.flowable.FlowableInstanceQuery;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsExecutionQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every REST adapter and every operation it has, each callable with any id, for the reliability
 * tests that must cover all of them (garbage answers, hostile ids, secrets): one table, no copy
 * per adapter. The unified operations come from the client's capabilities; the engine's own from
 * its operations interface.
 */
public final class RestAdapters {
  private RestAdapters() {}

  /** One operation of a client, made with {@code id} wherever it takes an id or a name. */
  public record Call(String name, Operation unified, BiFunction<WorkflowClient, String, CompletableFuture<?>> invoke) {
    public CompletableFuture<?> run(WorkflowClient client, String id) {
      return invoke.apply(client, id);
    }

    /** Whether {@code client} offers this call (engine-specific calls always; unified ones per capabilities). */
    public boolean offeredBy(WorkflowClient client) {
      return unified == null || client.capabilities().supports(unified);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A REST adapter: how to build its client on a base URL, the path the server must serve it
   * below, an id it accepts, and its calls.
   */
  public record Adapter(String engine, String basePath, String sampleId,
      Function<Settings, WorkflowClient> client, List<Call> calls) {
    /** A client to {@code serverRoot} + {@link #basePath()}. */
    public WorkflowClient client(String serverRoot, Credentials credentials, ClientOptions options) {
      return client.apply(new Settings(serverRoot + basePath, credentials, options));
    }

    @Override
    public String toString() {
      return engine;
    }
  }

  /** What a client is built with. */
  public record Settings(String baseUrl, Credentials credentials, ClientOptions options) {
    <B extends RestClientBuilder<B, ?>> B apply(B builder) {
      return builder.baseUrl(baseUrl).credentials(credentials).options(options);
    }
  }

  /** Flowable, Cloudify, bk-sops and OBS. */
  public static List<Adapter> all() {
    return List.of(flowable(), cloudify(), bkSops(), obs());
  }

  private static final byte[] BPMN = "<definitions/>".getBytes(StandardCharsets.UTF_8);

  /** The unified operations every client offers where its capabilities say so (checked by the caller). */
  static List<Call> unified() {
    List<Call> c = new ArrayList<>();
    c.add(new Call("deploy", Operation.DEPLOY, (w, id) -> w.definitions().deploy(DeployRequest.of(Resource.of(id + ".bpmn20.xml", BPMN)))));
    c.add(new Call("start", Operation.START_INSTANCE, (w, id) -> w.instances().start(StartRequest.of(id).businessKey(id).variable("v", 1).build())));
    c.add(new Call("startAndAwait", Operation.START_AND_AWAIT, (w, id) -> w.instances().startAndAwait(StartRequest.of(id).build(), Duration.ofSeconds(1))));
    c.add(new Call("get", Operation.GET_INSTANCE, (w, id) -> w.instances().get(id)));
    c.add(new Call("list", Operation.LIST_INSTANCES, (w, id) -> w.instances().list(InstanceQuery.builder().definitionId(id).businessKey(id).build())));
    c.add(new Call("forEach", Operation.LIST_INSTANCES, (w, id) -> w.instances().forEach(InstanceQuery.builder().definitionId(id).build(), i -> { })));
    c.add(new Call("cancel", Operation.CANCEL_INSTANCE, (w, id) -> w.instances().cancel(id)));
    c.add(new Call("suspend", Operation.SUSPEND_INSTANCE, (w, id) -> w.instances().suspend(id)));
    c.add(new Call("resume", Operation.RESUME_INSTANCE, (w, id) -> w.instances().resume(id)));
    c.add(new Call("retry", Operation.RETRY_INSTANCE, (w, id) -> w.instances().retry(id)));
    c.add(new Call("delete", Operation.DELETE_INSTANCE, (w, id) -> w.instances().delete(id, "reason")));
    c.add(new Call("variables.getAll", Operation.GET_VARIABLES, (w, id) -> w.variables().getAll(id)));
    c.add(new Call("variables.get", Operation.GET_VARIABLE, (w, id) -> w.variables().get(id, id)));
    c.add(new Call("variables.create", Operation.CREATE_VARIABLES, (w, id) -> w.variables().create(id, Map.of("x", 1))));
    c.add(new Call("variables.upsert", Operation.UPSERT_VARIABLES, (w, id) -> w.variables().upsert(id, Map.of("x", 1))));
    c.add(new Call("publish", Operation.PUBLISH_MESSAGE, (w, id) -> w.messages().publish(MessageRequest.builder(id, id).build())));
    c.add(new Call("nodes.tree", Operation.GET_NODE_TREE, (w, id) -> w.nodes().tree(id)));
    c.add(new Call("nodes.pause", Operation.PAUSE_NODE, (w, id) -> w.nodes().pause(id, id)));
    c.add(new Call("nodes.resume", Operation.RESUME_NODE, (w, id) -> w.nodes().resume(id, id)));
    c.add(new Call("nodes.retry", Operation.RETRY_NODE, (w, id) -> w.nodes().retry(id, id, Map.of())));
    c.add(new Call("nodes.skip", Operation.SKIP_NODE, (w, id) -> w.nodes().skip(id, id)));
    c.add(new Call("nodes.skipExclusiveGateway", Operation.SKIP_EXCLUSIVE_GATEWAY, (w, id) -> w.nodes().skipExclusiveGateway(id, id, id)));
    c.add(new Call("nodes.skipConditionalParallelGateway", Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
        (w, id) -> w.nodes().skipConditionalParallelGateway(id, id, List.of(id))));
    c.add(new Call("nodes.forceFail", Operation.FORCE_FAIL_NODE, (w, id) -> w.nodes().forceFail(id, id, "m")));
    c.add(new Call("nodes.callback", Operation.CALLBACK_NODE, (w, id) -> w.nodes().callback(id, id, Map.of("a", 1), null)));
    c.add(new Call("nodes.retrySubprocess", Operation.RETRY_SUBPROCESS, (w, id) -> w.nodes().retrySubprocess(id, id)));
    c.add(new Call("nodes.data", Operation.GET_NODE_DATA, (w, id) -> w.nodes().data(id, id)));
    c.add(new Call("nodes.histories", Operation.GET_NODE_HISTORY, (w, id) -> w.nodes().histories(id, id)));
    c.add(new Call("groups.start", Operation.START_GROUP, (w, id) -> w.groups().start(new GroupRequest(id, id, Map.of(), 1, false))));
    c.add(new Call("groups.cancel", Operation.CANCEL_GROUP, (w, id) -> w.groups().cancel(id)));
    c.add(new Call("groups.setConcurrency", Operation.SET_GROUP_CONCURRENCY, (w, id) -> w.groups().setConcurrency(id, 2)));
    c.add(new Call("groups.setTargetGroups", Operation.SET_GROUP_TARGETS, (w, id) -> w.groups().setTargetGroups(id, id, id)));
    return c;
  }

  private static List<Call> with(List<Call> own) {
    List<Call> all = new ArrayList<>(unified());
    all.addAll(own);
    return all;
  }

  private static <T> Call own(String name, Class<T> type, BiFunction<T, String, CompletableFuture<?>> invoke) {
    return new Call(name, null, (w, id) -> invoke.apply(type.cast(w), id));
  }

  static Adapter flowable() {
    Class<FlowableClient> t = FlowableClient.class;
    return new Adapter("flowable", "/flowable-rest/service", "id-1",
        s -> s.apply(FlowableClient.builder()).build(), with(List.of(
            own("completeTask", t, (c, id) -> c.completeTask(id, id, Map.of("a", 1))),
            own("getIdentityLinks", t, (c, id) -> c.getIdentityLinks(id)),
            own("addIdentityLink", t, (c, id) -> c.addIdentityLink(id, id, "participant")),
            own("removeIdentityLink", t, (c, id) -> c.removeIdentityLink(id, id, "participant")),
            own("getTypedVariables", t, (c, id) -> c.getTypedVariables(id)),
            own("createBinaryVariable", t, (c, id) -> c.createBinaryVariable(id, id, new byte[] {1, 2})),
            own("updateBinaryVariable", t, (c, id) -> c.updateBinaryVariable(id, id, new byte[] {1, 2})),
            own("getBinaryVariable", t, (c, id) -> c.getBinaryVariable(id, id)),
            own("query", t, (c, id) -> c.query(FlowableInstanceQuery.builder().build())),
            own("getDiagram", t, (c, id) -> c.getDiagram(id)),
            own("startWithOptions", t, (c, id) -> c.start(StartRequest.of(id).build(), Map.of("t", 1), true)),
            own("signal", t, (c, id) -> c.signal(id, null, Map.of(), false)),
            own("messageInstance", t, (c, id) -> c.messageInstance(id, id, Map.of())))));
  }

  static Adapter cloudify() {
    Class<CloudifyClient> t = CloudifyClient.class;
    return new Adapter("cloudify", "/api/v3.1", "id-1",
        s -> s.apply(CloudifyClient.builder()).tenant("default_tenant").build(), with(List.of(
            own("listExecutions", t, (c, id) -> c.listExecutions(CloudifyListQuery.builder().filter("deployment_id", id).build())),
            own("forEachExecution", t, (c, id) -> c.forEachExecution(CloudifyListQuery.all(), e -> { })),
            own("getExecution", t, (c, id) -> c.getExecution(id, List.of())),
            own("startExecution", t, (c, id) -> c.startExecution(CloudifyStartRequest.of(id, id).build())),
            own("createExecution", t, (c, id) -> c.createExecution(CloudifyStartRequest.of(id, id).build())),
            own("cancelExecution", t, (c, id) -> c.cancelExecution(id, CloudifyCancelMode.CANCEL)),
            own("resumeExecution", t, (c, id) -> c.resumeExecution(id, false)),
            own("requeueExecution", t, (c, id) -> c.requeueExecution(id)),
            own("updateExecution", t, (c, id) -> c.updateExecution(id, "failed", "e")),
            own("deleteExecutions", t, (c, id) -> c.deleteExecutions(CloudifyDeleteRequest.keepLast(1).build())),
            own("shouldStart", t, (c, id) -> c.shouldStart(id)),
            own("listGroups", t, (c, id) -> c.listGroups(CloudifyListQuery.all())),
            own("getGroup", t, (c, id) -> c.getGroup(id, List.of())),
            own("createGroup", t, (c, id) -> c.createGroup(CloudifyGroupRequest.of(id, id).build())),
            own("startGroup", t, (c, id) -> c.startGroup(CloudifyGroupRequest.of(id, id).build())),
            own("cancelGroup", t, (c, id) -> c.cancelGroup(id, CloudifyCancelMode.CANCEL)),
            own("resumeGroup", t, (c, id) -> c.resumeGroup(id, false)),
            own("setGroupConcurrency", t, (c, id) -> c.setGroupConcurrency(id, 3)),
            own("setGroupTargets", t, (c, id) -> c.setGroupTargets(id, id, id)),
            own("dumpGroups", t, (c, id) -> c.dumpGroups(List.of(id))))));
  }

  static Adapter bkSops() {
    Class<BkSopsClient> t = BkSopsClient.class;
    return new Adapter("bk-sops", "/prod", "101",
        s -> s.apply(BkSopsClient.builder()).bizId("2").template("101", "101").build(), with(List.of(
            own("createTask", t, (c, id) -> c.createTask(id, id, Map.of("${a}", 1))),
            own("startTask", t, (c, id) -> c.startTask(id)),
            own("operateTask", t, (c, id) -> c.operateTask(id, TaskAction.PAUSE)),
            own("taskStatus", t, (c, id) -> c.taskStatus(id)),
            own("taskStatusSubprocess", t, (c, id) -> c.taskStatus(id, id, true)),
            own("nodeDetail", t, (c, id) -> c.nodeDetail(id, id, 1)),
            own("nodeData", t, (c, id) -> c.nodeData(id, id, 1)),
            own("retryNode", t, (c, id) -> c.retryNode(id, id, Map.of())),
            own("skipNode", t, (c, id) -> c.skipNode(id, id)),
            own("skipExclusiveGatewayTask", t, (c, id) -> c.skipExclusiveGateway(id, id, id)),
            own("pauseNode", t, (c, id) -> c.pauseNode(id, id)),
            own("resumeNode", t, (c, id) -> c.resumeNode(id, id)),
            own("pauseSubprocess", t, (c, id) -> c.pauseSubprocess(id, id)),
            own("resumeSubprocess", t, (c, id) -> c.resumeSubprocess(id, id)),
            own("forcedFail", t, (c, id) -> c.forcedFail(id, id)),
            own("retrySubprocessTask", t, (c, id) -> c.retrySubprocess(id, id)),
            own("callbackTask", t, (c, id) -> c.callback(id, id, Map.of("a", 1), null)))));
  }

  static Adapter obs() {
    Class<ObsClient> t = ObsClient.class;
    return new Adapter("obs", "", "graph-1",
        s -> s.apply(ObsClient.builder()).defaultObject("bucket-1", "object-1").build(), with(List.of(
            own("startWorkflow", t, (c, id) -> c.startWorkflow(id, "bucket-1", "object-1", Map.of("a", 1))),
            own("listExecutions", t, (c, id) -> c.listExecutions(ObsExecutionQuery.of(id).build())),
            own("getExecution", t, (c, id) -> c.getExecution(id, id)),
            own("restoreExecution", t, (c, id) -> c.restoreExecution(id, id)),
            own("createTemplate", t, (c, id) -> c.createTemplate(id, "d", List.of(Map.of("a", 1)), List.of(), null)),
            own("getTemplate", t, (c, id) -> c.getTemplate(id)),
            own("listTemplates", t, (c, id) -> c.listTemplates(id, 0, 10)),
            own("deleteTemplate", t, (c, id) -> c.deleteTemplate(id)),
            own("createWorkflow", t, (c, id) -> c.createWorkflow(id, id, "agency", "d", Map.of())),
            own("getWorkflow", t, (c, id) -> c.getWorkflow(id)),
            own("listWorkflows", t, (c, id) -> c.listWorkflows(id, 0, 10)),
            own("updateWorkflow", t, (c, id) -> c.updateWorkflow(id, Map.of(), "d")),
            own("deleteWorkflow", t, (c, id) -> c.deleteWorkflow(id)),
            own("putTriggerPolicy", t, (c, id) -> c.putTriggerPolicy("bucket-1", List.of())),
            own("getTriggerPolicy", t, (c, id) -> c.getTriggerPolicy("bucket-1")),
            own("deleteTriggerPolicy", t, (c, id) -> c.deleteTriggerPolicy("bucket-1")))));
  }
}
