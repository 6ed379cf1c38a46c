package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.never;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where futures complete when the user set no executor, and that close() leaves no thread behind. */
class CallbackThreadsTest {
  private static final String PREFIX = "flowport-" + ScriptedBackend.ENGINE + "-callback-";

  /** A start that times out: its failure is delivered from the timer thread, so it must hop. */
  private static String threadOfATimeout(WorkflowClient client, ScriptedBackend backend) {
    backend.otherwise(Operation.START_INSTANCE, never());
    AtomicReference<String> thread = new AtomicReference<>();
    CompletableFuture<?> seen = client.instances().start(StartRequest.of("order").build())
        .whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));
    catchThrowable(() -> seen.get(5, TimeUnit.SECONDS));
    return thread.get();
  }

  private static ClientOptions.Builder quick() {
    return ClientOptions.builder().retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofMillis(50));
  }

  static long liveCallbackThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX)).count();
  }

  @Test
  void withoutAnExecutorFuturesCompleteOnTheClientsNamedDaemonThreadsWhichCloseStops() throws Exception {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    WorkflowClient client = WorkflowClients.create(backend, quick().build());
    String thread = threadOfATimeout(client, backend);

    assertThat(thread).startsWith(PREFIX);
    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals(thread))
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    client.close();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (liveCallbackThreads() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(liveCallbackThreads()).as("callback threads left after close()").isZero();
  }

  @Test
  void aUserExecutorIsAlwaysHonoured() throws Exception {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    var mine = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "mine"));
    try (WorkflowClient client = WorkflowClients.create(backend, quick().callbackExecutor(mine).build())) {
      assertThat(threadOfATimeout(client, backend)).isEqualTo("mine");
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void runningInPlaceIsAnExplicitOptIn() {
    ScriptedBackend backend = ScriptedBackend.allOperations();
    try (WorkflowClient client = WorkflowClients.create(backend, quick().callbackExecutor(Runnable::run).build())) {
      assertThat(threadOfATimeout(client, backend)).as("on the thread that completed the call: the timer")
          .startsWith("flowport-" + ScriptedBackend.ENGINE + "-timer-");
    }
  }
}
