package io.flowport.testkit.engine;

import static io.flowport.testkit.engine.Fixtures.bpmn;
import static io.flowport.testkit.engine.Fixtures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.EngineException.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeOperationsTest {
  private final InMemoryEngine engine = InMemoryEngine.create();

  @AfterEach
  void close() {
    engine.close();
  }

  /** bamboo_engine/states.py TRANSITION, row by row (engine-wire-notes section 3). */
  static Stream<Arguments> transitionTable() {
    return Stream.of(
        Arguments.of(NodeStatus.READY, EnumSet.of(NodeStatus.RUNNING, NodeStatus.SUSPENDED)),
        Arguments.of(NodeStatus.LOOP_READY, EnumSet.of(NodeStatus.RUNNING, NodeStatus.SUSPENDED)),
        Arguments.of(NodeStatus.RUNNING, EnumSet.of(NodeStatus.FINISHED, NodeStatus.FAILED, NodeStatus.REVOKED, NodeStatus.SUSPENDED, NodeStatus.ROLLING_BACK)),
        Arguments.of(NodeStatus.SUSPENDED, EnumSet.of(NodeStatus.READY, NodeStatus.REVOKED, NodeStatus.RUNNING, NodeStatus.ROLLING_BACK)),
        Arguments.of(NodeStatus.BLOCKED, EnumSet.noneOf(NodeStatus.class)),
        Arguments.of(NodeStatus.REVOKED, EnumSet.noneOf(NodeStatus.class)),
        Arguments.of(NodeStatus.FINISHED, EnumSet.of(NodeStatus.RUNNING, NodeStatus.FAILED, NodeStatus.ROLLING_BACK)),
        Arguments.of(NodeStatus.FAILED, EnumSet.of(NodeStatus.READY, NodeStatus.FINISHED, NodeStatus.LOOP_READY)),
        Arguments.of(NodeStatus.ROLLING_BACK, EnumSet.of(NodeStatus.ROLL_BACK_SUCCESS, NodeStatus.ROLL_BACK_FAILED)),
        Arguments.of(NodeStatus.ROLL_BACK_SUCCESS, EnumSet.of(NodeStatus.READY, NodeStatus.FINISHED)),
        Arguments.of(NodeStatus.ROLL_BACK_FAILED, EnumSet.of(NodeStatus.READY, NodeStatus.FINISHED, NodeStatus.ROLLING_BACK)),
        Arguments.of(NodeStatus.CREATED, EnumSet.noneOf(NodeStatus.class)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("transitionTable")
  void transitionTableRow(NodeStatus from, Set<NodeStatus> allowed) {
    assertThat(from.allowedTargets()).isEqualTo(allowed);
    for (NodeStatus to : NodeStatus.values()) {
      assertThat(from.canTransitTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
    }
  }

  private String startOrder(Map<String, Object> vars) {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    return engine.start("order", vars).id();
  }

  private NodeSnapshot node(String id, String nodeId) {
    return engine.tree(id).find(nodeId).orElseThrow();
  }

  @Test
  void retryNodeRequiresFailedAndRecordsHistory() {
    String id = startOrder(Map.of("amount", 1));
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.retryNode(id, "charge", null)).getMessage()).contains("RUNNING");
    engine.forceFail(id, "charge", "gateway timeout");
    assertThat(node(id, "charge").state()).isEqualTo(NodeStatus.FAILED);
    engine.retryNode(id, "charge", Map.of("card", "new"));
    NodeSnapshot charge = node(id, "charge");
    assertThat(charge.state()).isEqualTo(NodeStatus.RUNNING);
    assertThat(charge.retry()).isEqualTo(1);
    assertThat(engine.executionData(id, "charge").inputs()).containsEntry("card", "new");
    List<NodeAttempt> h = engine.histories(id, "charge");
    assertThat(h).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(NodeStatus.FAILED);
      assertThat(e.retry()).isZero();
      assertThat(e.errorMessage()).isEqualTo("gateway timeout");
    });
    engine.completeJob(engine.activeJobs("charge").get(0).key(), Map.of());
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void skipNodeContinuesTheFlow() {
    String id = startOrder(Map.of("amount", 1));
    failsWith(Reason.ILLEGAL_STATE, () -> engine.skipNode(id, "charge"));
    engine.forceFail(id, "charge", "x");
    assertThat(engine.activeJobs("charge")).isEmpty();
    engine.skipNode(id, "charge");
    NodeSnapshot charge = node(id, "charge");
    assertThat(charge.skip()).isTrue();
    assertThat(charge.state()).isEqualTo(NodeStatus.FINISHED);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.histories(id, "charge")).hasSize(1);
  }

  @Test
  void skipNodeRejectsGateways() {
    engine.registerHandler("charge", j -> j.complete());
    String id = startOrder(Map.of());
    assertThat(node(id, "big").state()).isEqualTo(NodeStatus.FAILED);
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.skipNode(id, "big")).getMessage()).contains("EXCLUSIVE_GATEWAY");
  }

  @Test
  void skipExclusiveGateway() {
    engine.registerHandler("charge", j -> j.complete());
    String id = startOrder(Map.of());
    failsWith(Reason.ILLEGAL_STATE, () -> engine.skipExclusiveGateway(id, "charge", "f2"));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.skipExclusiveGateway(id, "big", "nope"));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.skipExclusiveGateway(id, "big", null));
    engine.skipExclusiveGateway(id, "big", "large");
    assertThat(engine.get(id).activeNodeIds()).containsExactly("review");
    assertThat(node(id, "big").skip()).isTrue();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.skipExclusiveGateway(id, "big", "large"));
  }

  @Test
  void skipConditionalParallelGateway() {
    engine.deploy(ProcessModel.builder("cp").startEvent("s").conditionalParallelGateway("fork")
        .flowId("toA").condition("x > 1").serviceTask("a", "a").parallelGateway("join").endEvent("e")
        .moveTo("fork").flowId("toB").condition("x > 5").serviceTask("b", "b").connectTo("join").build());
    String id = engine.start("cp", Map.of("x", "text")).id();
    assertThat(node(id, "fork").state()).isEqualTo(NodeStatus.FAILED);
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.skipConditionalParallelGateway(id, "fork", List.of()));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.skipConditionalParallelGateway(id, "fork", List.of("zzz")));
    engine.skipConditionalParallelGateway(id, "fork", List.of("toB"));
    assertThat(engine.get(id).activeNodeIds()).containsExactly("b");
    engine.completeJob(engine.activeJobs("b").get(0).key(), null);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void forceFailNeedsRunningActivity() {
    engine.deploy("timer.bpmn", bpmn("timer.bpmn"));
    String t = engine.start("delay", Map.of()).id();
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.forceFail(t, "wait", "x")).getMessage()).contains("TIMER_CATCH_EVENT");
    String id = startOrder(Map.of("amount", 1));
    engine.forceFail(id, "charge", "x");
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.forceFail(id, "charge", "x")).getMessage()).contains("FAILED");
    assertThat(engine.get(id).incidents()).singleElement().satisfies(i -> assertThat(i.message()).isEqualTo("x"));
  }

  @Test
  void callbackWithVersion() {
    String id = startOrder(Map.of("amount", 1));
    NodeSnapshot charge = node(id, "charge");
    failsWith(Reason.ILLEGAL_STATE, () -> engine.callback(id, "start", Map.of(), charge.version()));
    EngineException stale = failsWith(Reason.STALE_VERSION, () -> engine.callback(id, "charge", Map.of(), "v-old"));
    assertThat(stale.getMessage()).contains(charge.version());
    engine.pauseNode(id, "charge");
    engine.resumeNode(id, "charge");
    failsWith(Reason.STALE_VERSION, () -> engine.callback(id, "charge", Map.of(), charge.version()));
    engine.callback(id, "charge", Map.of("cb", 1), node(id, "charge").version());
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.executionData(id, "charge").outputs()).containsEntry("cb", 1);
    assertThat(engine.activeJobs("charge")).isEmpty();
  }

  @Test
  void pauseNodeAppointmentStopsTokenAndResumeRunsIt() {
    engine.deploy("parallel.bpmn", bpmn("parallel.bpmn"));
    engine.deploy(ProcessModel.builder("seq").startEvent("s").serviceTask("t1", "t1").serviceTask("t2", "t2").endEvent("e").build());
    String id = engine.start("seq", Map.of()).id();
    engine.pauseNode(id, "t2");
    assertThat(node(id, "t2").state()).isEqualTo(NodeStatus.SUSPENDED);
    engine.completeJob(engine.activeJobs("t1").get(0).key(), null);
    assertThat(engine.activeJobs("t2")).isEmpty();
    assertThat(engine.get(id).activeNodeIds()).containsExactly("t2");
    failsWith(Reason.ILLEGAL_STATE, () -> engine.resumeNode(id, "t1"));
    engine.resumeNode(id, "t2");
    assertThat(engine.activeJobs("t2")).hasSize(1);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.pauseNode(id, "t1"));
  }

  @Test
  void pausedRunningNodeRejectsJobCompletion() {
    String id = startOrder(Map.of("amount", 1));
    engine.pauseNode(id, "charge");
    String job = engine.activeJobs("charge").get(0).key();
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.completeJob(job, Map.of())).getMessage()).contains("SUSPENDED");
    failsWith(Reason.ILLEGAL_STATE, () -> engine.pauseNode(id, "charge"));
    engine.resumeNode(id, "charge");
    engine.completeJob(job, Map.of());
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void subprocessFailurePropagatesAndRetrySubprocessReruns() {
    engine.deploy("subprocess.bpmn", bpmn("subprocess.bpmn"));
    String id = engine.start("nested", Map.of()).id();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.pauseNode(id, "sub"));
    failsWith(Reason.ILLEGAL_STATE, () -> engine.retrySubprocess(id, "sub"));
    failsWith(Reason.ILLEGAL_STATE, () -> engine.retrySubprocess(id, "inner"));
    engine.forceFail(id, "inner", "boom");
    assertThat(node(id, "sub").state()).isEqualTo(NodeStatus.FAILED);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.retryNode(id, "sub", null));
    engine.retrySubprocess(id, "sub");
    assertThat(node(id, "sub").state()).isEqualTo(NodeStatus.RUNNING);
    assertThat(node(id, "sub").retry()).isEqualTo(1);
    assertThat(node(id, "inner").state()).isEqualTo(NodeStatus.RUNNING);
    assertThat(engine.histories(id, "inner")).singleElement().satisfies(h -> assertThat(h.state()).isEqualTo(NodeStatus.FAILED));
    assertThat(engine.get(id).incidents()).isEmpty();
    engine.completeJob(engine.activeJobs("inner").get(0).key(), null);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void retryingChildRecoversFailedSubprocess() {
    engine.deploy("subprocess.bpmn", bpmn("subprocess.bpmn"));
    String id = engine.start("nested", Map.of()).id();
    engine.forceFail(id, "inner", "boom");
    engine.retryNode(id, "inner", null);
    assertThat(node(id, "sub").state()).isEqualTo(NodeStatus.RUNNING);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void unknownNodesAndBadArguments() {
    String id = startOrder(Map.of("amount", 1));
    failsWith(Reason.NODE_NOT_FOUND, () -> engine.retryNode(id, "ghost", null));
    failsWith(Reason.NODE_NOT_FOUND, () -> engine.executionData(id, "ghost"));
    failsWith(Reason.NODE_NOT_FOUND, () -> engine.histories(id, "ghost"));
    failsWith(Reason.NODE_NOT_FOUND, () -> engine.pauseNode(id, "ghost"));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.skipNode(id, null));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.callback(id, "charge", Map.of(), " "));
    failsWith(Reason.INSTANCE_NOT_FOUND, () -> engine.tree("123"));
    failsWith(Reason.ILLEGAL_STATE, () -> engine.skipNode(id, "review"));
    assertThat(engine.executionData(id, "review").inputs()).isEmpty();
  }

  @Test
  void revokeRevokesRunningNodes() {
    String id = startOrder(Map.of("amount", 1));
    engine.revokeInstance(id);
    assertThat(node(id, "charge").state()).isEqualTo(NodeStatus.REVOKED);
    assertThat(engine.tree(id).state()).isEqualTo(NodeStatus.REVOKED);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.CANCELLED);
    assertThat(engine.activeJobs(null)).isEmpty();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.revokeInstance(id));
  }

  @Test
  void versionChangesOnEveryStateChange() {
    String id = startOrder(Map.of("amount", 1));
    String v1 = node(id, "charge").version();
    engine.pauseNode(id, "charge");
    String v2 = node(id, "charge").version();
    assertThat(v2).isNotEqualTo(v1).startsWith("v");
  }
}
