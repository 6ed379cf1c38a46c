package io.flowport.core;

import static io.flowport.core.testing.ScriptedBackend.error;
import static io.flowport.core.testing.ScriptedBackend.instance;
import static io.flowport.core.testing.ScriptedBackend.never;
import static io.flowport.core.testing.ScriptedBackend.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Page;
import io.flowport.core.testing.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** forEach walks every page, in order. */
class ForEachTest {
  private static final Operation LIST = Operation.LIST_INSTANCES;

  private final ScriptedBackend backend = ScriptedBackend.allOperations();
  private WorkflowClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static Page<Instance> page(String next, String... ids) {
    return new Page<>(java.util.Arrays.stream(ids).map(id -> instance(id, InstanceState.RUNNING)).toList(), next, 5);
  }

  @Test
  void visitsEveryItemAcrossPagesInOrder() {
    backend.script(LIST, value(page("p2", "a", "b")), value(page("p3", "c")), value(page(null, "d", "e")));
    client = WorkflowClients.create(backend, ClientOptions.defaults());
    List<String> seen = new CopyOnWriteArrayList<>();
    InstanceQuery query = InstanceQuery.builder().definitionId("order").pageSize(2).build();

    client.instances().forEach(query, i -> seen.add(i.id())).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(seen).containsExactly("a", "b", "c", "d", "e");
    assertThat(backend.attempts(LIST)).extracting(a -> ((InstanceQuery) a.args().get(0)).pageToken())
        .containsExactly(null, "p2", "p3");
    assertThat(backend.attempts(LIST)).allSatisfy(a -> {
      InstanceQuery q = (InstanceQuery) a.args().get(0);
      assertThat(q.definitionId()).isEqualTo("order");
      assertThat(q.pageSize()).isEqualTo(2);
    });
  }

  @Test
  void anEmptyPageWithANextTokenIsFollowed() {
    backend.script(LIST, value(page("p2")), value(page(null, "a")));
    client = WorkflowClients.create(backend, ClientOptions.defaults());
    List<String> seen = new CopyOnWriteArrayList<>();

    client.instances().forEach(InstanceQuery.all(), i -> seen.add(i.id())).orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(seen).containsExactly("a");
  }

  @Test
  void aFailingPageFailsTheWalkWithTheWorkflowException() {
    WorkflowException denied = ErrorKind.PERMISSION.toException(
        ErrorInfo.answered(ScriptedBackend.ENGINE, LIST, "403", null, "no", null));
    backend.script(LIST, value(page("p2", "a")), error(denied));
    client = WorkflowClients.create(backend, ClientOptions.defaults());
    List<String> seen = new CopyOnWriteArrayList<>();

    CompletableFuture<Void> f = client.instances().forEach(InstanceQuery.all(), i -> seen.add(i.id()));

    assertThat(EveryFutureCompletesTest.failureOf(f)).isSameAs(denied);
    assertThat(f.handle((v, e) -> e).join()).as("not wrapped in CompletionException").isSameAs(denied);
    assertThat(seen).containsExactly("a");
  }

  @Test
  void anActionThatThrowsStopsTheWalk() {
    backend.script(LIST, value(page("p2", "a", "b")), value(page(null, "c")));
    client = WorkflowClients.create(backend, ClientOptions.defaults());
    IllegalStateException stop = new IllegalStateException("stop");

    CompletableFuture<Void> f = client.instances().forEach(InstanceQuery.all(), i -> {
      throw stop;
    });

    assertThat(EveryFutureCompletesTest.failureOf(f)).isSameAs(stop);
    assertThat(backend.attempts(LIST)).hasSize(1);
  }

  @Test
  void cancellingTheWalkCancelsThePageInFlight() throws Exception {
    backend.script(LIST, value(page("p2", "a")), never());
    client = WorkflowClients.create(backend, ClientOptions.defaults());

    CompletableFuture<Void> f = client.instances().forEach(InstanceQuery.all(), i -> {});
    assertThat(backend.awaitAttempts(LIST, 2, Duration.ofSeconds(5))).isTrue();
    f.cancel(true);

    assertThat(backend.attempt(LIST, 2).awaitCancelled(Duration.ofSeconds(5))).isTrue();
    assertThat(backend.awaitAttempts(LIST, 3, Duration.ofMillis(50))).isFalse();
  }
}
