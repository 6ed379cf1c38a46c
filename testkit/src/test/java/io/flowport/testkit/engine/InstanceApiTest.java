package io.flowport.testkit.engine;

import static io.flowport.testkit.engine.Fixtures.bpmn;
import static io.flowport.testkit.engine.Fixtures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.EngineException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceApiTest {
  private final InMemoryEngine engine = InMemoryEngine.create();

  @AfterEach
  void close() {
    engine.close();
  }

  private String startOrder() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    return engine.start("order", Map.of("amount", 1)).id();
  }

  @Test
  void suspendAndResumeTwiceAreIllegal() {
    String id = startOrder();
    engine.suspend(id);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.SUSPENDED);
    assertThat(engine.tree(id).state()).isEqualTo(NodeStatus.SUSPENDED);
    assertThat(failsWith(Reason.ILLEGAL_STATE, () -> engine.suspend(id)).getMessage()).contains("already suspended");
    String job = engine.activeJobs("charge").get(0).key();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.completeJob(job, Map.of()));
    assertThat(engine.activateJobs("charge", 5, Duration.ofSeconds(1), "w")).isEmpty();
    engine.resumeInstance(id);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.resume(id));
    engine.completeJob(job, Map.of());
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.suspend(id));
  }

  @Test
  void cancelDeleteAndRetry() {
    String id = startOrder();
    engine.cancel(id);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.CANCELLED);
    failsWith(Reason.ILLEGAL_STATE, () -> engine.cancel(id));
    engine.delete(id);
    failsWith(Reason.INSTANCE_NOT_FOUND, () -> engine.get(id));
    failsWith(Reason.INSTANCE_NOT_FOUND, () -> engine.delete(id));
    String other = engine.start("order", Map.of("amount", 1)).id();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.retry(other));
    engine.failJob(engine.activeJobs("charge").get(0).key(), 0, "x");
    engine.retry(other);
    assertThat(engine.get(other).state()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(engine.activeJobs("charge")).hasSize(1);
    engine.delete(other);
    assertThat(engine.activeJobs("charge")).isEmpty();
  }

  @Test
  void variables() {
    String id = startOrder();
    assertThat(engine.variable(id, "amount")).isEqualTo(1);
    EngineException missing = failsWith(Reason.VARIABLE_NOT_FOUND, () -> engine.variable(id, "nope"));
    assertThat(missing.getMessage()).contains("nope");
    Map<String, Object> two = new HashMap<>();
    two.put("fresh", "x");
    two.put("amount", 2);
    failsWith(Reason.ALREADY_EXISTS, () -> engine.createVariables(id, two));
    assertThat(engine.variables(id)).containsOnlyKeys("amount").containsEntry("amount", 1);
    engine.createVariables(id, Map.of("fresh", "x"));
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("amount", null);
    engine.upsertVariables(id, withNull);
    assertThat(engine.variables(id)).containsEntry("fresh", "x").containsEntry("amount", null);
    assertThat(engine.variable(id, "amount")).isNull();
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.createVariables(id, null));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.upsertVariables(id, Map.of(" ", 1)));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.variable(id, ""));
  }

  @Test
  void listFiltersAndPagesInStartOrder() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.deploy("timer.bpmn", bpmn("timer.bpmn"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(engine.start(StartCommand.process("order").withVariable("amount", 1).withBusinessKey("b" + (i % 2))).id());
    }
    engine.start("delay", Map.of());
    engine.cancel(ids.get(0));
    assertThat(engine.list(InstanceFilter.all())).hasSize(6);
    assertThat(engine.list(InstanceFilter.all().withProcessId("order"))).extracting(InstanceSnapshot::id).containsExactlyElementsOf(ids);
    assertThat(engine.list(InstanceFilter.all().withProcessId("order").withPage(1, 2))).extracting(InstanceSnapshot::id)
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(engine.list(InstanceFilter.all().withBusinessKey("b1"))).hasSize(2);
    assertThat(engine.list(InstanceFilter.all().withState(InstanceStatus.CANCELLED))).extracting(InstanceSnapshot::id).containsExactly(ids.get(0));
    assertThat(engine.list(InstanceFilter.all().withTenantId("other"))).isEmpty();
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.list(InstanceFilter.all().withPage(-1, 0)));
  }

  @Test
  void awaitCompletionAndWhen() throws Exception {
    String id = startOrder();
    CompletableFuture<InstanceSnapshot> done = engine.awaitCompletion(id, Duration.ofSeconds(5));
    CompletableFuture<InstanceSnapshot> paid = engine.when(id, s -> s.variables().containsKey("paid"));
    assertThat(done).isNotDone();
    engine.completeJob(engine.activeJobs("charge").get(0).key(), Map.of("paid", true));
    assertThat(paid).isCompleted();
    assertThat(done.get(1, TimeUnit.SECONDS).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.awaitCompletion(id, Duration.ofSeconds(1))).isCompleted();
  }

  @Test
  void awaitCompletionTimesOut() {
    String id = startOrder();
    CompletableFuture<InstanceSnapshot> f = engine.awaitCompletion(id, Duration.ofMillis(20));
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    assertThat(((EngineException) t.getCause()).reason()).isEqualTo(Reason.TIMEOUT);
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.awaitCompletion(id, Duration.ZERO));
    failsWith(Reason.INSTANCE_NOT_FOUND, () -> engine.awaitCompletion("404", Duration.ofSeconds(1)));
  }

  @Test
  void onChangeSeesEveryChange() {
    List<InstanceStatus> seen = new CopyOnWriteArrayList<>();
    Registration r = engine.onChange(s -> seen.add(s.state()));
    String id = startOrder();
    engine.completeJob(engine.activeJobs("charge").get(0).key(), Map.of());
    assertThat(seen).containsExactly(InstanceStatus.RUNNING, InstanceStatus.COMPLETED);
    r.close();
    engine.start("order", Map.of("amount", 1));
    assertThat(seen).hasSize(2);
    assertThat(id).isNotBlank();
  }

  @Test
  void nullAndBlankIdsAreInvalidArgument() {
    for (String bad : new String[] {null, "", "  "}) {
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.get(bad));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.cancel(bad));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.suspend(bad));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.variables(bad));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.completeJob(bad, Map.of()));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.failJob(bad, 0, "x"));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.tree(bad));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.registerHandler(bad, j -> { }));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.definition(bad));
    }
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.when("1", null));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.failJob("1", -1, "x"));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.activateJobs("t", 0, Duration.ofSeconds(1), "w"));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.clock().advance(Duration.ofSeconds(-1)));
    failsWith(Reason.JOB_NOT_FOUND, () -> engine.completeJob("1", Map.of()));
  }

  @Test
  void closedEngineRejectsCallsAndFailsWaiters() {
    InMemoryEngine e = InMemoryEngine.create();
    e.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    String id = e.start("order", Map.of("amount", 1)).id();
    CompletableFuture<InstanceSnapshot> f = e.when(id, s -> false);
    e.close();
    assertThat(f).isCompletedExceptionally();
    failsWith(Reason.ILLEGAL_STATE, () -> e.get(id));
  }

  @Test
  void droppingEndedInstancesKeepsMemoryFlat() {
    try (InMemoryEngine e = InMemoryEngine.create(EngineOptions.builder().keepEndedInstances(false).build())) {
      e.deploy(ProcessModel.builder("p").startEvent("s").endEvent("e").build());
      InstanceSnapshot s = e.start("p", Map.of());
      assertThat(s.state()).isEqualTo(InstanceStatus.COMPLETED);
      failsWith(Reason.INSTANCE_NOT_FOUND, () -> e.get(s.id()));
    }
  }

  @Test
  void manyThreadsStartAndCompleteWithoutLostUpdates() throws Exception {
    engine.deploy(ProcessModel.builder("c").startEvent("s").serviceTask("t", "t").serviceTask("u", "u").endEvent("e").build());
    engine.registerHandler("t", job -> job.complete(Map.of("t", true)));
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          for (int k = 0; k < perThread; k++) {
            engine.start("c", Map.of("n", n * perThread + k));
          }
        }));
        futures.add(pool.submit(() -> {
          int completed = 0;
          while (completed < perThread) {
            for (JobSnapshot j : engine.activateJobs("u", 50, Duration.ofMinutes(1), "w" + n)) {
              engine.upsertVariables(j.instanceId(), Map.of("w", n));
              engine.completeJob(j.key(), Map.of("u", j.instanceId()));
              completed++;
            }
            Thread.onSpinWait();
            if (completed < perThread && engine.list(InstanceFilter.all().withState(InstanceStatus.RUNNING)).isEmpty()
                && engine.list(InstanceFilter.all()).size() == threads * perThread) {
              break;
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<InstanceSnapshot> all = engine.list(InstanceFilter.all());
    assertThat(all).hasSize(threads * perThread);
    assertThat(all).allSatisfy(s -> {
      assertThat(s.state()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(s.variables()).containsEntry("t", true).containsEntry("u", s.id()).containsKey("n").containsKey("w");
    });
    assertThat(all).extracting(s -> s.variables().get("n")).doesNotHaveDuplicates();
  }

  @Test
  void engineRunsManyInstancesAndKeepsNoneEndedWhenAskedNotTo() {
    try (InMemoryEngine e = InMemoryEngine.create(EngineOptions.builder().keepEndedInstances(false).build())) {
      e.deploy(ProcessModel.builder("p").startEvent("s").serviceTask("t", "t").endEvent("e").build());
      e.registerHandler("t", job -> job.complete(Map.of("ok", true)));
      for (int i = 0; i < 20_000; i++) {
        e.start("p", Map.of("i", i));
      }
      assertThat(e.list(InstanceFilter.all())).isEmpty();
    }
    // Speed is BENCHMARKS.md's business (InMemoryEngineBenchmark), not a timed unit test's.
  }
}
