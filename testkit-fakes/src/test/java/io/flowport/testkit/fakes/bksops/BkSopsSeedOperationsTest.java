package io.flowport.testkit.fakes.bksops;

import static io.flowport.testkit.fakes.bksops.BkSopsFixture.GATEWAY;
import static io.flowport.testkit.fakes.bksops.BkSopsFixture.ONE_TASK;
import static io.flowport.testkit.fakes.bksops.BkSopsFixture.SUBPROCESS;
import static io.flowport.testkit.fakes.bksops.BkSopsFixture.TWO_TASKS;
import static io.flowport.testkit.fakes.bksops.BkSopsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.Operation;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.NodeNotFoundException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.StaleVersionException;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.NodeState;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.rest.bksops.NodeDetail;
import io.flowport.rest.bksops.NodeExecution;
import io.flowport.rest.bksops.NodeRun;
import io.flowport.rest.bksops.TaskAction;
import io.flowport.rest.bksops.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each of the 22 operations of bamboo_engine's API (the seed) through BkSopsClient, over real
 * sockets, against the fake gateway: what it does, and the precondition bamboo enforces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BkSopsSeedOperationsTest {
  private BkSopsFixture f;
  private BkSopsClient client;

  @BeforeAll
  void start() {
    f = new BkSopsFixture();
    client = f.client;
  }

  @AfterAll
  void stop() {
    f.close();
  }

  private TaskState node(String taskId, String nodeId) throws Exception {
    return await(client.taskStatus(taskId)).find(nodeId);
  }

  @Test
  @DisplayName("run_pipeline: create_task + start_task run the task; a second start is refused")
  void runPipeline() throws Exception {
    String id = await(client.createTask(ONE_TASK, "run", Map.of("who", "me"))).taskId();
    assertThat(await(client.taskStatus(id)).state()).isEqualTo("CREATED");
    assertThat(await(client.startTask(id))).contains(id);
    assertThat(node(id, "work").state()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> await(client.startTask(id))).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("task already started");
    String other = await(client.createTask(ONE_TASK, "run2", Map.of())).taskId();
    await(client.operateTask(other, TaskAction.START));
    assertThat(await(client.taskStatus(other)).state()).isEqualTo("RUNNING");
  }

  @Test
  @DisplayName("pause_pipeline: the task reads SUSPENDED; a task not started cannot be paused")
  void pausePipeline() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    await(client.operateTask(id, TaskAction.PAUSE));
    assertThat(await(client.taskStatus(id)).state()).isEqualTo("SUSPENDED");
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.SUSPENDED);
    String created = await(client.createTask(ONE_TASK, "idle", Map.of())).taskId();
    assertThatThrownBy(() -> await(client.operateTask(created, TaskAction.PAUSE)))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("task not started");
  }

  @Test
  @DisplayName("revoke_pipeline: REVOKED, and the unified cancel is a revoke")
  void revokePipeline() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    await(client.operateTask(id, TaskAction.REVOKE));
    assertThat(await(client.taskStatus(id)).state()).isEqualTo("REVOKED");
    String other = f.started(ONE_TASK, Map.of());
    await(client.instances().cancel(other));
    assertThat(await(client.instances().get(other)).state()).isEqualTo(InstanceState.CANCELLED);
  }

  @Test
  @DisplayName("resume_pipeline: only a SUSPENDED task resumes")
  void resumePipeline() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    assertThatThrownBy(() -> await(client.operateTask(id, TaskAction.RESUME)))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("state is: RUNNING");
    await(client.instances().suspend(id));
    await(client.instances().resume(id));
    assertThat(await(client.taskStatus(id)).state()).isEqualTo("RUNNING");
  }

  @Test
  @DisplayName("pause_node_appoint: a node not reached yet stops the task there (NODE_SUSPENDED); not a subprocess")
  void pauseNodeAppoint() throws Exception {
    String id = f.started(TWO_TASKS, Map.of());
    await(client.pauseNode(id, "second"));
    await(client.callback(id, "first", Map.of(), null));
    assertThat(node(id, "second").state()).isEqualTo("SUSPENDED");
    assertThat(await(client.taskStatus(id)).state()).isEqualTo("NODE_SUSPENDED");
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.RUNNING);
    String sub = f.started(SUBPROCESS, Map.of());
    assertThatThrownBy(() -> await(client.nodes().pause(sub, "sub")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("pause_node_appoint");
  }

  @Test
  @DisplayName("resume_node_appoint: a SUSPENDED node runs on; resuming a RUNNING node breaks the transition table")
  void resumeNodeAppoint() throws Exception {
    String id = f.started(TWO_TASKS, Map.of());
    await(client.nodes().pause(id, "second"));
    await(client.callback(id, "first", Map.of(), null));
    await(client.resumeNode(id, "second"));
    assertThat(node(id, "second").state()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> await(client.resumeNode(id, "second")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("from RUNNING to READY");
  }

  @Test
  @DisplayName("retry_node: a FAILED node runs again with new inputs; a RUNNING one cannot be retried")
  void retryNode() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    assertThatThrownBy(() -> await(client.retryNode(id, "work", Map.of())))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("state is not FAILED");
    await(client.forcedFail(id, "work"));
    await(client.retryNode(id, "work", Map.of("attempt", 2)));
    TaskState work = node(id, "work");
    assertThat(work.state()).isEqualTo("RUNNING");
    assertThat(work.retry()).isEqualTo(1);
    assertThat(await(client.nodeData(id, "work", null)).inputs()).containsEntry("attempt", 2);
  }

  @Test
  @DisplayName("retry_subprocess: a FAILED subprocess runs again from its start; only subprocesses")
  void retrySubprocess() throws Exception {
    String id = f.started(SUBPROCESS, Map.of());
    await(client.forcedFail(id, "inner"));
    assertThat(node(id, "sub").state()).isEqualTo("FAILED");
    await(client.retrySubprocess(id, "sub"));
    assertThat(node(id, "inner").state()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> await(client.nodes().retrySubprocess(id, "inner")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("type is not SubProcess");
  }

  @Test
  @DisplayName("skip_node: a FAILED activity is skipped and the task finishes; a gateway cannot be skipped so")
  void skipNode() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    await(client.forcedFail(id, "work"));
    await(client.skipNode(id, "work"));
    assertThat(node(id, "work").skip()).isTrue();
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.COMPLETED);
    String gw = f.started(GATEWAY, Map.of());
    assertThatThrownBy(() -> await(client.skipNode(gw, "choose")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("can not use skip_node api");
  }

  @Test
  @DisplayName("skip_exclusive_gateway: a FAILED gateway continues on the flow given; a flow it lacks is refused")
  void skipExclusiveGateway() throws Exception {
    String id = f.started(GATEWAY, Map.of());
    assertThat(node(id, "choose").state()).isEqualTo("FAILED");
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.FAILED);
    assertThatThrownBy(() -> await(client.skipExclusiveGateway(id, "choose", "nowhere")))
        .isInstanceOf(RequestRejectedException.class).hasMessageContaining("KeyError");
    await(client.nodes().skipExclusiveGateway(id, "choose", "right"));
    assertThat(node(id, "endRight")).isNotNull();
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.COMPLETED);
  }

  @Test
  @DisplayName("skip_conditional_parallel_gateway: the gateway cannot pass the flows, so it fails fast as unsupported")
  void skipConditionalParallelGateway() {
    int before = f.fake.requestCount("POST /operate_node/");
    assertThat(client.capabilities().supports(Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY)).isFalse();
    assertThatThrownBy(() -> await(client.nodes().skipConditionalParallelGateway("10001", "cpg", List.of("a"))))
        .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("bk-sops")
        .hasMessageContaining("never passes flow_ids");
    assertThat(f.fake.requestCount("POST /operate_node/")).isEqualTo(before);
  }

  @Test
  @DisplayName("forced_fail_activity: a RUNNING activity fails with bk-sops' note; a FAILED one cannot be")
  void forcedFailActivity() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    await(client.nodes().forceFail(id, "work", "ignored by bk-sops"));
    assertThat(node(id, "work").state()).isEqualTo("FAILED");
    assertThat(await(client.nodeData(id, "work", null)).exData()).isEqualTo("The node has been terminated by admin.");
    assertThatThrownBy(() -> await(client.forcedFail(id, "work")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("state is not RUNNING");
  }

  @Test
  @DisplayName("callback: with the current version, a stale one (refused, its schedule expired), or none")
  void callback() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    String version = node(id, "work").version();
    assertThatThrownBy(() -> await(client.callback(id, "work", Map.of(), "vstale")))
        .isInstanceOf(StaleVersionException.class);
    assertThat(f.fake.expiredSchedules(id)).containsExactly("work@vstale");
    await(client.nodes().callback(id, "work", Map.of("done", true), version));
    assertThat(await(client.instances().get(id)).state()).isEqualTo(InstanceState.COMPLETED);
    String other = f.started(ONE_TASK, Map.of());
    await(client.callback(other, "work", Map.of(), null));
    assertThat(await(client.taskStatus(other)).state()).isEqualTo("FINISHED");
    assertThatThrownBy(() -> await(client.callback(other, "nope", Map.of(), null)))
        .isInstanceOf(NodeNotFoundException.class);
  }

  @Test
  @DisplayName("get_pipeline_states: the state tree with versions, loops and the FAILED-child rule, ex_data on request")
  void getPipelineStates() throws Exception {
    String created = await(client.createTask(ONE_TASK, "not yet", Map.of())).taskId();
    TaskState idle = await(client.taskStatus(created));
    assertThat(idle.state()).isEqualTo("CREATED");
    assertThat(idle.id()).isNull();
    assertThat(idle.version()).isNull();
    assertThat(idle.name()).isEqualTo("not yet");
    String id = f.started(ONE_TASK, Map.of());
    TaskState tree = await(client.taskStatus(id));
    assertThat(tree.id()).isEqualTo(f.fake.instanceOf(id));
    TaskState work = tree.find("work");
    assertThat(work.loop()).isEqualTo(1);
    assertThat(work.version()).isNotBlank();
    assertThat(work.startTime()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
    await(client.forcedFail(id, "work"));
    TaskState failed = await(client.taskStatus(id, null, true));
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.exData()).containsEntry("work", "The node has been terminated by admin.");
    assertThat(await(client.nodes().tree(id)).find("work").state()).isEqualTo(NodeState.FAILED);
  }

  @Test
  @DisplayName("get_children_states: a subprocess' own tree, by subprocess_id and by node detail")
  void getChildrenStates() throws Exception {
    String id = f.started(SUBPROCESS, Map.of());
    TaskState sub = await(client.taskStatus(id, "sub", false));
    assertThat(sub.id()).isEqualTo("sub");
    assertThat(sub.children()).containsKey("inner");
    assertThat(await(client.nodeDetail(id, "sub", null)).state().children()).containsKey("inner");
  }

  @Test
  @DisplayName("get_execution_data_inputs: a node's inputs")
  void getExecutionDataInputs() throws Exception {
    String id = f.started(ONE_TASK, Map.of("size", 3));
    assertThat(await(client.nodeData(id, "work", null)).inputs()).containsEntry("size", 3);
  }

  @Test
  @DisplayName("get_execution_data_outputs: a node's outputs (bk-sops' table, by key)")
  void getExecutionDataOutputs() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    await(client.callback(id, "work", Map.of("result", "ok"), null));
    assertThat(await(client.nodeData(id, "work", null)).outputs()).containsEntry("result", "ok");
  }

  @Test
  @DisplayName("get_execution_data: inputs and outputs together, also through the unified nodes().data")
  void getExecutionData() throws Exception {
    String id = f.started(ONE_TASK, Map.of("size", 3));
    await(client.callback(id, "work", Map.of("result", "ok"), null));
    var data = await(client.nodes().data(id, "work"));
    assertThat(data.inputs()).containsEntry("size", 3);
    assertThat(data.outputs()).containsEntry("result", "ok");
    assertThat(data.errorMessage()).isNull();
  }

  @Test
  @DisplayName("get_data: a node the task has not reached has no data yet and reads READY")
  void getData() throws Exception {
    String id = f.started(TWO_TASKS, Map.of("size", 3));
    NodeExecution second = await(client.nodeData(id, "second", null));
    assertThat(second.inputs()).isEmpty();
    assertThat(second.outputs()).isEmpty();
    assertThat(await(client.nodeDetail(id, "second", null)).state().state()).isEqualTo("READY");
  }

  @Test
  @DisplayName("get_node_histories: a retried node keeps its failed run, by loop")
  void getNodeHistories() throws Exception {
    String id = f.started(ONE_TASK, Map.of());
    assertThat(await(client.nodeDetail(id, "work", null)).histories()).isEmpty();
    await(client.forcedFail(id, "work"));
    await(client.retryNode(id, "work", Map.of("attempt", 2)));
    NodeDetail detail = await(client.nodeDetail(id, "work", 1));
    assertThat(detail.histories()).hasSize(1);
    NodeRun run = detail.histories().get(0);
    assertThat(run.state()).isEqualTo("FAILED");
    assertThat(run.loop()).isEqualTo(1);
    assertThat(run.exData()).isEqualTo("The node has been terminated by admin.");
    assertThat(await(client.nodes().histories(id, "work"))).hasSize(1)
        .first().satisfies(h -> assertThat(h.state()).isEqualTo(NodeState.FAILED));
  }

  @Test
  @DisplayName("get_node_short_histories: the same runs without their data")
  void getNodeShortHistories() throws Exception {
    String id = f.started(ONE_TASK, Map.of("size", 1));
    await(client.forcedFail(id, "work"));
    await(client.skipNode(id, "work"));
    NodeRun full = await(client.nodeDetail(id, "work", null)).histories().get(0);
    assertThat(full.inputs()).containsEntry("size", 1);
    NodeRun shortRun = full.summary();
    assertThat(shortRun.inputs()).isEmpty();
    assertThat(shortRun.version()).isEqualTo(full.version());
    assertThat(shortRun.historyId()).isEqualTo(full.historyId());
  }

  @Test
  @DisplayName("pause_pipeline / resume_pipeline of a subprocess (pause_subproc, resume_subproc)")
  void pauseAndResumeSubprocess() throws Exception {
    String id = f.started(SUBPROCESS, Map.of());
    await(client.pauseSubprocess(id, "sub"));
    assertThat(node(id, "sub").state()).isEqualTo("SUSPENDED");
    assertThat(node(id, "inner").state()).isEqualTo("SUSPENDED");
    assertThatThrownBy(() -> await(client.pauseSubprocess(id, "sub"))).isInstanceOf(IllegalTransitionException.class);
    await(client.resumeSubprocess(id, "sub"));
    assertThat(node(id, "inner").state()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> await(client.resumeSubprocess(id, "sub")))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("state is:");
  }
}
