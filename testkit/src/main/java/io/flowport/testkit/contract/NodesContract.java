package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.NodeNotFoundException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.StaleVersionException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.NodeState;
import io.flowport.core.model.StartRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: bamboo's node operations (bk-sops), one test per operation, each with the
 * error its illegal state gets. Every test needs the node tree to see what it did.
 */
abstract class NodesContract extends ContractPart {

  /** Starts {@code scenario} after checking every operation the test needs. */
  private String start(Scenario scenario, Operation... needed) {
    require(Operation.START_INSTANCE);
    require(Operation.GET_NODE_TREE);
    for (Operation op : needed) {
      require(op);
    }
    return await(client().instances().start(StartRequest.of(definition(scenario)).build())).id();
  }

  private Node node(String instanceId, String nodeId) {
    Node node = await(client().nodes().tree(instanceId)).find(nodeId);
    assertNotNull(node, () -> "the tree of " + instanceId + " holds node " + nodeId);
    return node;
  }

  /** Whether the tree of an instance that has ended can still be read. */
  private boolean endedReadable() {
    return target().expectations().endedInstancesReadable();
  }

  private void assertEndsAs(InstanceState expected, String instanceId) {
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(expected, awaitEnded(instanceId).state());
    }
  }

  @Test
  @DisplayName("nodes: the tree shows the waiting task; force-fail, retry and skip steer it")
  void nodeOperations() {
    String id = start(Scenario.ONE_TASK, Operation.FORCE_FAIL_NODE, Operation.RETRY_NODE, Operation.SKIP_NODE);
    Node work = node(id, "work");
    assertEquals(NodeState.RUNNING, work.state());
    assertInstanceOf(IllegalTransitionException.class,
        failure(client().nodes().retry(id, "work", Map.of())), "retry needs a FAILED node");
    await(client().nodes().forceFail(id, "work", "forced by the contract"));
    assertEquals(NodeState.FAILED, node(id, "work").state());
    await(client().nodes().retry(id, "work", Map.of("attempt", 2)));
    assertEquals(1, node(id, "work").retry());
    await(client().nodes().forceFail(id, "work", "again"));
    await(client().nodes().skip(id, "work"));
    assertEndsAs(InstanceState.COMPLETED, id);
    if (supports(Operation.GET_NODE_HISTORY)) {
      assertFalse(await(client().nodes().histories(id, "work")).isEmpty(), "the runs before are recorded");
    }
  }

  @Test
  @DisplayName("a callback with a stale version is refused")
  void staleCallbackIsRefused() {
    String id = start(Scenario.ONE_TASK, Operation.CALLBACK_NODE);
    String version = node(id, "work").version();
    assertInstanceOf(StaleVersionException.class,
        failure(client().nodes().callback(id, "work", Map.of(), version + "-stale")));
    await(client().nodes().callback(id, "work", Map.of("ok", true), version));
    assertEndsAs(InstanceState.COMPLETED, id);
  }

  @Test
  @DisplayName("tree: the waiting task is RUNNING under the root; an unknown instance fails with InstanceNotFoundException")
  void tree() {
    String id = start(Scenario.ONE_TASK);
    Node root = await(client().nodes().tree(id));
    assertTrue(root.children().stream().anyMatch(n -> n.id().equals("work")), () -> "work is a child of the root: " + root);
    Node work = root.find("work");
    assertEquals(NodeState.RUNNING, work.state());
    assertNotNull(work.version(), "a waiting node has a state version");
    assertInstanceOf(InstanceNotFoundException.class, failure(client().nodes().tree("424242424245")));
  }

  @Test
  @DisplayName("pause and resume a node; doing either twice fails with IllegalTransitionException")
  void pauseAndResume() {
    String id = start(Scenario.ONE_TASK, Operation.PAUSE_NODE, Operation.RESUME_NODE);
    await(client().nodes().pause(id, "work"));
    assertEquals(NodeState.SUSPENDED, node(id, "work").state());
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().pause(id, "work")));
    await(client().nodes().resume(id, "work"));
    assertEquals(NodeState.RUNNING, node(id, "work").state());
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().resume(id, "work")));
  }

  @Test
  @DisplayName("retry a FAILED node with new inputs; retrying a RUNNING one fails with IllegalTransitionException")
  void retryWithInputs() {
    String id = start(Scenario.ONE_TASK, Operation.FORCE_FAIL_NODE, Operation.RETRY_NODE);
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().retry(id, "work", Map.of("attempt", 2))));
    await(client().nodes().forceFail(id, "work", "first try failed"));
    await(client().nodes().retry(id, "work", Map.of("attempt", 2)));
    Node work = node(id, "work");
    assertEquals(NodeState.RUNNING, work.state());
    assertEquals(1, work.retry());
    if (supports(Operation.GET_NODE_DATA)) {
      NodeData data = await(client().nodes().data(id, "work"));
      assertEquals(2, ((Number) data.inputs().get("attempt")).intValue(), () -> "the retry ran with the new inputs: " + data);
    }
  }

  @Test
  @DisplayName("skip a FAILED node and the instance goes on; skipping a RUNNING one fails with IllegalTransitionException")
  void skip() {
    String id = start(Scenario.ONE_TASK, Operation.FORCE_FAIL_NODE, Operation.SKIP_NODE);
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().skip(id, "work")));
    await(client().nodes().forceFail(id, "work", "cannot work"));
    await(client().nodes().skip(id, "work"));
    assertEndsAs(InstanceState.COMPLETED, id);
    if (endedReadable()) {
      Node work = node(id, "work");
      assertTrue(work.skipped(), () -> "the node says it was skipped: " + work);
      assertEquals(NodeState.FINISHED, work.state());
    }
  }

  @Test
  @DisplayName("skip a FAILED exclusive gateway along a flow; an unknown flow, a task or a skipped gateway is refused")
  void skipExclusiveGateway() {
    String id = start(Scenario.EXCLUSIVE_GATEWAY, Operation.SKIP_EXCLUSIVE_GATEWAY);
    assertEquals(NodeState.FAILED, node(id, "choose").state(), "no flow's condition can be evaluated");
    assertInstanceOf(RequestRejectedException.class,
        failure(client().nodes().skipExclusiveGateway(id, "choose", "no-such-flow")));
    await(client().nodes().skipExclusiveGateway(id, "choose", "right"));
    assertEndsAs(InstanceState.COMPLETED, id);
    if (endedReadable()) {
      assertTrue(node(id, "choose").skipped(), "the gateway says it was skipped");
      assertInstanceOf(IllegalTransitionException.class,
          failure(client().nodes().skipExclusiveGateway(id, "choose", "right")), "the gateway is no longer FAILED");
    }
    String task = start(Scenario.ONE_TASK);
    assertInstanceOf(IllegalTransitionException.class,
        failure(client().nodes().skipExclusiveGateway(task, "work", "f2")), "a task is not a gateway");
  }

  @Test
  @DisplayName("force-fail a RUNNING task: node and instance are FAILED; again fails with IllegalTransitionException")
  void forceFail() {
    String id = start(Scenario.ONE_TASK, Operation.FORCE_FAIL_NODE);
    await(client().nodes().forceFail(id, "work", "operator stopped it"));
    assertEquals(NodeState.FAILED, node(id, "work").state());
    if (supports(Operation.GET_INSTANCE)) {
      assertEquals(InstanceState.FAILED, await(client().instances().get(id)).state());
    }
    if (supports(Operation.GET_NODE_DATA)) {
      String error = await(client().nodes().data(id, "work")).errorMessage();
      if (target().expectations().forceFailKeepsMessage()) {
        assertEquals("operator stopped it", error);
      } else {
        assertNotNull(error, "the node says why it failed");
      }
    }
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().forceFail(id, "work", "again")));
  }

  @Test
  @DisplayName("callback with the current version completes the node with its data; a FINISHED node refuses one")
  void callbackWithCurrentVersion() {
    String id = start(Scenario.ONE_TASK, Operation.CALLBACK_NODE);
    String version = node(id, "work").version();
    await(client().nodes().callback(id, "work", Map.of("answer", 42), version));
    assertEndsAs(InstanceState.COMPLETED, id);
    if (endedReadable()) {
      Node work = node(id, "work");
      assertEquals(NodeState.FINISHED, work.state());
      if (supports(Operation.GET_NODE_DATA)) {
        assertEquals(42, ((Number) await(client().nodes().data(id, "work")).outputs().get("answer")).intValue());
      }
      assertInstanceOf(IllegalTransitionException.class,
          failure(client().nodes().callback(id, "work", Map.of(), work.version())), "a FINISHED node waits for nothing");
    }
  }

  @Test
  @DisplayName("callback with a stale version fails with StaleVersionException and leaves the node waiting")
  void callbackWithStaleVersion() {
    String id = start(Scenario.ONE_TASK, Operation.CALLBACK_NODE, Operation.PAUSE_NODE, Operation.RESUME_NODE);
    String before = node(id, "work").version();
    await(client().nodes().pause(id, "work"));
    await(client().nodes().resume(id, "work"));
    Node work = node(id, "work");
    assertFalse(before.equals(work.version()), "every state change makes a new version");
    assertInstanceOf(StaleVersionException.class, failure(client().nodes().callback(id, "work", Map.of(), before)));
    assertEquals(NodeState.RUNNING, node(id, "work").state());
    await(client().nodes().callback(id, "work", Map.of(), work.version()));
    assertEndsAs(InstanceState.COMPLETED, id);
  }

  @Test
  @DisplayName("retry a FAILED subprocess: it runs again; a RUNNING one or a task fails with IllegalTransitionException")
  void retrySubprocess() {
    String id = start(Scenario.SUBPROCESS, Operation.FORCE_FAIL_NODE, Operation.RETRY_SUBPROCESS);
    assertEquals(NodeState.RUNNING, node(id, "sub").state());
    assertInstanceOf(IllegalTransitionException.class, failure(client().nodes().retrySubprocess(id, "sub")));
    await(client().nodes().forceFail(id, "inner", "inside failed"));
    assertEquals(NodeState.FAILED, node(id, "sub").state(), "a failed node fails its subprocess");
    assertInstanceOf(IllegalTransitionException.class,
        failure(client().nodes().retrySubprocess(id, "inner")), "a task is not a subprocess");
    await(client().nodes().retrySubprocess(id, "sub"));
    Node sub = node(id, "sub");
    assertEquals(NodeState.RUNNING, sub.state());
    assertEquals(1, sub.retry());
    assertEquals(NodeState.RUNNING, node(id, "inner").state());
  }

  @Test
  @DisplayName("node data: a task's inputs are the variables it started with; an unknown node fails with NodeNotFoundException")
  void nodeData() {
    require(Operation.GET_NODE_DATA);
    require(Operation.START_INSTANCE);
    String id = await(client().instances().start(
        StartRequest.of(definition(Scenario.ONE_TASK)).variable("color", "blue").build())).id();
    NodeData data = await(client().nodes().data(id, "work"));
    assertEquals("blue", data.inputs().get("color"));
    assertInstanceOf(NodeNotFoundException.class, failure(client().nodes().data(id, "no-such-node")));
  }

  @Test
  @DisplayName("histories: none for a first run, one FAILED run after a retry; an unknown node fails with NodeNotFoundException")
  void histories() {
    String id = start(Scenario.ONE_TASK, Operation.GET_NODE_HISTORY, Operation.FORCE_FAIL_NODE, Operation.RETRY_NODE);
    assertTrue(await(client().nodes().histories(id, "work")).isEmpty(), "nothing ran before");
    await(client().nodes().forceFail(id, "work", "boom"));
    await(client().nodes().retry(id, "work", Map.of()));
    List<NodeHistory> runs = await(client().nodes().histories(id, "work"));
    assertEquals(1, runs.size(), () -> "the failed run is recorded: " + runs);
    assertEquals(NodeState.FAILED, runs.get(0).state());
    assertEquals(0, runs.get(0).retry());
    assertInstanceOf(NodeNotFoundException.class, failure(client().nodes().histories(id, "no-such-node")));
  }
}
