package io.flowport.core.testing;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Every operation of {@link WorkflowClient} as a table of calls, for parameterized tests. */
public final class Calls {
  private Calls() {}

  /** One call of one operation. */
  public record Call(String name, Operation operation, Function<WorkflowClient, CompletableFuture<?>> call) {
    public CompletableFuture<?> on(WorkflowClient client) {
      return call.apply(client);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Ids a client must refuse before the wire. */
  public static final List<String> BAD_IDS = java.util.Arrays.asList(null, "", "  \t");

  private static final byte[] BPMN = "<definitions/>".getBytes(StandardCharsets.UTF_8);

  /** One well-formed call of every operation of every group. */
  public static List<Call> valid() {
    return List.of(
        new Call("definitions.deploy", Operation.DEPLOY,
            c -> c.definitions().deploy(DeployRequest.of(Resource.of("order.bpmn", BPMN)))),
        new Call("instances.start", Operation.START_INSTANCE,
            c -> c.instances().start(StartRequest.of("order").variable("a", 1).build())),
        new Call("instances.startAndAwait", Operation.START_AND_AWAIT,
            c -> c.instances().startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(5))),
        new Call("instances.get", Operation.GET_INSTANCE, c -> c.instances().get("i-1")),
        new Call("instances.list", Operation.LIST_INSTANCES, c -> c.instances().list(InstanceQuery.all())),
        new Call("instances.forEach", Operation.LIST_INSTANCES,
            c -> c.instances().forEach(InstanceQuery.all(), i -> {})),
        new Call("instances.cancel", Operation.CANCEL_INSTANCE, c -> c.instances().cancel("i-1")),
        new Call("instances.suspend", Operation.SUSPEND_INSTANCE, c -> c.instances().suspend("i-1")),
        new Call("instances.resume", Operation.RESUME_INSTANCE, c -> c.instances().resume("i-1")),
        new Call("instances.retry", Operation.RETRY_INSTANCE, c -> c.instances().retry("i-1")),
        new Call("instances.delete", Operation.DELETE_INSTANCE, c -> c.instances().delete("i-1", "done")),
        new Call("variables.getAll", Operation.GET_VARIABLES, c -> c.variables().getAll("i-1")),
        new Call("variables.get", Operation.GET_VARIABLE, c -> c.variables().get("i-1", "a")),
        new Call("variables.create", Operation.CREATE_VARIABLES, c -> c.variables().create("i-1", Map.of("a", 1))),
        new Call("variables.upsert", Operation.UPSERT_VARIABLES, c -> c.variables().upsert("i-1", Map.of("a", 1))),
        new Call("messages.publish", Operation.PUBLISH_MESSAGE,
            c -> c.messages().publish(MessageRequest.builder("paid", "order-1").build())),
        new Call("nodes.tree", Operation.GET_NODE_TREE, c -> c.nodes().tree("i-1")),
        new Call("nodes.pause", Operation.PAUSE_NODE, c -> c.nodes().pause("i-1", "n-1")),
        new Call("nodes.resume", Operation.RESUME_NODE, c -> c.nodes().resume("i-1", "n-1")),
        new Call("nodes.retry", Operation.RETRY_NODE, c -> c.nodes().retry("i-1", "n-1", Map.of("x", 1))),
        new Call("nodes.skip", Operation.SKIP_NODE, c -> c.nodes().skip("i-1", "n-1")),
        new Call("nodes.skipExclusiveGateway", Operation.SKIP_EXCLUSIVE_GATEWAY,
            c -> c.nodes().skipExclusiveGateway("i-1", "n-1", "f-1")),
        new Call("nodes.skipConditionalParallelGateway", Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
            c -> c.nodes().skipConditionalParallelGateway("i-1", "n-1", List.of("f-1", "f-2"))),
        new Call("nodes.forceFail", Operation.FORCE_FAIL_NODE, c -> c.nodes().forceFail("i-1", "n-1", "stop")),
        new Call("nodes.callback", Operation.CALLBACK_NODE,
            c -> c.nodes().callback("i-1", "n-1", Map.of("ok", true), "v1")),
        new Call("nodes.retrySubprocess", Operation.RETRY_SUBPROCESS, c -> c.nodes().retrySubprocess("i-1", "n-1")),
        new Call("nodes.data", Operation.GET_NODE_DATA, c -> c.nodes().data("i-1", "n-1")),
        new Call("nodes.histories", Operation.GET_NODE_HISTORY, c -> c.nodes().histories("i-1", "n-1")),
        new Call("groups.start", Operation.START_GROUP,
            c -> c.groups().start(new GroupRequest("g-1", "install", Map.of("p", 1), 2, false))),
        new Call("groups.cancel", Operation.CANCEL_GROUP, c -> c.groups().cancel("g-1")),
        new Call("groups.setConcurrency", Operation.SET_GROUP_CONCURRENCY, c -> c.groups().setConcurrency("g-1", 3)),
        new Call("groups.setTargetGroups", Operation.SET_GROUP_TARGETS,
            c -> c.groups().setTargetGroups("g-1", "ok", "failed")));
  }

