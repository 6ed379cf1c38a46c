package io.flowport.testkit.fakes.cloudify;

import static io.flowport.testkit.fakes.cloudify.CloudifyErrorTableTest.failure;
import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.arrange;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.model.InstanceState;
import io.flowport.rest.cloudify.CloudifyCancelMode;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyDeleteRequest;
import io.flowport.rest.cloudify.CloudifyExecution;
import io.flowport.rest.cloudify.CloudifyExecutionGroup;
import io.flowport.rest.cloudify.CloudifyGroupRequest;
import io.flowport.rest.cloudify.CloudifyListQuery;
import io.flowport.rest.cloudify.CloudifyPage;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import io.flowport.testkit.fakes.http.RecordedRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One test per operation of the seed's {@code ExecutionsClient} and {@code ExecutionGroupsClient},
 * through {@link CloudifyClient} over a socket to the fake manager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudifyClientOperationsTest {
  private FakeCloudifyManager manager;
  private CloudifyClient client;

  @BeforeAll
  void start() {
    manager = FakeCloudifyManager.start();
    client = CloudifyClient.builder().baseUrl(manager.baseUrl()).build();
  }

  @AfterAll
  void stop() {
    client.close();
    manager.close();
  }

  private CloudifyExecution start(String deployment, String workflow) {
    return client.startExecution(CloudifyStartRequest.of(deployment, workflow).force(true).build()).join();
  }

  private String lastBody(String requestName) {
    List<RecordedRequest> all = manager.requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).name().equals(requestName)) {
        return all.get(i).body();
      }
    }
    throw new AssertionError("no request " + requestName);
  }

  private String lastQuery(String requestName) {
    List<RecordedRequest> all = manager.requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).name().equals(requestName)) {
        return all.get(i).query();
      }
    }
    throw new AssertionError("no request " + requestName);
  }

  // ----------------------------------------------------------------------------- executions

  @Test
  void listFiltersIncludesSortsAndPages() {
    String p = arrange(manager);
    CloudifyExecution a = start(p + "-1", "task");
    CloudifyExecution b = start(p + "-1", "task");
    start(p + "-2", "task");
    CloudifyPage<CloudifyExecution> page = client.listExecutions(CloudifyListQuery.builder()
        .filter("deployment_id", p + "-1").filter("workflow_id", "task")
        .include("id", "status", "created_at").sortDescending("created_at").sortDescending("id").sort("+workflow_id")
        .size(1).offset(1).build()).join();
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.size()).isEqualTo(1);
    assertThat(page.offset()).isEqualTo(1);
    // the fake's clock stands still: created_at ties, and the ids (increasing) decide, descending: b, then a
    assertThat(page.items()).extracting(CloudifyExecution::id).containsExactly(a.id());
    assertThat(page.items().get(0).fields()).containsOnlyKeys("id", "status", "created_at");
    assertThat(page.items().get(0).deploymentId()).isNull(); // not included
    assertThat(page.hasNext()).isFalse();
    assertThat(lastQuery("GET /executions")).contains("_sort=-created_at").contains("_sort=%2Bworkflow_id");
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void listWithSystemWorkflowsAndAllTenants() {
    String p = arrange(manager);
    String system = manager.startSystemWorkflow("create_snapshot");
    try {
      CloudifyPage<CloudifyExecution> without = client.listExecutions(CloudifyListQuery.builder()
          .filter("workflow_id", "create_snapshot").build()).join();
      assertThat(without.items()).isEmpty();
      CloudifyPage<CloudifyExecution> with = client.listExecutions(CloudifyListQuery.builder()
          .filter("workflow_id", "create_snapshot").includeSystemWorkflows(true).build()).join();
      assertThat(with.items()).extracting(CloudifyExecution::id).containsExactly(system);
      assertThat(with.items().get(0).systemWorkflow()).isTrue();
    } finally {
      manager.completeExecution(system);
    }
    try (CloudifyClient other = CloudifyClient.builder().baseUrl(manager.baseUrl()).tenant("other").build()) {
      CloudifyExecution mine = other.startExecution(CloudifyStartRequest.of(p + "-3", "task").build()).join();
      assertThat(mine.tenantName()).isEqualTo("other");
      assertThat(client.listExecutions(CloudifyListQuery.builder().filter("id", mine.id()).build()).join().items())
          .isEmpty();
      assertThat(client.listExecutions(CloudifyListQuery.builder().filter("id", mine.id()).allTenants(true).build())
          .join().items()).hasSize(1);
    }
  }

  @Test
  void streamAndForEachPageThroughEverything() {
    String p = arrange(manager);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(start(p + "-1", "noop").id());
    }
    CloudifyListQuery q = CloudifyListQuery.builder().filter("deployment_id", p + "-1").filter("workflow_id", "noop")
        .size(2).build();
    manager.clearRequests();
    assertThat(client.streamExecutions(q).map(CloudifyExecution::id).toList()).containsExactlyElementsOf(ids);
    assertThat(manager.requestCount("GET /executions")).isEqualTo(3);
    List<String> visited = Collections.synchronizedList(new ArrayList<>());
    client.forEachExecution(q, e -> visited.add(e.id())).join();
    assertThat(visited).containsExactlyElementsOf(ids);
  }

  @Test
  void getWithInclude() {
    String p = arrange(manager);
    CloudifyExecution e = start(p + "-1", "task");
    CloudifyExecution full = client.getExecution(e.id(), List.of()).join();
    assertThat(full.status()).isEqualTo("started");
    assertThat(full.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(full.blueprintId()).isEqualTo("bp");
    assertThat(full.createdAt()).isNotNull();
    CloudifyExecution some = client.getExecution(e.id(), List.of("id", "workflow_id")).join();
    assertThat(some.fields()).containsOnlyKeys("id", "workflow_id");
    assertThat(lastQuery("GET /executions/" + e.id())).isEqualTo("_include=id%2Cworkflow_id");
  }

  @Test
  void startWithEveryOption() {
    String p = arrange(manager);
    CloudifyExecution e = client.startExecution(CloudifyStartRequest.of(p + "-1", "strict")
        .parameter("name", "web").parameter("extra", 1).allowCustomParameters(true).force(false).dryRun(true)
        .queue(false).waitAfterFail(30).build()).join();
    assertThat(e.status()).isEqualTo("pending");
    assertThat(e.state()).isEqualTo(InstanceState.CREATED);
    assertThat(e.parameters()).containsEntry("name", "web").containsEntry("port", 80).containsEntry("extra", 1);
    assertThat(e.dryRun()).isTrue();
    assertThat(lastBody("POST /executions")).contains("\"allow_custom_parameters\":\"true\"")
        .contains("\"dry_run\":\"true\"").contains("\"queue\":\"false\"").contains("\"wait_after_fail\":30");
    // queue: behind the running one
    CloudifyExecution queued = client.startExecution(CloudifyStartRequest.of(p + "-1", "task").queue(true).build()).join();
    assertThat(queued.status()).isEqualTo("queued");
    // a schedule: the manager's placeholder
    CloudifyExecution scheduled = client.startExecution(CloudifyStartRequest.of(p + "-2", "task")
        .scheduledTime("2999-01-01T10:00:00").build()).join();
    assertThat(scheduled.status()).isEqualTo("scheduled");
    assertThat(scheduled.id()).isNull();
    assertThat(manager.schedules()).anySatisfy(s -> assertThat(s.get("id").toString()).startsWith("task_"));
  }

  @Test
  void createWithTheRestoreFields() {
    String p = arrange(manager);
    CloudifyExecution e = client.createExecution(CloudifyStartRequest.of(p + "-1", "task").executionId(p + "-restored")
        .forceStatus("failed").error("was broken").createdBy("alice").createdAt("2024-01-01T10:00:00.000Z")
        .startedAt("2024-01-01T10:00:01.000Z").endedAt("2024-01-01T10:00:02.000Z").systemWorkflow(false).build()).join();
    assertThat(e.id()).isEqualTo(p + "-restored");
    assertThat(e.status()).isEqualTo("failed");
    assertThat(e.error()).isEqualTo("was broken");
    assertThat(e.createdBy()).isEqualTo("alice");
    assertThat(e.createdAt()).hasToString("2024-01-01T10:00:00Z");
    assertThat(e.endedAt()).hasToString("2024-01-01T10:00:02Z");
    assertThat(client.getExecution(e.id(), List.of()).join().status()).isEqualTo("failed"); // stored, not run
  }

  @Test
  void cancelForceCancelAndKill() {
    String p = arrange(manager);
    manager.holdCancellations(true);
    try {
      CloudifyExecution e = start(p + "-1", "task");
      assertThat(client.cancelExecution(e.id(), CloudifyCancelMode.CANCEL).join().status()).isEqualTo("cancelling");
      assertThat(client.cancelExecution(e.id(), CloudifyCancelMode.FORCE_CANCEL).join().status())
          .isEqualTo("force_cancelling");
      assertThat(client.cancelExecution(e.id(), CloudifyCancelMode.KILL).join().status()).isEqualTo("kill_cancelling");
      manager.finishCancellation(e.id());
      assertThat(client.getExecution(e.id(), List.of()).join().state()).isEqualTo(InstanceState.CANCELLED);
      assertThat(failure(client.cancelExecution(e.id(), CloudifyCancelMode.CANCEL)))
          .isInstanceOf(IllegalTransitionException.class);
    } finally {
      manager.holdCancellations(false);
    }
  }

  @Test
  void resumeAndForceResume() {
    String p = arrange(manager);
    CloudifyExecution failed = start(p + "-1", "fail");
    assertThat(client.getExecution(failed.id(), List.of()).join().error()).isEqualTo("boom");
    assertThat(client.resumeExecution(failed.id(), false).join().status()).isEqualTo("pending");
    CloudifyExecution again = client.getExecution(failed.id(), List.of()).join();
    assertThat(again.status()).isEqualTo("failed"); // it failed once more
    assertThat(client.resumeExecution(failed.id(), true).join().status()).isEqualTo("pending");
    CloudifyExecution running = start(p + "-2", "task");
    assertThat(failure(client.resumeExecution(running.id(), true))).isInstanceOf(IllegalTransitionException.class)
        .extracting(x -> x.engineCode()).isEqualTo("conflict_error");
  }

  @Test
  void requeueActsLikeAPlainCancel() {
    String p = arrange(manager);
    CloudifyExecution e = start(p + "-1", "task");
    assertThat(client.requeueExecution(e.id()).join().status()).isEqualTo("cancelling");
    assertThat(lastBody("POST /executions/" + e.id())).isEqualTo("{\"action\":\"requeue\"}");
  }

  @Test
  void updateStatusAndError() {
    String p = arrange(manager);
    CloudifyExecution e = start(p + "-1", "task");
    CloudifyExecution failed = client.updateExecution(e.id(), "failed", "operator gave up").join();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.error()).isEqualTo("operator gave up");
    assertThat(failed.endedAt()).isNotNull();
    assertThat(failure(client.updateExecution(e.id(), "started", null))).isInstanceOf(IllegalTransitionException.class)
        .extracting(x -> x.engineCode()).isEqualTo("invalid_exception_status_update");
  }

  @Test
  void deleteByTimeWithFilters() {
    String p = arrange(manager);
    CloudifyExecution done = start(p + "-1", "noop");
    start(p + "-1", "task"); // running: never deleted
    int deleted = client.deleteExecutions(CloudifyDeleteRequest.createdBefore(LocalDateTime.of(2999, 1, 1, 0, 0))
        .filter("deployment_id", p + "-1").filter("workflow_id", "noop").build()).join();
    assertThat(deleted).isEqualTo(1);
    assertThat(failure(client.getExecution(done.id(), List.of()))).extracting(x -> x.engineCode())
        .isEqualTo("not_found_error");
    assertThat(lastBody("DELETE /executions")).isEqualTo("{\"to_datetime\":\"2999-01-01T00:00:00\"}");
  }

  @Test
  void deleteKeepingTheLastOnes() {
    String p = arrange(manager);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(start(p + "-2", "noop").id());
    }
    int deleted = client.deleteExecutions(CloudifyDeleteRequest.keepLast(3).filter("deployment_id", p + "-2").build())
        .join();
    // 5 ended executions match (the 4 and the create_deployment_environment, which counts among the kept)
    assertThat(deleted).isEqualTo(2);
    assertThat(client.listExecutions(CloudifyListQuery.builder().filter("deployment_id", p + "-2").build()).join()
        .items()).extracting(CloudifyExecution::id).containsSubsequence(ids.get(2), ids.get(3));
  }

  @Test
  void shouldStart() {
    String p = arrange(manager);
    CloudifyExecution running = start(p + "-1", "task");
    CloudifyExecution queued = client.startExecution(CloudifyStartRequest.of(p + "-1", "task").queue(true).build()).join();
    assertThat(client.shouldStart(queued.id()).join()).isFalse();
    manager.completeExecution(running.id());
    CloudifyExecution other = start(p + "-3", "task");
    assertThat(client.shouldStart(other.id()).join()).isTrue();
  }

  // ------------------------------------------------------------------------ execution groups

  @Test
  void startGroupRunsUpToItsConcurrency() {
    String p = arrange(manager);
    CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "task").concurrency(2)
        .defaultParameter("grace", 30).parametersFor(p + "-1", Map.of("grace", 5)).force(false).build()).join();
    assertThat(g.executionIds()).hasSize(3);
    assertThat(g.concurrency()).isEqualTo(2);
    assertThat(lastBody("POST /execution-groups")).contains("\"force\":false").contains("\"concurrency\":2");
    CloudifyExecutionGroup got = client.getGroup(g.id(), List.of()).join();
    assertThat(got.status()).isEqualTo("started");
    List<String> statuses = got.executionIds().stream()
        .map(id -> client.getExecution(id, List.of()).join().status()).toList();
    assertThat(statuses).containsExactlyInAnyOrder("started", "started", "queued");
    assertThat(client.getExecution(got.executionIds().get(0), List.of()).join().parameters()).containsEntry("grace", 5);
  }

  @Test
  void createGroupOfExistingExecutions() {
    String p = arrange(manager);
    CloudifyExecution a = start(p + "-1", "noop");
    CloudifyExecutionGroup g = client.createGroup(CloudifyGroupRequest.of(p + "-group", "noop")
        .executions(List.of(a.id())).id(p + "-restored-group").createdBy("alice").build()).join();
    assertThat(g.id()).isEqualTo(p + "-restored-group");
    assertThat(g.executionIds()).containsExactly(a.id());
    assertThat(g.status()).isEqualTo("terminated");
    assertThat(failure(client.createGroup(CloudifyGroupRequest.of(p + "-group", "noop").build())))
        .isInstanceOf(ClientValidationException.class);
  }

  @Test
  void listAndGetGroups() {
    String p = arrange(manager);
    CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "noop").build()).join();
    CloudifyPage<CloudifyExecutionGroup> page = client.listGroups(CloudifyListQuery.builder()
        .filter("deployment_group_id", p + "-group").build()).join();
    assertThat(page.items()).extracting(CloudifyExecutionGroup::id).containsExactly(g.id());
    assertThat(page.items().get(0).status()).isNull(); // list items leave it out
    assertThat(page.items().get(0).executionIds()).isNull();
    CloudifyExecutionGroup got = client.getGroup(g.id(), List.of("id", "status")).join();
    assertThat(got.fields()).containsOnlyKeys("id", "status");
    assertThat(got.state()).isEqualTo(InstanceState.COMPLETED);
  }

  @Test
  void cancelGroupForceCancelAndKill() {
    String p = arrange(manager);
    manager.holdCancellations(true);
    try {
      CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "task").concurrency(1).build())
          .join();
      CloudifyExecutionGroup answer = client.cancelGroup(g.id(), CloudifyCancelMode.CANCEL).join();
      assertThat(answer.status()).isNull(); // action answers leave it out
      List<String> statuses = g.executionIds().stream()
          .map(id -> client.getExecution(id, List.of()).join().status()).toList();
      assertThat(statuses).containsExactlyInAnyOrder("cancelling", "cancelled", "cancelled"); // queued ones at once
      client.cancelGroup(g.id(), CloudifyCancelMode.FORCE_CANCEL).join();
      client.cancelGroup(g.id(), CloudifyCancelMode.KILL).join();
      assertThat(lastBody("POST /execution-groups/" + g.id())).isEqualTo("{\"action\":\"kill\"}");
    } finally {
      manager.holdCancellations(false);
    }
  }

  @Test
  void resumeGroupAndForceResume() {
    String p = arrange(manager);
    CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "fail").build()).join();
    assertThat(client.getGroup(g.id(), List.of()).join().status()).isEqualTo("failed");
    client.resumeGroup(g.id(), false).join();
    assertThat(lastBody("POST /execution-groups/" + g.id())).isEqualTo("{\"action\":\"resume\"}");
    client.resumeGroup(g.id(), true).join();
    assertThat(lastBody("POST /execution-groups/" + g.id())).isEqualTo("{\"action\":\"force-resume\"}");
    assertThat(client.getGroup(g.id(), List.of()).join().status()).isEqualTo("failed"); // each ran and failed again
  }

  @Test
  void setConcurrencyDequeues() {
    String p = arrange(manager);
    CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "task").concurrency(0).build())
        .join();
    assertThat(client.getGroup(g.id(), List.of()).join().status()).isEqualTo("queued");
    CloudifyExecutionGroup answer = client.setGroupConcurrency(g.id(), 3).join();
    assertThat(answer.concurrency()).isEqualTo(3);
    assertThat(client.getGroup(g.id(), List.of()).join().status()).isEqualTo("started");
  }

  @Test
  void setTargetGroups() {
    String p = arrange(manager);
    CloudifyExecutionGroup g = client.startGroup(CloudifyGroupRequest.of(p + "-group", "noop").build()).join();
    CloudifyExecutionGroup answer = client.setGroupTargets(g.id(), p + "-ok", p + "-ko").join();
    assertThat(answer.successGroupId()).isEqualTo(p + "-ok");
    assertThat(answer.failureGroupId()).isEqualTo(p + "-ko");
    assertThat(manager.deploymentGroup(p + "-ok")).containsExactlyInAnyOrder(p + "-1", p + "-2", p + "-3");
    assertThat(manager.deploymentGroup(p + "-ko")).isEmpty();
  }

  @Test
  void dumpGroups() {
    String p = arrange(manager);
    CloudifyExecutionGroup a = client.startGroup(CloudifyGroupRequest.of(p + "-group", "noop").build()).join();
    CloudifyExecutionGroup b = client.startGroup(CloudifyGroupRequest.of(p + "-group", "noop").build()).join();
    List<CloudifyExecutionGroup> all = client.dumpGroups(List.of()).join();
    assertThat(all).extracting(CloudifyExecutionGroup::id).contains(a.id(), b.id());
    List<CloudifyExecutionGroup> one = client.dumpGroups(List.of(b.id())).join();
    assertThat(one).singleElement().satisfies(g -> {
      assertThat(g.executionIds()).hasSize(3);
      assertThat(g.fields()).containsOnlyKeys("id", "created_at", "workflow_id", "execution_ids", "concurrency",
          "deployment_group_id", "created_by");
    });
    assertThat(lastQuery("GET /execution-groups")).contains("_get_data=true");
  }
}
