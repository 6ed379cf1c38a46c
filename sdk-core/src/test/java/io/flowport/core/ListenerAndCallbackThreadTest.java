package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.pending;
import static io.flowport.core.testing.ScriptedBackend.value;
import static io.flowport.core.testing.ScriptedBackend.valueOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see every attempt; futures complete on the callback executor. */
class ListenerAndCallbackThreadTest {
  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-callbacks"));
  private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "engine-io"));
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    callbacks.shutdownNow();
    io.shutdownNow();
  }

  @Test
  void theListenerSeesEveryAttempt() {
    Operation start = Operation.START_INSTANCE;
    WorkflowException busy1 = backPressure(start, "busy 1");
    WorkflowException busy2 = backPressure(start, "busy 2");
    backend.script(start, error(busy1), error(busy2), value(instance("i-1", InstanceState.RUNNING)));
    List<CallListener.AttemptEvent> events = new CopyOnWriteArrayList<>();
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build())
        .listener(events::add)
        .build());

    client.instances().start(StartRequest.of("order").build()).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(events).hasSize(3);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.engine()).isEqualTo(ScriptedBackend.ENGINE);
      assertThat(e.operation()).isEqualTo(start);
      assertThat(e.duration().isNegative()).isFalse();
    });
    assertThat(events).extracting(CallListener.AttemptEvent::attempt).containsExactly(1, 2, 3);
    assertThat(events).extracting(CallListener.AttemptEvent::willRetry).containsExactly(true, true, false);
    assertThat(events).extracting(CallListener.AttemptEvent::error).containsExactly(busy1, busy2, null);
    assertThat(events).extracting(CallListener.AttemptEvent::succeeded).containsExactly(false, false, true);
  }

  @Test
  void theListenerSeesTheLastFailedAttemptWithoutRetry() {
    Operation get = Operation.GET_INSTANCE;
    backend.otherwise(get, error(backPressure(get, "busy")));
    List<CallListener.AttemptEvent> events = new CopyOnWriteArrayList<>();
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build())
        .listener(events::add)
        .build());

    EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(events).extracting(CallListener.AttemptEvent::willRetry).containsExactly(true, false);
    assertThat(events.get(1).error()).isInstanceOf(BackPressureException.class);
  }

  @Test
  void theFutureCompletesOnTheCallbackExecutorNotOnTheBackendThread() throws Exception {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(Operation.GET_INSTANCE, pending(wire));
    client = WorkflowClients.create(backend, ClientOptions.builder().callbackExecutor(callbacks).build());
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<String> seen = client.instances().get("i-1")
        .thenApply(i -> {
          thread.set(Thread.currentThread().getName());
          return i.id();
        });
    io.execute(() -> wire.complete(instance("i-1", InstanceState.RUNNING)));

    assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("i-1");
    assertThat(thread.get()).isEqualTo("user-callbacks");
  }

  @Test
  void aFailureIsAlsoDeliveredOnTheCallbackExecutor() throws Exception {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(Operation.GET_INSTANCE, pending(wire));
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(RetryPolicy.none()).callbackExecutor(callbacks).build());
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<?> seen = client.instances().get("i-1")
        .whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));
    io.execute(() -> wire.completeExceptionally(backPressure(Operation.GET_INSTANCE, "busy")));

    EveryFutureCompletesTest.failureOf(seen);
    assertThat(thread.get()).isEqualTo("user-callbacks");
  }

  @Test
  void aTimeoutIsDeliveredOnTheCallbackExecutor() {
    backend.otherwise(Operation.GET_INSTANCE, ScriptedBackend.never());
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofMillis(20)).callbackExecutor(callbacks).build());
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<?> seen = client.instances().get("i-1")
        .whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));

    EveryFutureCompletesTest.failureOf(seen);
    assertThat(thread.get()).isEqualTo("user-callbacks");
  }

  @Test
  void forEachRunsTheActionOnTheCallbackExecutor() throws Exception {
    backend.script(Operation.LIST_INSTANCES,
        valueOn(io, new Page<>(List.of(instance("a", InstanceState.RUNNING)), "p2", -1)),
        valueOn(io, new Page<>(List.of(instance("b", InstanceState.RUNNING)), null, -1)));
    client = WorkflowClients.create(backend, ClientOptions.builder().callbackExecutor(callbacks).build());
    List<String> threads = new CopyOnWriteArrayList<>();

    client.instances().forEach(InstanceQuery.all(), i -> threads.add(Thread.currentThread().getName()))
        .get(5, TimeUnit.SECONDS);

    assertThat(threads).containsExactly("user-callbacks", "user-callbacks");
  }

  @Test
  void backendAnswersOnItsIoThreadReachTheCallerOnTheCallbackThread() throws Exception {
    Instance i = instance("i-1", InstanceState.RUNNING);
    backend.script(Operation.GET_INSTANCE, valueOn(io, i));
    client = WorkflowClients.create(backend, ClientOptions.builder().callbackExecutor(callbacks).build());
    AtomicReference<String> thread = new AtomicReference<>();
    CompletableFuture<Instance> f = client.instances().get("i-1");
    CompletableFuture<Instance> seen = f.whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));

    assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(i);
    // Either the callback thread, or (if already done when whenComplete was added) this test thread:
    // never the backend's I/O thread.
    assertThat(thread.get()).isNotEqualTo("engine-io");
  }
}