  /**
   * Every operation with each of its ids (and its request, where it takes one) null or blank in
   * turn, plus other arguments the client must refuse.
   */
  public static List<Call> invalid() {
    List<Call> calls = new ArrayList<>();
    for (String bad : BAD_IDS) {
      String b = bad == null ? "null" : "'" + bad + "'";
      Operation start = Operation.START_INSTANCE;
      calls.add(new Call("deploy resource named " + b, Operation.DEPLOY,
          c -> c.definitions().deploy(DeployRequest.of(Resource.of(bad == null ? "" : bad, BPMN)))));
      calls.add(new Call("start definition " + b, start,
          c -> c.instances().start(StartRequest.builder().definition(DefinitionRef.latest(bad)).build())));
      calls.add(new Call("start definition key " + b, start,
          c -> c.instances().start(StartRequest.builder().definition(DefinitionRef.key(bad)).build())));
      calls.add(new Call("start message " + b, start,
          c -> c.instances().start(StartRequest.builder().messageName(bad).build())));
      calls.add(new Call("startAndAwait definition " + b, Operation.START_AND_AWAIT,
          c -> c.instances().startAndAwait(StartRequest.of(bad).build(), Duration.ofSeconds(1))));
      calls.add(id("instances.get", Operation.GET_INSTANCE, bad, c -> c.instances().get(bad)));
      calls.add(id("instances.cancel", Operation.CANCEL_INSTANCE, bad, c -> c.instances().cancel(bad)));
      calls.add(id("instances.suspend", Operation.SUSPEND_INSTANCE, bad, c -> c.instances().suspend(bad)));
      calls.add(id("instances.resume", Operation.RESUME_INSTANCE, bad, c -> c.instances().resume(bad)));
      calls.add(id("instances.retry", Operation.RETRY_INSTANCE, bad, c -> c.instances().retry(bad)));
      calls.add(id("instances.delete", Operation.DELETE_INSTANCE, bad, c -> c.instances().delete(bad, "r")));
      calls.add(id("variables.getAll", Operation.GET_VARIABLES, bad, c -> c.variables().getAll(bad)));
      calls.add(id("variables.get instance", Operation.GET_VARIABLE, bad, c -> c.variables().get(bad, "a")));
      calls.add(id("variables.get name", Operation.GET_VARIABLE, bad, c -> c.variables().get("i", bad)));
      calls.add(id("variables.create", Operation.CREATE_VARIABLES, bad, c -> c.variables().create(bad, Map.of())));
      calls.add(id("variables.upsert", Operation.UPSERT_VARIABLES, bad, c -> c.variables().upsert(bad, Map.of())));
      calls.add(id("messages.publish name", Operation.PUBLISH_MESSAGE, bad,
          c -> c.messages().publish(MessageRequest.builder(bad, "k").build())));
      calls.add(id("nodes.tree", Operation.GET_NODE_TREE, bad, c -> c.nodes().tree(bad)));
      addNodeCalls(calls, bad, true);
      addNodeCalls(calls, bad, false);
      calls.add(id("nodes.skipExclusiveGateway flow", Operation.SKIP_EXCLUSIVE_GATEWAY, bad,
          c -> c.nodes().skipExclusiveGateway("i", "n", bad)));
      calls.add(id("nodes.skipConditionalParallelGateway flow", Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY, bad,
          c -> c.nodes().skipConditionalParallelGateway("i", "n", java.util.Arrays.asList("f", bad))));
      calls.add(id("groups.start group", Operation.START_GROUP, bad,
          c -> c.groups().start(new GroupRequest(bad, "install", Map.of(), 1, false))));
      calls.add(id("groups.start workflow", Operation.START_GROUP, bad,
          c -> c.groups().start(new GroupRequest("g", bad, Map.of(), 1, false))));
      calls.add(id("groups.cancel", Operation.CANCEL_GROUP, bad, c -> c.groups().cancel(bad)));
      calls.add(id("groups.setConcurrency", Operation.SET_GROUP_CONCURRENCY, bad,
          c -> c.groups().setConcurrency(bad, 1)));
      calls.add(id("groups.setTargetGroups", Operation.SET_GROUP_TARGETS, bad,
          c -> c.groups().setTargetGroups(bad, "a", "b")));
    }
    // Null requests and other arguments that are not ids.
    calls.add(new Call("deploy null request", Operation.DEPLOY, c -> c.definitions().deploy(null)));
    calls.add(new Call("deploy no resources", Operation.DEPLOY,
        c -> c.definitions().deploy(DeployRequest.builder().build())));
    calls.add(new Call("start null request", Operation.START_INSTANCE, c -> c.instances().start(null)));
    calls.add(new Call("start neither definition nor message", Operation.START_INSTANCE,
        c -> c.instances().start(StartRequest.builder().build())));
    calls.add(new Call("start both definition and message", Operation.START_INSTANCE,
        c -> c.instances().start(StartRequest.of("order").messageName("m").build())));
    calls.add(new Call("startAndAwait null request", Operation.START_AND_AWAIT,
        c -> c.instances().startAndAwait(null, Duration.ofSeconds(1))));
    calls.add(new Call("startAndAwait null timeout", Operation.START_AND_AWAIT,
        c -> c.instances().startAndAwait(StartRequest.of("order").build(), null)));
    calls.add(new Call("startAndAwait zero timeout", Operation.START_AND_AWAIT,
        c -> c.instances().startAndAwait(StartRequest.of("order").build(), Duration.ZERO)));
    calls.add(new Call("list null query", Operation.LIST_INSTANCES, c -> c.instances().list(null)));
    calls.add(new Call("forEach null query", Operation.LIST_INSTANCES, c -> c.instances().forEach(null, i -> {})));
    calls.add(new Call("forEach null action", Operation.LIST_INSTANCES,
        c -> c.instances().forEach(InstanceQuery.all(), null)));
    calls.add(new Call("variables.create null map", Operation.CREATE_VARIABLES,
        c -> c.variables().create("i", null)));
    calls.add(new Call("variables.upsert null map", Operation.UPSERT_VARIABLES,
        c -> c.variables().upsert("i", null)));
    calls.add(new Call("variables.upsert blank variable name", Operation.UPSERT_VARIABLES,
        c -> c.variables().upsert("i", Map.of(" ", 1))));
    calls.add(new Call("publish null request", Operation.PUBLISH_MESSAGE, c -> c.messages().publish(null)));
    calls.add(new Call("skipConditionalParallelGateway null flows", Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
        c -> c.nodes().skipConditionalParallelGateway("i", "n", null)));
    calls.add(new Call("groups.start null request", Operation.START_GROUP, c -> c.groups().start(null)));
    calls.add(new Call("groups.start negative concurrency", Operation.START_GROUP,
        c -> c.groups().start(new GroupRequest("g", "w", Map.of(), -1, false))));
    calls.add(new Call("groups.setConcurrency negative", Operation.SET_GROUP_CONCURRENCY,
        c -> c.groups().setConcurrency("g", -1)));
    return calls;
  }

