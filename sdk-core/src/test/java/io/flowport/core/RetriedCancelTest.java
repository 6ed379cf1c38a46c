package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.timeoutAfterSend;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.InstanceState;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancel whose answer was lost is repeated (it is idempotent); the repeat that finds the instance
 * gone or CANCELLED reports the success the first attempt had. A first attempt told "not found" still fails.
 */
class RetriedCancelTest {
  private static final Operation CANCEL = Operation.CANCEL_INSTANCE;
  private static final Operation GET = Operation.GET_INSTANCE;

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private final WorkflowClient client = WorkflowClients.create(backend, ClientOptions.builder()
      .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
          .backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build())
      .build());

  @AfterEach
  void close() {
    client.close();
  }

  private static WorkflowException notFound() {
    return ErrorKind.INSTANCE_NOT_FOUND.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, CANCEL, "404", null, "no instance i-1", null));
  }

  private static WorkflowException refusedTransition() {
    return ErrorKind.ILLEGAL_TRANSITION.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, CANCEL, "409", null, "already ended", null));
  }

  @Test
  void aRetryAfterALostAnswerThatFindsTheInstanceGoneSucceeds() {
    backend.script(CANCEL, error(timeoutAfterSend(CANCEL, "no answer")), error(notFound()));

    client.instances().cancel("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempts(CANCEL)).hasSize(2);
  }

  @Test
  void aRetryAfterALostAnswerThatIsRefusedSucceedsWhenTheInstanceIsCancelled() {
    backend.script(CANCEL, error(timeoutAfterSend(CANCEL, "no answer")), error(refusedTransition()));
    backend.script(GET, value(instance("i-1", InstanceState.CANCELLED)));

    client.instances().cancel("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempts(CANCEL)).hasSize(2);
  }

  @Test
  void aRetryAfterALostAnswerThatIsRefusedFailsWhenTheInstanceEndedOtherwise() {
    WorkflowException refusal = refusedTransition();
    backend.script(CANCEL, error(timeoutAfterSend(CANCEL, "no answer")), error(refusal));
    backend.script(GET, value(instance("i-1", InstanceState.COMPLETED)));

    Throwable e = EveryFutureCompletesTest.failureOf(client.instances().cancel("i-1"));

    assertThat(e).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aConfirmingReadThatFailsRetryablyRepeatsTheCancel() {
    backend.script(CANCEL, error(timeoutAfterSend(CANCEL, "no answer")), error(refusedTransition()),
        error(refusedTransition()));
    backend.script(GET, error(backPressure(GET, "busy")), value(instance("i-1", InstanceState.CANCELLED)));

    client.instances().cancel("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempts(CANCEL)).hasSize(3);
  }

  @Test
  void aFirstAttemptNotFoundStaysNotFound() {
    backend.script(CANCEL, error(notFound()));

    assertThat(EveryFutureCompletesTest.failureOf(client.instances().cancel("i-1")))
        .isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void aNotFoundAfterARetryWhoseFirstAttemptCertainlyDidNothingStaysNotFound() {
    // Back pressure: the engine did nothing, so the instance was gone before this call.
    backend.script(CANCEL, error(backPressure(CANCEL, "busy")), error(notFound()));

    assertThat(EveryFutureCompletesTest.failureOf(client.instances().cancel("i-1")))
        .isInstanceOf(InstanceNotFoundException.class);
    assertThat(backend.attempts(CANCEL)).hasSize(2);
  }
}
