package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.InstanceState;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: execution groups (Cloudify's), one workflow started on every target of a
 * group of targets with a concurrency limit. The target prepares the groups of targets
 * ({@link ContractTarget#prepareTargetGroup}); members run {@link Scenario#GROUP_MEMBER}, which
 * waits in task {@code work}, so the queue shows.
 */
abstract class GroupsContract extends ContractPart {

  /** A fresh group of {@code size} targets; skips the test when the target cannot make one. */
  private String targetGroup(int size) throws Exception {
    Optional<String> id = target().prepareTargetGroup(size);
    assumeTrue(id.isPresent(), () -> client().engine() + " target prepares no group of targets");
    return id.get();
  }

  private Group startGroup(String targetGroup, int concurrency) {
    String workflow = definition(Scenario.GROUP_MEMBER);
    return await(client().groups().start(new GroupRequest(targetGroup, workflow, Map.of("release", "1.0"), concurrency, false)));
  }

  private long membersIn(Group group, InstanceState state) {
    return group.instanceIds().stream()
        .filter(id -> await(client().instances().get(id)).state() == state)
        .count();
  }

  @Test
  @DisplayName("groups: members beyond the concurrency are QUEUED; raising the concurrency starts them")
  void concurrencyQueuesMembers() throws Exception {
    require(Operation.START_GROUP);
    require(Operation.SET_GROUP_CONCURRENCY);
    require(Operation.GET_INSTANCE);
    Group group = startGroup(targetGroup(3), 2);
    assertFalse(group.id().isBlank());
    assertEquals(2, group.concurrency());
    assertEquals(3, group.instanceIds().size(), () -> "one member per target: " + group);
    assertEquals(target().expectations().groupStartedState(), group.state(),
        () -> "a group with running members has started: " + group);
    assertEquals(1, membersIn(group, InstanceState.QUEUED), "the third member waits for a slot");
    await(client().groups().setConcurrency(group.id(), 3));
    assertEquals(0, membersIn(group, InstanceState.QUEUED), "a third slot starts the queued member");
  }

  @Test
  @DisplayName("groups: cancel cancels queued and running members; cancelling again fails with ResourceNotFoundException")
  void cancelCancelsMembers() throws Exception {
    require(Operation.START_GROUP);
    require(Operation.CANCEL_GROUP);
    Group group = startGroup(targetGroup(2), 1);
    await(client().groups().cancel(group.id()));
    if (supports(Operation.GET_INSTANCE)) {
      for (String member : group.instanceIds()) {
        assertEquals(InstanceState.CANCELLED, awaitEnded(member).state());
      }
    }
    assertInstanceOf(ResourceNotFoundException.class, failure(client().groups().cancel(group.id())),
        "no member is left to cancel");
  }

  @Test
  @DisplayName("groups: completed members' targets join the success group, which a new group then runs on")
  void successGroupCollectsCompletedTargets() throws Exception {
    require(Operation.START_GROUP);
    require(Operation.SET_GROUP_TARGETS);
    String succeeded = targetGroup(0);
    String failed = targetGroup(0);
    Group group = startGroup(targetGroup(2), 2);
    await(client().groups().setTargetGroups(group.id(), succeeded, failed));
    for (String member : group.instanceIds()) {
      target().completeTask(member, Map.of("deployed", true));
    }
    if (supports(Operation.GET_INSTANCE)) {
      group.instanceIds().forEach(member -> assertEquals(InstanceState.COMPLETED, awaitEnded(member).state()));
    }
    Group next = startGroup(succeeded, 2);
    assertEquals(2, next.instanceIds().size(), () -> "both targets succeeded: " + next);
  }

  @Test
  @DisplayName("groups: an unknown group or group of targets fails with ResourceNotFoundException")
  void unknownGroups() throws Exception {
    require(Operation.START_GROUP);
    String workflow = definition(Scenario.GROUP_MEMBER);
    assertInstanceOf(ResourceNotFoundException.class, failure(client().groups().start(
        new GroupRequest("contract-no-such-targets", workflow, Map.of(), 1, false))));
    String missing = "contract-no-such-group";
    if (supports(Operation.CANCEL_GROUP)) {
      assertInstanceOf(ResourceNotFoundException.class, failure(client().groups().cancel(missing)));
    }
    if (supports(Operation.SET_GROUP_CONCURRENCY)) {
      assertInstanceOf(ResourceNotFoundException.class, failure(client().groups().setConcurrency(missing, 1)));
    }
    if (supports(Operation.SET_GROUP_TARGETS)) {
      Group group = startGroup(targetGroup(1), 1);
      assertInstanceOf(ResourceNotFoundException.class, failure(client().groups().setTargetGroups(missing, null, null)));
      assertInstanceOf(ResourceNotFoundException.class,
          failure(client().groups().setTargetGroups(group.id(), "contract-no-such-targets", null)));
    }
  }

  @Test
  @DisplayName("groups: a negative concurrency and blank ids are refused before the wire with ClientValidationException")
  void badArgumentsAreRefused() {
    require(Operation.START_GROUP);
    assertInstanceOf(ClientValidationException.class,
        failure(client().groups().start(new GroupRequest("g", "w", Map.of(), -1, false))));
    assertInstanceOf(ClientValidationException.class,
        failure(client().groups().start(new GroupRequest(" ", "w", Map.of(), 1, false))));
    if (supports(Operation.SET_GROUP_CONCURRENCY)) {
      assertInstanceOf(ClientValidationException.class, failure(client().groups().setConcurrency("g", -1)));
    }
    if (supports(Operation.CANCEL_GROUP)) {
      assertInstanceOf(ClientValidationException.class, failure(client().groups().cancel("")));
    }
  }
}
