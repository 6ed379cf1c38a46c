package io.flowport.sync;

import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.NodeState;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every blocking operation gives what the async one gives, and sends the backend the same call. */
class SyncMatchesAsyncTest {
  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instance INSTANCE = Instance.builder().id("i-1").definitionId("order").definitionVersion(3)
      .state(InstanceState.COMPLETED).rawStatus("completed").startTime(T).variables(Map.of("a", 1)).build();

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private SyncWorkflowClient sync;
  private WorkflowClient async;

  @BeforeEach
  void setUp() {
    backend
        .otherwise(Operation.DEPLOY, value(new Deployment("d-1", List.of(new DeployedDefinition("order", 3, "k", "o.bpmn", null)))))
        .otherwise(Operation.START_INSTANCE, value(INSTANCE))
        .otherwise(Operation.START_AND_AWAIT, value(INSTANCE))
        .otherwise(Operation.GET_INSTANCE, value(INSTANCE))
        .otherwise(Operation.LIST_INSTANCES, value(new Page<>(List.of(INSTANCE), "p2", 7)))
        .otherwise(Operation.GET_VARIABLES, value(Map.of("a", 1, "b", List.of("x"))))
        .otherwise(Operation.GET_VARIABLE, value(Map.of("nested", true)))
        .otherwise(Operation.PUBLISH_MESSAGE, value(new MessageReceipt("m-1", "i-1")))
        .otherwise(Operation.GET_NODE_TREE, value(new Node("root", null, "Pipeline", NodeState.RUNNING, "RUNNING",
            0, 1, false, "v1", T, null, List.of())))
        .otherwise(Operation.GET_NODE_DATA, value(new NodeData(Map.of("in", 1), Map.of("out", 2), null)))
        .otherwise(Operation.GET_NODE_HISTORY, value(List.of(new NodeHistory(NodeState.FAILED, 1, 0, false, T, T,
            Map.of(), Map.of()))))
        .otherwise(Operation.START_GROUP, value(new Group("g-1", InstanceState.RUNNING, "started", 2, List.of("i-1"))));
    for (Operation op : List.of(Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE,
        Operation.RETRY_INSTANCE, Operation.DELETE_INSTANCE, Operation.CREATE_VARIABLES, Operation.UPSERT_VARIABLES,
        Operation.PAUSE_NODE, Operation.RESUME_NODE, Operation.RETRY_NODE, Operation.SKIP_NODE,
        Operation.SKIP_EXCLUSIVE_GATEWAY, Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY, Operation.FORCE_FAIL_NODE,
        Operation.CALLBACK_NODE, Operation.RETRY_SUBPROCESS, Operation.CANCEL_GROUP, Operation.SET_GROUP_CONCURRENCY,
        Operation.SET_GROUP_TARGETS)) {
      backend.otherwise(op, value(null));
    }
    async = WorkflowClients.create(backend, ClientOptions.defaults());
    sync = SyncWorkflowClient.of(async);
  }

  @AfterEach
  void tearDown() {
    sync.close();
  }

  private static Arguments call(String name, Operation op, Function<SyncWorkflowClient, Object> sync,
      Function<WorkflowClient, CompletableFuture<?>> async) {
    return Arguments.of(name, op, sync, async);
  }

  private static Function<SyncWorkflowClient, Object> v(java.util.function.Consumer<SyncWorkflowClient> c) {
    return s -> {
      c.accept(s);
      return null;
    };
  }

