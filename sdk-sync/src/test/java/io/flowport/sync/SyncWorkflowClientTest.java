package io.flowport.sync;

import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.pending;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unit tests for {@link SyncWorkflowClient}: errors, interruption, paging, closing. */
class SyncWorkflowClientTest {
  private static final Operation GET = Operation.GET_INSTANCE;
  private static final Operation LIST = Operation.LIST_INSTANCES;

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private SyncWorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    threads.shutdownNow();
  }

  private SyncWorkflowClient client(RetryPolicy policy) {
    client = SyncWorkflowClient.of(WorkflowClients.create(backend, ClientOptions.builder().retryPolicy(policy).build()));
    return client;
  }

  private static boolean hasFrame(Throwable t, String method) {
    return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method)
        && f.getClassName().equals(SyncWorkflowClientTest.class.getName()));
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void throwsTheSameTypeWithTheCallersFramesAndTheOriginalAsCause(ErrorKind kind) {
    WorkflowException original = kind.toException(
        new ErrorInfo(ScriptedBackend.ENGINE, GET, "409", "E7", "engine says " + kind, "req-1", false));
    backend.script(GET, error(original));
    client(RetryPolicy.none());

    Throwable thrown = catchThrowable(() -> client.instances().get("i-1"));

    assertThat(thrown).isNotInstanceOf(CompletionException.class).isNotInstanceOf(ExecutionException.class);
    assertThat(thrown).isExactlyInstanceOf(original.getClass()).isNotSameAs(original).hasCause(original);
    WorkflowException we = (WorkflowException) thrown;
    assertThat(we.info()).isEqualTo(original.info());
    assertThat(we.getMessage()).isEqualTo(original.getMessage());
    assertThat(hasFrame(we, "throwsTheSameTypeWithTheCallersFramesAndTheOriginalAsCause")).isTrue();
  }

  @Test
  void anErrorMadeOnAnIoThreadShowsTheCallersFramesToo() throws Exception {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(GET, pending(wire));
    client(RetryPolicy.none());
    AtomicReference<WorkflowException> original = new AtomicReference<>();

    CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(
        () -> catchThrowable(() -> client.instances().get("i-1")), threads);
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue();
    threads.execute(() -> {
      original.set(ErrorKind.PERMISSION.toException(
          ErrorInfo.answered(ScriptedBackend.ENGINE, GET, "403", null, "denied", null)));
      wire.completeExceptionally(original.get());
    });

    Throwable t = thrown.get(5, TimeUnit.SECONDS);
    assertThat(t).isInstanceOf(PermissionDeniedException.class).hasCause(original.get());
    assertThat(Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().contains("DefaultSyncWorkflowClient")))
        .as("the rethrown exception was made on the calling thread").isTrue();
    assertThat(Arrays.stream(original.get().getStackTrace())
        .anyMatch(f -> f.getClassName().contains("DefaultSyncWorkflowClient"))).isFalse();
  }

  @Test
  void badArgumentsThrowClientValidationException() {
    client(RetryPolicy.none());

    assertThat(catchThrowable(() -> client.instances().get(null))).isInstanceOf(ClientValidationException.class);
    assertThat(catchThrowable(() -> client.nodes().pause("i", " "))).isInstanceOf(ClientValidationException.class);
    Throwable noQuery = catchThrowable(() -> client.instances().stream(null));
    assertThat(noQuery).isInstanceOf(ClientValidationException.class);
    assertThat(hasFrame(noQuery, "badArgumentsThrowClientValidationException")).isTrue();
    assertThat(backend.attempts()).isEmpty();
  }

  @Test
  void aCancellationIsThrownAsItIs() throws Exception {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(GET, pending(wire));
    client(RetryPolicy.none());

    CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(
        () -> catchThrowable(() -> client.instances().get("i-1")), threads);
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue();
    wire.cancel(true); // e.g. the backend gave up on its own

    assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
  }

  @Test
  void interruptionCancelsTheCallAndKeepsTheInterruptFlag() throws Exception {
    backend.otherwise(GET, never());
    client(RetryPolicy.defaults());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      thrown.set(catchThrowable(() -> client.instances().get("i-1")));
      flagAfter.set(Thread.currentThread().isInterrupted());
    }, "blocked-caller");
    caller.start();
    assertThat(backend.awaitAttempts(GET, 1, Duration.ofSeconds(5))).isTrue();

    caller.interrupt();
    caller.join(5_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasCauseInstanceOf(InterruptedException.class);
    assertThat(thrown.get().getMessage()).contains("interrupted").contains(ScriptedBackend.ENGINE);
    assertThat(flagAfter.get()).as("interrupt flag kept").isTrue();
    assertThat(backend.attempt(GET, 1).cancelled()).as("the wire call is cancelled").isTrue();
    assertThat(backend.awaitAttempts(GET, 2, Duration.ofMillis(150))).as("and not retried").isFalse();
  }

  @Test
  void anAlreadyInterruptedCallerCancelsAtOnce() {
    backend.otherwise(GET, never());
    client(RetryPolicy.defaults());

    Thread.currentThread().interrupt();
    Throwable thrown;
    try {
      thrown = catchThrowable(() -> client.instances().get("i-1"));
    } finally {
      assertThat(Thread.interrupted()).as("flag still set (and now cleared)").isTrue();
    }

    assertThat(thrown).isInstanceOf(CancellationException.class);
    assertThat(backend.attempts(GET)).allSatisfy(a -> assertThat(a.cancelled()).isTrue());
  }

  private static Page<Instance> page(String next, String... ids) {
    return new Page<>(Arrays.stream(ids).map(id -> instance(id, InstanceState.RUNNING)).toList(), next, -1);
  }

  @Test
  void streamFetchesPagesLazily() {
    backend.script(LIST, value(page("p2", "a", "b")), value(page(null, "c")));
    client(RetryPolicy.none());

    Stream<Instance> stream = client.instances().stream(InstanceQuery.builder().pageSize(2).build());
    assertThat(backend.attempts(LIST)).as("nothing fetched before the stream is used").isEmpty();
    Iterator<Instance> it = stream.iterator();

    assertThat(it.next().id()).isEqualTo("a");
    assertThat(backend.attempts(LIST)).hasSize(1);
    assertThat(it.next().id()).isEqualTo("b");
    assertThat(backend.attempts(LIST)).as("page 2 not requested while page 1 lasts").hasSize(1);
    assertThat(it.hasNext()).isTrue();
    assertThat(backend.attempts(LIST)).hasSize(2);
    assertThat(it.next().id()).isEqualTo("c");
    assertThat(it.hasNext()).isFalse();
    assertThat(backend.attempts(LIST)).extracting(a -> ((InstanceQuery) a.args().get(0)).pageToken())
        .containsExactly(null, "p2");
    assertThat(backend.attempts(LIST)).allSatisfy(a -> assertThat(((InstanceQuery) a.args().get(0)).pageSize()).isEqualTo(2));
  }

  @Test
  void aShortStreamReadsOnlyThePagesItNeeds() {
    backend.script(LIST, value(page("p2", "a", "b")), value(page(null, "c")));
    client(RetryPolicy.none());

    assertThat(client.instances().stream(InstanceQuery.all()).limit(2).map(Instance::id).toList())
        .containsExactly("a", "b");
    assertThat(backend.attempts(LIST)).hasSize(1);
  }

  @Test
  void streamVisitsEveryItemAndSkipsEmptyPages() {
    backend.script(LIST, value(page("p2", "a")), value(page("p3")), value(page(null, "b", "c")));
    client(RetryPolicy.none());

    assertThat(client.instances().stream(InstanceQuery.all()).map(Instance::id).toList())
        .containsExactly("a", "b", "c");
  }

  @Test
  void aFailingPageThrowsTheWorkflowExceptionFromTheStream() {
    WorkflowException denied = ErrorKind.PERMISSION.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, LIST, "403", null, "no", null));
    backend.script(LIST, value(page("p2", "a")), error(denied));
    client(RetryPolicy.none());
    Iterator<Instance> it = client.instances().stream(InstanceQuery.all()).iterator();
    it.next();

    assertThat(catchThrowable(it::hasNext)).isInstanceOf(PermissionDeniedException.class).hasCause(denied);
  }

  @Test
  void listReturnsOnePage() {
    Page<Instance> first = page("p2", "a");
    backend.script(LIST, value(first));
    client(RetryPolicy.none());

    assertThat(client.instances().list(InstanceQuery.all())).isEqualTo(first);
  }

  @Test
  void engineCapabilitiesAndAsyncComeFromTheWrappedClient() {
    WorkflowClient async = WorkflowClients.create(backend, ClientOptions.defaults());
    client = SyncWorkflowClient.of(async);

    assertThat(client.async()).isSameAs(async);
    assertThat(client.engine()).isEqualTo(ScriptedBackend.ENGINE);
    assertThat(client.capabilities()).isSameAs(async.capabilities());
    assertThat(catchThrowable(() -> SyncWorkflowClient.of(null))).isInstanceOf(NullPointerException.class);
  }

  @Test
  void closingTheSyncClientClosesTheAsyncOne() {
    backend.otherwise(GET, value(instance("i-1", InstanceState.RUNNING)));
    WorkflowClient async = WorkflowClients.create(backend, ClientOptions.defaults());
    SyncWorkflowClient sync = SyncWorkflowClient.of(async);

    sync.close();

    assertThat(backend.isClosed()).isTrue();
    assertThat(catchThrowable(() -> async.instances().get("i-1").get(5, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(WorkflowException.class);
    assertThat(catchThrowable(() -> sync.instances().get("i-1"))).isInstanceOf(WorkflowException.class);
  }

  @Test
  void voidOperationsReturnOnceTheEngineAnswered() {
    CompletableFuture<Object> wire = new CompletableFuture<>();
    backend.script(Operation.CANCEL_INSTANCE, pending(wire));
    client(RetryPolicy.none());

    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> client.instances().cancel("i-1"), threads);
    assertThat(catchThrowable(() -> done.get(50, TimeUnit.MILLISECONDS)))
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    wire.complete(null);

    assertThat(done).succeedsWithin(Duration.ofSeconds(5));
    assertThat(backend.attempt(Operation.CANCEL_INSTANCE, 1).args()).isEqualTo(List.of("i-1"));
  }
}
