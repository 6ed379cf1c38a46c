package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.backPressure;
import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see a call's start, each attempt's start (adding wire headers) and the call's end. */
class CallLifecycleListenerTest {
  private static final RetryPolicy FAST = RetryPolicy.builder().backPressureBaseDelay(Duration.ofMillis(5)).jitter(0).build();
  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** Writes each event as one line, and a header naming the attempt. */
  static class Recorder implements CallListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile CallEnd end;

    @Override
    public void onCallStart(Call call) {
      calls.add(call);
      call.attach(this, "state of " + call.operation().name());
      events.add("start " + call.operation().name() + " on " + Thread.currentThread().getName());
    }

    @Override
    public void beforeAttempt(AttemptStart attempt) {
      attempt.header("X-Attempt", String.valueOf(attempt.attempt()));
      events.add("before " + attempt.attempt());
    }

    @Override
    public void onAttempt(AttemptEvent event) {
      events.add("attempt " + event.attempt() + (event.succeeded() ? " ok" : " failed"));
      calls.add(event.call());
    }

    @Override
    public void onCallEnd(CallEnd event) {
      end = event;
      calls.add(event.call());
      events.add("end " + event.attempts() + " " + event.call().attachment(this, String.class));
    }
  }

  @Test
  void aRetriedCallReportsItsStartEachAttemptAndItsEndInOrder() {
    Operation start = Operation.START_INSTANCE;
    backend.script(start, error(backPressure(start, "busy")), value(instance("i-1", InstanceState.RUNNING)));
    Recorder recorder = new Recorder();
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(FAST).listener(recorder).build());

    client.instances().start(StartRequest.of("order").build()).orTimeout(5, TimeUnit.SECONDS).join();

    // The end is recorded before the caller's future completes, so no waiting is needed here.
    assertThat(recorder.events).containsExactly(
        "start start instance on " + Thread.currentThread().getName(),
        "before 1", "attempt 1 failed", "before 2", "attempt 2 ok",
        "end 2 state of start instance");
    assertThat(recorder.calls).hasSize(4).allSatisfy(c -> assertThat(c).isSameAs(recorder.calls.get(0)));
    assertThat(recorder.calls.get(0).engine()).isEqualTo(ScriptedBackend.ENGINE);
    assertThat(recorder.calls.get(0).idempotent()).isFalse();
    assertThat(recorder.end.succeeded()).isTrue();
    assertThat(recorder.end.duration()).isPositive();
  }

  @Test
  void headersSetBeforeAnAttemptReachTheBackendWithThatAttempt() {
    Operation get = Operation.GET_INSTANCE;
    backend.script(get, error(backPressure(get, "busy")), value(instance("i-1", InstanceState.RUNNING)));
    client = WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(FAST).listener(new Recorder()).build());

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempt(get, 1).context().headers()).isEqualTo(Map.of("x-attempt", "1"));
    assertThat(backend.attempt(get, 2).context().headers()).isEqualTo(Map.of("x-attempt", "2"));
  }

  @Test
  void withoutListenersAttemptsCarryNoHeaders() {
    backend.script(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(backend.attempt(Operation.GET_INSTANCE, 1).context().headers()).isEmpty();
  }

  @Test
  void aFailedCallEndsWithItsError() {
    Operation get = Operation.GET_INSTANCE;
    backend.otherwise(get, error(backPressure(get, "busy")));
    Recorder recorder = new Recorder();
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .retryPolicy(FAST.toBuilder().maxAttempts(3).build()).listener(recorder).build());

    EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(recorder.end.attempts()).isEqualTo(3);
    assertThat(recorder.end.error()).isInstanceOf(BackPressureException.class);
    assertThat(recorder.end.succeeded()).isFalse();
  }

  @Test
  void aTimedOutCallEndsWithTheTimeout() {
    backend.otherwise(Operation.GET_INSTANCE, never());
    Recorder recorder = new Recorder();
    client = WorkflowClients.create(backend, ClientOptions.builder()
        .attemptTimeout(Duration.ofMillis(50)).retryPolicy(RetryPolicy.none()).listener(recorder).build());

    EveryFutureCompletesTest.failureOf(client.instances().get("i-1"));

    assertThat(recorder.end.error()).isInstanceOf(WorkflowTimeoutException.class);
  }

  @Test
  void aCancelledCallEndsWithACancellation() throws Exception {
    backend.otherwise(Operation.GET_INSTANCE, never());
    CountDownLatch ended = new CountDownLatch(1);
    Recorder recorder = new Recorder() {
      @Override
      public void onCallEnd(CallEnd event) {
        super.onCallEnd(event);
        ended.countDown();
      }
    };
    client = WorkflowClients.create(backend, ClientOptions.builder().listener(recorder).build());

    CompletableFuture<?> call = client.instances().get("i-1");
    assertThat(backend.awaitAttempts(Operation.GET_INSTANCE, 1, Duration.ofSeconds(5))).isTrue();
    call.cancel(true);

    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.end.error()).isInstanceOf(CancellationException.class);
  }

  @Test
  void aListenerThatThrowsInAnyMethodNeitherFailsTheCallNorStopsTheOthers() {
    backend.script(Operation.GET_INSTANCE, value(instance("i-1", InstanceState.RUNNING)));
    CallListener broken = new CallListener() {
      @Override
      public void onCallStart(Call call) {
        throw new IllegalStateException("start");
      }

      @Override
      public void beforeAttempt(AttemptStart attempt) {
        throw new IllegalStateException("before");
      }

      @Override
      public void onAttempt(AttemptEvent event) {
        throw new IllegalStateException("attempt");
      }

      @Override
      public void onCallEnd(CallEnd event) {
        throw new IllegalStateException("end");
      }
    };
    Recorder recorder = new Recorder();
    client = WorkflowClients.create(backend, ClientOptions.builder().listener(broken).listener(recorder).build());

    assertThat(client.instances().get("i-1").orTimeout(5, TimeUnit.SECONDS).join().id()).isEqualTo("i-1");
    assertThat(recorder.events).hasSize(4);
    assertThat(backend.attempt(Operation.GET_INSTANCE, 1).context().headers()).containsEntry("x-attempt", "1");
  }

  @Test
  void headerNamesAreLowerCasedAndBadNamesOrValuesAreRejectedWithoutShowingTheValue() {
    CallListener.AttemptStart start = new CallListener.AttemptStart(
        new CallListener.Call("e", Operation.GET_INSTANCE, true), 1);
    start.header("TraceParent", "00-abc-def-01");
    assertThat(start.headers()).isEqualTo(Map.of("traceparent", "00-abc-def-01"));

    assertThatThrownBy(() -> start.header("bad name", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> start.header("", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> start.header("trace-bin", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> start.header("x-token", "s3cr\u00e9t\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("s3cr");
    assertThatThrownBy(() -> start.header(null, "v")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void eachListenerHasItsOwnAttachmentSlot() {
    CallListener.Call call = new CallListener.Call("e", Operation.GET_INSTANCE, true);
    CallListener a = e -> {};
    CallListener b = e -> {};
    call.attach(a, "for a");
    call.attach(b, 42);

    assertThat(call.attachment(a, String.class)).isEqualTo("for a");
    assertThat(call.attachment(b, Integer.class)).isEqualTo(42);
    assertThat(call.attachment(b, String.class)).isNull();
    call.attach(a, null);
    assertThat(call.attachment(a, String.class)).isNull();
  }
}
