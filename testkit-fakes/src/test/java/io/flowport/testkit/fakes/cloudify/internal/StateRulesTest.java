package io.flowport.testkit.fakes.cloudify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flowport.testkit.fakes.cloudify.internal.StateRules.CancelAction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manager's state rules, row by row (notes §1, corrected by §6). */
class StateRulesTest {

  @ParameterizedTest(name = "{1} from {0}: allowed={2}")
  @CsvSource({
      // plain cancel: pending, started, scheduled; queued and scheduled are validated as a kill
      "pending, CANCEL, true", "started, CANCEL, true", "scheduled, CANCEL, true", "queued, CANCEL, true",
      "cancelling, CANCEL, false", "force_cancelling, CANCEL, false", "kill_cancelling, CANCEL, false",
      "terminated, CANCEL, false", "failed, CANCEL, false", "cancelled, CANCEL, false",
      // force-cancel: also from cancelling
      "pending, FORCE_CANCEL, true", "started, FORCE_CANCEL, true", "cancelling, FORCE_CANCEL, true",
      "queued, FORCE_CANCEL, true", "force_cancelling, FORCE_CANCEL, false", "terminated, FORCE_CANCEL, false",
      // kill: always, END states included
      "pending, KILL, true", "started, KILL, true", "cancelling, KILL, true", "force_cancelling, KILL, true",
      "kill_cancelling, KILL, true", "terminated, KILL, true", "failed, KILL, true", "cancelled, KILL, true",
      "queued, KILL, true", "scheduled, KILL, true"})
  void cancelTable(String status, CancelAction action, boolean allowed) {
    if (allowed) {
      assertThatCode(() -> StateRules.checkCancel("e", status, action)).doesNotThrowAnyException();
    } else {
      ManagerError e = catchThrowableOfType(ManagerError.class, () -> StateRules.checkCancel("e", status, action));
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("illegal_action_error");
    }
  }

  @Test
  void theStoredStatusIsTheRequestedActions() {
    assertThat(CancelAction.CANCEL.newStatus()).isEqualTo("cancelling");
    assertThat(CancelAction.FORCE_CANCEL.newStatus()).isEqualTo("force_cancelling");
    assertThat(CancelAction.KILL.newStatus()).isEqualTo("kill_cancelling");
  }

  @ParameterizedTest(name = "resume(force={1}) from {0}: allowed={2}")
  @CsvSource({
      "cancelled, false, true", "failed, false, true", "started, false, true",
      "pending, false, false", "queued, false, false", "terminated, false, false", "cancelling, false, false",
      "cancelled, true, true", "failed, true, true", "started, true, false", "pending, true, false",
      "terminated, true, false"})
  void resumeTable(String status, boolean force, boolean allowed) {
    if (allowed) {
      assertThatCode(() -> StateRules.checkResume("e", status, force)).doesNotThrowAnyException();
    } else {
      ManagerError e = catchThrowableOfType(ManagerError.class, () -> StateRules.checkResume("e", status, force));
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.code()).isEqualTo("conflict_error");
    }
  }

  @ParameterizedTest(name = "PATCH {1} -> {2} ({0}): {3}")
  @CsvSource({
      "install, terminated, terminated, true", // the same status again
      "install, terminated, started, false", "install, failed, pending, false", "install, cancelled, failed, false",
      "create_snapshot, failed, terminated, true", // a restored snapshot may be marked terminated
      "install, cancelling, started, false", "install, cancelling, pending, false",
      "install, cancelling, force_cancelling, false", // force-cancel does it, PATCH may not
      "install, cancelling, terminated, false", "install, cancelling, cancelled, true", "install, cancelling, failed, true",
      "install, force_cancelling, cancelling, false", "install, force_cancelling, terminated, false",
      "install, force_cancelling, started, false", "install, force_cancelling, cancelled, true",
      "install, kill_cancelling, started, true", "install, kill_cancelling, terminated, true", // no rule covers it
      "install, pending, started, true", "install, started, terminated, true", "install, queued, cancelled, true",
      "install, scheduled, pending, true", "install, started, no-such-status, true"}) // not checked against the enum
  void patchTable(String workflow, String from, String to, boolean allowed) {
    assertThat(StateRules.patchAllowed(workflow, from, to)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "pending,pending; pending",
      "pending,queued; queued", "queued,scheduled,pending; queued",
      "terminated,failed; failed", "terminated,cancelled; terminated", "cancelled; terminated",
      "terminated,started; started", "pending,started; started", "queued,terminated; started"})
  void groupStatusFromMembers(String members, String status) {
    assertThat(StateRules.groupStatus(List.of(members.split(",")))).isEqualTo(status);
  }

  @Test
  void anEmptyGroupHasNoStatus() {
    assertThat(StateRules.groupStatus(List.of())).isNull();
  }

  @Test
  void statusDisplayShowsCompletedForTerminated() {
    assertThat(StateRules.display("terminated")).isEqualTo("completed");
    assertThat(StateRules.display("failed")).isEqualTo("failed");
  }
}