  static Stream<Arguments> operations() {
    DeployRequest deploy = DeployRequest.of(Resource.of("o.bpmn", new byte[] {1}));
    StartRequest start = StartRequest.of("order").variable("a", 1).build();
    MessageRequest message = MessageRequest.builder("paid", "o-1").messageId("m").build();
    GroupRequest group = new GroupRequest("g", "install", Map.of("p", 1), 2, false);
    Map<String, Object> vars = Map.of("a", 1);
    return Stream.of(
        call("deploy", Operation.DEPLOY, s -> s.definitions().deploy(deploy), a -> a.definitions().deploy(deploy)),
        call("start", Operation.START_INSTANCE, s -> s.instances().start(start), a -> a.instances().start(start)),
        call("startAndAwait", Operation.START_AND_AWAIT, s -> s.instances().startAndAwait(start, Duration.ofSeconds(3)),
            a -> a.instances().startAndAwait(start, Duration.ofSeconds(3))),
        call("get", Operation.GET_INSTANCE, s -> s.instances().get("i-1"), a -> a.instances().get("i-1")),
        call("list", Operation.LIST_INSTANCES, s -> s.instances().list(InstanceQuery.all()),
            a -> a.instances().list(InstanceQuery.all())),
        call("cancel", Operation.CANCEL_INSTANCE, v(s -> s.instances().cancel("i-1")), a -> a.instances().cancel("i-1")),
        call("suspend", Operation.SUSPEND_INSTANCE, v(s -> s.instances().suspend("i-1")), a -> a.instances().suspend("i-1")),
        call("resume", Operation.RESUME_INSTANCE, v(s -> s.instances().resume("i-1")), a -> a.instances().resume("i-1")),
        call("retry", Operation.RETRY_INSTANCE, v(s -> s.instances().retry("i-1")), a -> a.instances().retry("i-1")),
        call("delete", Operation.DELETE_INSTANCE, v(s -> s.instances().delete("i-1", "r")),
            a -> a.instances().delete("i-1", "r")),
        call("variables.getAll", Operation.GET_VARIABLES, s -> s.variables().getAll("i-1"), a -> a.variables().getAll("i-1")),
        call("variables.get", Operation.GET_VARIABLE, s -> s.variables().get("i-1", "a"), a -> a.variables().get("i-1", "a")),
        call("variables.create", Operation.CREATE_VARIABLES, v(s -> s.variables().create("i-1", vars)),
            a -> a.variables().create("i-1", vars)),
        call("variables.upsert", Operation.UPSERT_VARIABLES, v(s -> s.variables().upsert("i-1", vars)),
            a -> a.variables().upsert("i-1", vars)),
        call("publish", Operation.PUBLISH_MESSAGE, s -> s.messages().publish(message), a -> a.messages().publish(message)),
        call("nodes.tree", Operation.GET_NODE_TREE, s -> s.nodes().tree("i-1"), a -> a.nodes().tree("i-1")),
        call("nodes.pause", Operation.PAUSE_NODE, v(s -> s.nodes().pause("i", "n")), a -> a.nodes().pause("i", "n")),
        call("nodes.resume", Operation.RESUME_NODE, v(s -> s.nodes().resume("i", "n")), a -> a.nodes().resume("i", "n")),
        call("nodes.retry", Operation.RETRY_NODE, v(s -> s.nodes().retry("i", "n", vars)), a -> a.nodes().retry("i", "n", vars)),
        call("nodes.skip", Operation.SKIP_NODE, v(s -> s.nodes().skip("i", "n")), a -> a.nodes().skip("i", "n")),
        call("nodes.skipExclusiveGateway", Operation.SKIP_EXCLUSIVE_GATEWAY,
            v(s -> s.nodes().skipExclusiveGateway("i", "n", "f")), a -> a.nodes().skipExclusiveGateway("i", "n", "f")),
        call("nodes.skipConditionalParallelGateway", Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY,
            v(s -> s.nodes().skipConditionalParallelGateway("i", "n", List.of("f"))),
            a -> a.nodes().skipConditionalParallelGateway("i", "n", List.of("f"))),
        call("nodes.forceFail", Operation.FORCE_FAIL_NODE, v(s -> s.nodes().forceFail("i", "n", "m")),
            a -> a.nodes().forceFail("i", "n", "m")),
        call("nodes.callback", Operation.CALLBACK_NODE, v(s -> s.nodes().callback("i", "n", vars, "v1")),
            a -> a.nodes().callback("i", "n", vars, "v1")),
        call("nodes.retrySubprocess", Operation.RETRY_SUBPROCESS, v(s -> s.nodes().retrySubprocess("i", "n")),
            a -> a.nodes().retrySubprocess("i", "n")),
        call("nodes.data", Operation.GET_NODE_DATA, s -> s.nodes().data("i", "n"), a -> a.nodes().data("i", "n")),
        call("nodes.histories", Operation.GET_NODE_HISTORY, s -> s.nodes().histories("i", "n"),
            a -> a.nodes().histories("i", "n")),
        call("groups.start", Operation.START_GROUP, s -> s.groups().start(group), a -> a.groups().start(group)),
        call("groups.cancel", Operation.CANCEL_GROUP, v(s -> s.groups().cancel("g")), a -> a.groups().cancel("g")),
        call("groups.setConcurrency", Operation.SET_GROUP_CONCURRENCY, v(s -> s.groups().setConcurrency("g", 3)),
            a -> a.groups().setConcurrency("g", 3)),
        call("groups.setTargetGroups", Operation.SET_GROUP_TARGETS, v(s -> s.groups().setTargetGroups("g", "a", null)),
            a -> a.groups().setTargetGroups("g", "a", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void theBlockingResultEqualsTheAsyncOne(String name, Operation op, Function<SyncWorkflowClient, Object> blocking,
      Function<WorkflowClient, CompletableFuture<?>> nonBlocking) {
    Object fromSync = blocking.apply(sync);
    Object fromAsync = nonBlocking.apply(async).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(fromSync).isEqualTo(fromAsync);
    List<ScriptedBackend.Attempt> attempts = backend.attempts(op);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).args()).usingRecursiveComparison().isEqualTo(attempts.get(1).args());
  }

  @org.junit.jupiter.api.Test
  void theTableCoversEveryOperation() {
    assertThat(operations().map(a -> (Operation) a.get()[1]).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(ScriptedBackend.ALL_OPERATIONS);
  }
}