  private static void addNodeCalls(List<Call> calls, String bad, boolean badInstance) {
    String i = badInstance ? bad : "i";
    String n = badInstance ? "n" : bad;
    String which = badInstance ? " instance" : " node";
    calls.add(id("nodes.pause" + which, Operation.PAUSE_NODE, bad, c -> c.nodes().pause(i, n)));
    calls.add(id("nodes.resume" + which, Operation.RESUME_NODE, bad, c -> c.nodes().resume(i, n)));
    calls.add(id("nodes.retry" + which, Operation.RETRY_NODE, bad, c -> c.nodes().retry(i, n, Map.of())));
    calls.add(id("nodes.skip" + which, Operation.SKIP_NODE, bad, c -> c.nodes().skip(i, n)));
    calls.add(id("nodes.skipExclusiveGateway" + which, Operation.SKIP_EXCLUSIVE_GATEWAY, bad,
        c -> c.nodes().skipExclusiveGateway(i, n, "f")));
    calls.add(id("nodes.skipConditionalParallelGateway" + which, Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY, bad,
        c -> c.nodes().skipConditionalParallelGateway(i, n, List.of("f"))));
    calls.add(id("nodes.forceFail" + which, Operation.FORCE_FAIL_NODE, bad, c -> c.nodes().forceFail(i, n, "m")));
    calls.add(id("nodes.callback" + which, Operation.CALLBACK_NODE, bad,
        c -> c.nodes().callback(i, n, Map.of(), null)));
    calls.add(id("nodes.retrySubprocess" + which, Operation.RETRY_SUBPROCESS, bad,
        c -> c.nodes().retrySubprocess(i, n)));
    calls.add(id("nodes.data" + which, Operation.GET_NODE_DATA, bad, c -> c.nodes().data(i, n)));
    calls.add(id("nodes.histories" + which, Operation.GET_NODE_HISTORY, bad, c -> c.nodes().histories(i, n)));
  }

  private static Call id(String name, Operation op, String bad, Function<WorkflowClient, CompletableFuture<?>> call) {
    return new Call(name + " " + (bad == null ? "null" : "'" + bad + "'"), op, call);
  }
}
