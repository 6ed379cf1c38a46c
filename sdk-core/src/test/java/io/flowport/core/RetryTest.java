package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.refused;
import static io.flowport.core.testing.ScriptedBackend.timeoutAfterSend;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.MessageIdDeduplication;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures are repeated, how often, after which pauses, and which error the caller gets. */
class RetryTest {
  private static final Operation START = Operation.START_INSTANCE;
  private static final Operation GET = Operation.GET_INSTANCE;
  private static final Operation PUBLISH = Operation.PUBLISH_MESSAGE;

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private WorkflowClient client(RetryPolicy policy) {
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(policy).build());
    return client;
  }

  private static RetryPolicy quick(int maxAttempts) {
    return RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .baseDelay(Duration.ofMillis(5))
        .backPressureBaseDelay(Duration.ofMillis(5))
        .jitter(0)
        .build();
  }

  @Test
  void backPressureIsRetriedEvenForANonIdempotentStart() {
    Instance started = instance("i-1", InstanceState.RUNNING);
    backend.script(START,
        error(backPressure(START, "busy 1")),
        error(backPressure(START, "busy 2")),
        value(started));

    Instance result = client(quick(4)).instances().start(StartRequest.of("order").build()).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(result).isEqualTo(started);
    assertThat(backend.attempts(START)).extracting(a -> a.context().attempt()).containsExactly(1, 2, 3);
  }

  @Test
  void aTimeoutAfterSendingIsNotRetriedForStart() throws Exception {
    WorkflowException lost = timeoutAfterSend(START, "no answer to start");
    backend.script(START, error(lost), value(instance("i-dup", InstanceState.RUNNING)));

    Throwable error = EveryFutureCompletesTest.failureOf(
        client(quick(4)).instances().start(StartRequest.of("order").build()));

    assertThat(error).isSameAs(lost);
    assertThat(backend.attempts(START)).hasSize(1);
    assertThat(backend.awaitAttempts(START, 2, Duration.ofMillis(50))).as("no second start").isFalse();
  }

  @Test
  void aTimeoutAfterSendingIsRetriedForPublishWithAMessageIdTheEngineKeeps() {
    MessageReceipt receipt = new MessageReceipt("m-1", null);
    backend.script(PUBLISH, error(timeoutAfterSend(PUBLISH, "no answer")), value(receipt));

    MessageReceipt result = client(quick(4)).messages()
        .publish(MessageRequest.builder("paid", "order-1").messageId("pay-1").timeToLive(Duration.ofMinutes(1)).build())
        .orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(result).isEqualTo(receipt);
    assertThat(backend.attempts(PUBLISH)).hasSize(2);
  }

  @Test
  void aMessageIdWithTimeToLiveZeroDoesNotMakeAPublishSafeToRepeat() {
    // Zeebe drops a message with TTL 0 once correlated: a repeat with the same id is a second message.
    WorkflowException lost = timeoutAfterSend(PUBLISH, "no answer");
    backend.script(PUBLISH, error(lost), value(new MessageReceipt("dup", null)));

    Throwable error = EveryFutureCompletesTest.failureOf(client(quick(4)).messages()
        .publish(MessageRequest.builder("paid", "order-1").messageId("pay-1").build()));

    assertThat(error).isSameAs(lost);
    assertThat(backend.attempts(PUBLISH)).hasSize(1);
  }

  @Test
  void aMessageIdDoesNotMakeAPublishSafeToRepeatOnAnEngineThatIgnoresIds() {
    // Flowable ignores message ids: a repeat started a second instance.
    backend.messageIdDeduplication(MessageIdDeduplication.NONE);
    WorkflowException lost = timeoutAfterSend(PUBLISH, "no answer");
    backend.script(PUBLISH, error(lost), value(new MessageReceipt("dup", null)));

    Throwable error = EveryFutureCompletesTest.failureOf(client(quick(4)).messages()
        .publish(MessageRequest.builder("paid", "order-1").messageId("pay-1").timeToLive(Duration.ofMinutes(1)).build()));

    assertThat(error).isSameAs(lost);
    assertThat(backend.attempts(PUBLISH)).hasSize(1);
  }

  @Test
  void aTimeoutAfterSendingIsNotRetriedForPublishWithoutAMessageId() {
    WorkflowException lost = timeoutAfterSend(PUBLISH, "no answer");
    backend.script(PUBLISH, error(lost), value(new MessageReceipt("dup", null)));

    Throwable error = EveryFutureCompletesTest.failureOf(
        client(quick(4)).messages().publish(MessageRequest.builder("paid", "order-1").build()));

    assertThat(error).isSameAs(lost);
    assertThat(backend.attempts(PUBLISH)).hasSize(1);
  }

  @Test
  void aTimeoutAfterSendingIsRetriedForAnIdempotentGet() {
    backend.script(GET, error(timeoutAfterSend(GET, "no answer")), value(instance("i-1", InstanceState.RUNNING)));

    assertThat(client(quick(4)).instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join().id()).isEqualTo("i-1");
    assertThat(backend.attempts(GET)).hasSize(2);
  }

  @Test
  void aRefusedConnectionIsRetriedForStart() {
    backend.script(START, error(refused(START, "connection refused")), value(instance("i-1", InstanceState.RUNNING)));

    assertThat(client(quick(4)).instances().start(StartRequest.of("order").build())
        .orTimeout(5, TimeUnit.SECONDS).join().id()).isEqualTo("i-1");
    assertThat(backend.attempts(START)).hasSize(2);
  }

  @Test
  void aNonRetryableErrorIsNotRetried() {
    WorkflowException notFound = io.flowport.core.error.ErrorKind.INSTANCE_NOT_FOUND.toException(
        io.flowport.core.error.ErrorInfo.answered(ScriptedBackend.ENGINE, GET, "404", null, "gone", null));
    backend.script(GET, error(notFound), value(instance("i-1", InstanceState.RUNNING)));

    assertThat(EveryFutureCompletesTest.failureOf(client(quick(4)).instances().get("i-1"))).isSameAs(notFound);
    assertThat(backend.attempts(GET)).hasSize(1);
  }

  @Test
  void retriesStopAtMaxAttemptsAndTheLastErrorIsDelivered() throws Exception {
    WorkflowException third = backPressure(START, "busy 3");
    backend.script(START,
        error(backPressure(START, "busy 1")),
        error(backPressure(START, "busy 2")),
        error(third),
        value(instance("too-late", InstanceState.RUNNING)));

    Throwable error = EveryFutureCompletesTest.failureOf(
        client(quick(3)).instances().start(StartRequest.of("order").build()));

    assertThat(error).isSameAs(third).isInstanceOf(BackPressureException.class);
    assertThat(error.getMessage()).contains("busy 3");
    assertThat(backend.attempts(START)).hasSize(3);
    assertThat(backend.awaitAttempts(START, 4, Duration.ofMillis(50))).isFalse();
  }

  @Test
  void noRetryPolicyMakesOneAttempt() {
    WorkflowException busy = backPressure(GET, "busy");
    backend.script(GET, error(busy), value(instance("i-1", InstanceState.RUNNING)));

    assertThat(EveryFutureCompletesTest.failureOf(client(RetryPolicy.none()).instances().get("i-1"))).isSameAs(busy);
    assertThat(backend.attempts(GET)).hasSize(1);
  }

  @Test
  void backoffGrowsExponentially() {
    // base 10 ms, doubling, no jitter: pauses of at least 10, 20, 40 ms.
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(4).baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(500))
        .multiplier(2).jitter(0).build();
    backend.script(GET,
        error(refused(GET, "r1")), error(refused(GET, "r2")), error(refused(GET, "r3")),
        value(instance("i-1", InstanceState.RUNNING)));

    client(policy).instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    List<Long> gaps = gapsMillis(backend.attempts(GET));
    assertThat(gaps).hasSize(3);
    long[] expected = {10, 20, 40};
    for (int i = 0; i < 3; i++) {
      assertThat(gaps.get(i)).as("pause before attempt %d", i + 2)
          .isGreaterThanOrEqualTo(expected[i])
          // far below the 500 ms back-pressure base: the plain base was used
          .isLessThan(expected[i] + 300);
    }
  }

  @Test
  void backPressureUsesTheLongerBaseDelay() {
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(3).baseDelay(Duration.ofMillis(1)).backPressureBaseDelay(Duration.ofMillis(40))
        .multiplier(2).jitter(0).build();
    backend.script(GET,
        error(backPressure(GET, "bp1")), error(backPressure(GET, "bp2")),
        value(instance("i-1", InstanceState.RUNNING)));

    client(policy).instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    List<Long> gaps = gapsMillis(backend.attempts(GET));
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(40);
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(80);
  }

  @Test
  void delayBeforeIsBaseTimesMultiplierToTheNCappedAtMaxDelay() {
    RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).backPressureBaseDelay(Duration.ofMillis(500))
        .multiplier(3).maxDelay(Duration.ofMillis(1000)).build();
    assertThat(p.delayBefore(1, false)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delayBefore(2, false)).isEqualTo(Duration.ofMillis(300));
    assertThat(p.delayBefore(3, false)).isEqualTo(Duration.ofMillis(900));
    assertThat(p.delayBefore(4, false)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.delayBefore(1, true)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delayBefore(2, true)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void jitterSpreadsDelaysAroundTheBase() {
    // jitter 1.0 around 20 ms: every pause within [10, 30] ms plus scheduling slack.
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(6).baseDelay(Duration.ofMillis(20)).multiplier(1).jitter(1.0).build();
    backend.otherwise(GET, error(refused(GET, "refused")));

    EveryFutureCompletesTest.failureOf(client(policy).instances().get("i-1"));

    assertThat(gapsMillis(backend.attempts(GET))).hasSize(5).allSatisfy(g -> assertThat(g).isBetween(10L, 300L));
  }

  private static List<Long> gapsMillis(List<ScriptedBackend.Attempt> attempts) {
    List<Long> gaps = new java.util.ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      gaps.add(TimeUnit.NANOSECONDS.toMillis(attempts.get(i).nanoTime() - attempts.get(i - 1).nanoTime()));
    }
    return gaps;
  }

  @Test
  void theAttemptTimeoutOfAnIdempotentCallIsRetried() {
    backend.script(GET, ScriptedBackend.never(), value(instance("i-1", InstanceState.RUNNING)));
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(quick(3)).attemptTimeout(Duration.ofMillis(30)).build());

    assertThat(client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join().id()).isEqualTo("i-1");
    assertThat(backend.attempts(GET)).hasSize(2);
    assertThat(backend.attempt(GET, 1).awaitCancelled(Duration.ofSeconds(5))).as("the timed-out attempt is cancelled").isTrue();
  }

  @Test
  void theAttemptTimeoutOfStartIsNotRetried() throws Exception {
    backend.script(START, ScriptedBackend.never(), value(instance("dup", InstanceState.RUNNING)));
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(quick(3)).attemptTimeout(Duration.ofMillis(30)).build());

    Throwable error = EveryFutureCompletesTest.failureOf(client.instances().start(StartRequest.of("order").build()));

    assertThat(error).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(((WorkflowException) error).requestMayHaveBeenProcessed()).isTrue();
    assertThat(backend.awaitAttempts(START, 2, Duration.ofMillis(50))).isFalse();
  }
}
