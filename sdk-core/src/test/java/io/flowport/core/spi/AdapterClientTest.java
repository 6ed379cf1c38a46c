package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.CallListener;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An adapter's own operations get what the unified ones get, and closing runs in one order. */
class AdapterClientTest {
  static final Operation PING = Operation.of("ping", true);
  static final Operation SEND = Operation.of("send", false);
  static final Operation NOT_OFFERED = Operation.of("not offered", true);

  /** A backend with one operation of its own, recording what happens to it. */
  static final class DemoBackend implements EngineBackend {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger pings = new AtomicInteger();
    volatile int backPressureFirst;
    volatile CompletableFuture<String> pending;

    @Override
    public String engine() {
      return "demo";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of(Operation.START_INSTANCE);
    }

    @Override
    public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
      return CompletableFuture.completedFuture(Instance.builder().id("i-1").definitionId("d")
          .state(InstanceState.RUNNING).rawStatus("running").variables(request.variables()).build());
    }

    CompletableFuture<String> ping(CallContext ctx, String id, Map<String, Object> vars) {
      if (pings.incrementAndGet() <= backPressureFirst) {
        return CompletableFuture.failedFuture(ErrorKind.BACK_PRESSURE.toException(
            ErrorInfo.answered("demo", ctx.operation(), "429", null, "busy", null)));
      }
      if (pending != null) {
        pending.whenComplete((v, e) -> events.add(pending.isCancelled() ? "attempt cancelled" : "attempt ended"));
        return pending;
      }
      return CompletableFuture.completedFuture("pong " + id + " " + vars);
    }

    @Override
    public void close() {
      events.add("backend closed");
    }
  }

  /** The smallest adapter client: one own operation as one {@link AdapterClient#call}. */
  static final class DemoClient extends AdapterClient<DemoBackend> {
    DemoClient(DemoBackend backend, ClientOptions options) {
      super(backend, options, Set.of(PING, SEND));
    }

    CompletableFuture<String> ping(String id, Map<String, ?> variables) {
      return call(PING, check -> {
        check.id("id", id);
        Map<String, Object> vars = check.optionalVariables(variables);
        return ctx -> backend().ping(ctx, id, vars);
      });
    }

    /** What the attempt of a call that asks the engine to wait {@code wait} is given. */
    CompletableFuture<Duration> awaiting(Duration wait) {
      return callAwaiting(PING, wait, check -> ctx -> CompletableFuture.completedFuture(ctx.remaining()));
    }

    CompletableFuture<Duration> plain() {
      return call(PING, check -> ctx -> CompletableFuture.completedFuture(ctx.remaining()));
    }

    CompletableFuture<String> broken() {
      return call(PING, check -> {
        throw new IllegalArgumentException("bad shape");
      });
    }

    CompletableFuture<String> notOffered() {
      return call(NOT_OFFERED, check -> ctx -> CompletableFuture.completedFuture("never"));
    }

    @Override
    protected void beforeClose() {
      backend().events.add("before close");
    }

    @Override
    protected void afterClose() {
      backend().events.add("after close");
    }
  }

  private final DemoBackend backend = new DemoBackend();
  private final List<CallListener.AttemptEvent> attempts = new CopyOnWriteArrayList<>();
  private final DemoClient client = new DemoClient(backend, ClientOptions.builder()
      .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
          .backPressureBaseDelay(Duration.ofMillis(1)).jitter(0).build())
      .listener(attempts::add)
      .build());

  @Test
  void anOwnOperationRunsItsChecksThenTheAttemptWithRetries() throws Exception {
    backend.backPressureFirst = 1;
    assertThat(client.ping("a", Map.of("n", 1)).get(5, TimeUnit.SECONDS)).isEqualTo("pong a {n=1}");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).error()).isInstanceOf(BackPressureException.class);
    assertThat(attempts.get(0).willRetry()).isTrue();
    assertThat(attempts).allMatch(a -> a.operation().equals(PING) && a.engine().equals("demo"));
  }

  @Test
  void aCallThatAsksTheEngineToWaitGetsTheWaitPlusOneMarginExactly() throws Exception {
    try (DemoClient patient = new DemoClient(new DemoBackend(), ClientOptions.builder()
        .attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(60)).build())) {
      Duration longWait = patient.awaiting(Duration.ofSeconds(40)).get(5, TimeUnit.SECONDS);
      Duration shortWait = patient.awaiting(Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS);
      Duration plain = patient.plain().get(5, TimeUnit.SECONDS);
      // 40 s + the 5 s margin, beyond the configured 30 s; 1 s + 5 s, well below it.
      assertThat(longWait).isBetween(Duration.ofSeconds(44), Duration.ofSeconds(45));
      assertThat(shortWait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
      assertThat(plain).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }
  }

  @Test
  void badArgumentsFailTheFutureBeforeTheWire() {
    Throwable blank = failure(client.ping(" ", null));
    assertThat(blank).isInstanceOf(ClientValidationException.class).hasMessageContaining("[demo] ping")
        .hasMessageContaining("id must not be blank");
    Throwable notJson = failure(client.ping("a", Map.of("x", Double.NaN)));
    assertThat(notJson).isInstanceOf(ClientValidationException.class).hasMessageContaining("'x'");
    Throwable stray = failure(client.broken());
    assertThat(stray).isInstanceOf(ClientValidationException.class).hasMessageContaining("bad shape");
    assertThat(backend.pings).hasValue(0);
    assertThat(attempts).isEmpty();
  }

  @Test
  void anOperationTheClientDoesNotOfferIsRefused() {
    assertThat(failure(client.notOffered())).isInstanceOf(OperationNotSupportedException.class)
        .hasMessageContaining("not offered");
    assertThat(client.engineOperations()).containsExactlyInAnyOrder(PING, SEND);
  }

  @Test
  void theUnifiedGroupsRunOnTheSameBackend() throws Exception {
    Instance started = client.instances().start(StartRequest.of("d").variable("k", "v").build()).get(5, TimeUnit.SECONDS);
    assertThat(started.id()).isEqualTo("i-1");
    assertThat(started.variables()).containsEntry("k", "v");
    assertThat(client.engine()).isEqualTo("demo");
    assertThat(client.capabilities().supports(Operation.START_INSTANCE)).isTrue();
    assertThat(failure(client.instances().start(StartRequest.of(" ").build())))
        .isInstanceOf(ClientValidationException.class);
  }

  @Test
  void closeStopsCallsBeforeTheBackendAndRunsOnce() {
    backend.pending = new CompletableFuture<>();
    CompletableFuture<String> inFlight = client.ping("a", null);
    client.close();
    client.close();
    assertThat(failure(inFlight)).isInstanceOf(ClientClosedException.class).hasMessageContaining("closed");
    assertThat(backend.events).containsExactly("before close", "attempt cancelled", "backend closed", "after close");
    assertThat(failure(client.ping("b", null))).isInstanceOf(ClientClosedException.class)
        .satisfies(e -> assertThat(((WorkflowException) e).isRetryable()).as("a closed client never answers").isFalse());
  }

  private static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
    return t instanceof ExecutionException ? t.getCause() : t;
  }
}
