package io.flowport.testkit.engine;

import static io.flowport.testkit.engine.Fixtures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.EngineException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Execution groups on the in-memory engine, as Cloudify runs them (engine-wire-notes §1, §6). */
class ExecutionGroupsTest {
  private final InMemoryEngine engine = InMemoryEngine.create();

  @BeforeEach
  void deploy() {
    engine.deploy(ProcessModel.builder("member").startEvent("s").serviceTask("work", "work").endEvent("e").build());
    engine.deploy(ProcessModel.builder("instant").startEvent("s").endEvent("e").build());
    engine.createTargetGroup("web", List.of("web-1", "web-2", "web-3"));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private InstanceStatus state(String id) {
    return engine.get(id).state();
  }

  private void completeWorkOf(String instanceId) {
    JobSnapshot job = engine.activeJobs("work").stream().filter(j -> j.instanceId().equals(instanceId)).findFirst().orElseThrow();
    engine.completeJob(job.key(), Map.of());
  }

  @Test
  void membersBeyondTheConcurrencyQueueAndStartAsSlotsFree() {
    GroupSnapshot g = engine.startGroup("web", "member", Map.of("release", "1.2"), 2);
    assertThat(g.instanceIds()).hasSize(3);
    List<String> ids = g.instanceIds();
    assertThat(List.of(state(ids.get(0)), state(ids.get(1)), state(ids.get(2))))
        .containsExactly(InstanceStatus.RUNNING, InstanceStatus.RUNNING, InstanceStatus.QUEUED);
    assertThat(g.status()).isEqualTo(GroupStatus.STARTED);
    assertThat(engine.variables(ids.get(2))).containsEntry("release", "1.2").containsEntry("target", "web-3");
    assertThat(engine.tree(ids.get(2)).state()).isEqualTo(NodeStatus.READY);

    completeWorkOf(ids.get(0));
    assertThat(state(ids.get(0))).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(state(ids.get(2))).isEqualTo(InstanceStatus.RUNNING);
    completeWorkOf(ids.get(1));
    completeWorkOf(ids.get(2));
    assertThat(engine.group(g.id()).status()).isEqualTo(GroupStatus.TERMINATED);
  }

  @Test
  void concurrencyZeroQueuesAllAndRaisingItReleases() {
    GroupSnapshot g = engine.startGroup("web", "member", Map.of(), 0);
    assertThat(g.status()).isEqualTo(GroupStatus.QUEUED);
    assertThat(engine.activeJobs("work")).isEmpty();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.suspend(g.instanceIds().get(0)));
    engine.setGroupConcurrency(g.id(), 3);
    assertThat(engine.activeJobs("work")).hasSize(3);
    assertThat(engine.group(g.id()).concurrency()).isEqualTo(3);
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.setGroupConcurrency(g.id(), -1));
  }

  @Test
  void instantMembersRunThroughOneSlot() {
    GroupSnapshot g = engine.startGroup("web", "instant", Map.of(), 1);
    assertThat(g.status()).isEqualTo(GroupStatus.TERMINATED);
    g.instanceIds().forEach(id -> assertThat(state(id)).isEqualTo(InstanceStatus.COMPLETED));
  }

  @Test
  void cancelCancelsQueuedAndRunningMembersAndTwiceIsIllegal() {
    GroupSnapshot g = engine.startGroup("web", "member", Map.of(), 1);
    engine.cancelGroup(g.id());
    g.instanceIds().forEach(id -> assertThat(state(id)).isEqualTo(InstanceStatus.CANCELLED));
    assertThat(engine.activeJobs("work")).isEmpty();
    assertThat(engine.group(g.id()).status()).isEqualTo(GroupStatus.TERMINATED);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.cancelGroup(g.id()));
  }

  @Test
  void aFailedMemberFreesItsSlotAndFailsTheGroup() {
    GroupSnapshot g = engine.startGroup("web", "member", Map.of(), 1);
    List<String> ids = g.instanceIds();
    engine.forceFail(ids.get(0), "work", "disk full");
    assertThat(state(ids.get(1))).isEqualTo(InstanceStatus.RUNNING);
    completeWorkOf(ids.get(1));
    completeWorkOf(ids.get(2));
    assertThat(engine.group(g.id()).status()).isEqualTo(GroupStatus.FAILED);
  }

  @Test
  void targetsOfSettledMembersJoinTheSuccessAndFailureGroups() {
    engine.createTargetGroup("ok", List.of());
    engine.createTargetGroup("broken", List.of());
    GroupSnapshot g = engine.startGroup("web", "member", Map.of(), 3);
    List<String> ids = g.instanceIds();
    completeWorkOf(ids.get(0));
    engine.setGroupTargets(g.id(), "ok", "broken");
    assertThat(engine.targetGroup("ok")).containsExactly("web-1");
    engine.forceFail(ids.get(1), "work", "x");
    completeWorkOf(ids.get(2));
    assertThat(engine.targetGroup("ok")).containsExactly("web-1", "web-3");
    assertThat(engine.targetGroup("broken")).containsExactly("web-2");
    assertThat(engine.group(g.id()).successGroupId()).isEqualTo("ok");
  }

  @Test
  void unknownAndBadArguments() {
    failsWith(Reason.GROUP_NOT_FOUND, () -> engine.startGroup("nope", "member", Map.of(), 1));
    failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.startGroup("web", "nope", Map.of(), 1));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.startGroup("web", "member", Map.of(), -1));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.startGroup(" ", "member", Map.of(), 1));
    failsWith(Reason.GROUP_NOT_FOUND, () -> engine.group("group-404"));
    failsWith(Reason.GROUP_NOT_FOUND, () -> engine.cancelGroup("group-404"));
    failsWith(Reason.GROUP_NOT_FOUND, () -> engine.setGroupConcurrency("group-404", 1));
    GroupSnapshot g = engine.startGroup("web", "member", Map.of(), 1);
    failsWith(Reason.GROUP_NOT_FOUND, () -> engine.setGroupTargets(g.id(), "nope", null));
    failsWith(Reason.ALREADY_EXISTS, () -> engine.createTargetGroup("web", List.of("x")));
    engine.createTargetGroup("empty", List.of());
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.startGroup("empty", "member", Map.of(), 1));
    assertThat(engine.list(InstanceFilter.all()).size()).as("a refused start creates no member").isEqualTo(3);
  }
}
