package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.refused;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.CapturedLogs;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What a call writes to the logs under io.flowport: each attempt, each retry, and never values. */
class CallLoggingTest {
  private static final Operation START = Operation.START_INSTANCE;
  private static final String SECRET_VALUE = "card-4111-1111";

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private WorkflowClient client(int maxAttempts) {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(maxAttempts)
        .baseDelay(Duration.ofMillis(5)).jitter(0).build();
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(policy).build());
    return client;
  }

  private static List<CapturedLogs.Event> logged(Level level) {
    return CapturedLogs.under("io.flowport").stream().filter(e -> e.level() == level).toList();
  }

  @Test
  void eachAttemptIsLoggedAtDebugAndEachRetryAtInfo() {
    backend.script(START,
        error(refused(START, "connection refused " + SECRET_VALUE)),
        error(refused(START, "connection refused again")),
        value(instance("i-1", InstanceState.RUNNING)));

    client(4).instances().start(StartRequest.of("order").variable("card", SECRET_VALUE).build())
        .orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(logged(Level.DEBUG)).extracting(CapturedLogs.Event::message).satisfiesExactly(
        m -> assertThat(m).contains("start instance").contains("attempt 1 of 4").contains("failed: unavailable"),
        m -> assertThat(m).contains("attempt 2 of 4").contains("failed"),
        m -> assertThat(m).contains("attempt 3 of 4").contains("succeeded"));
    assertThat(logged(Level.INFO)).extracting(CapturedLogs.Event::message).satisfiesExactly(
        m -> assertThat(m).contains("[" + backend.engine() + "]").contains("start instance")
            .contains("attempt 1 of 4 failed: unavailable").contains("retrying in 5 ms"),
        m -> assertThat(m).contains("attempt 2 of 4 failed").contains("retrying in 10 ms"));
    assertThat(CapturedLogs.under("io.flowport")).as("no variable value and no engine message reaches the logs")
        .allSatisfy(e -> assertThat(e.message()).doesNotContain(SECRET_VALUE).doesNotContain("connection refused"));
  }

  @Test
  void theFinalErrorSaysHowManyAttemptsWereMade() {
    backend.otherwise(START, error(refused(START, "connection refused")));

    Throwable failure = EveryFutureCompletesTest.failureOf(client(3).instances().start(StartRequest.of("order").build()));

    assertThat(failure).isInstanceOf(WorkflowException.class).hasMessageEndingWith("(after 3 attempts)");
    assertThat(((WorkflowException) failure).attempts()).isEqualTo(3);
    assertThat(((WorkflowException) failure).rethrownHere()).hasMessageEndingWith("(after 3 attempts)");
    assertThat(logged(Level.INFO)).hasSize(2);
  }

  @Test
  void aCallMadeOnceSaysNothingAboutAttempts() {
    backend.script(START, error(ScriptedBackend.timeoutAfterSend(START, "no answer")));

    Throwable failure = EveryFutureCompletesTest.failureOf(client(3).instances().start(StartRequest.of("order").build()));

    assertThat(failure.getMessage()).doesNotContain("attempts");
    assertThat(logged(Level.INFO)).as("no retry").isEmpty();
    assertThat(logged(Level.DEBUG)).hasSize(1);
  }
}
