package io.flowport.testkit.engine;

import static io.flowport.testkit.engine.Fixtures.bpmn;
import static io.flowport.testkit.engine.Fixtures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.EngineException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {
  private final InMemoryEngine engine = InMemoryEngine.create();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void zeebeOrderSmallAmountTakesDefaultFlow() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.registerHandler("charge", job -> job.complete(Map.of("paid", true)));
    InstanceSnapshot s = engine.start(StartCommand.process("order").withVariable("amount", 50).withBusinessKey("o-1"));
    assertThat(s.state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(s.variables()).containsEntry("paid", true).containsEntry("amount", 50);
    assertThat(s.passedNodeIds()).containsExactly("start", "charge", "big", "endSmall");
    assertThat(s.businessKey()).isEqualTo("o-1");
    assertThat(s.endTime()).isEqualTo(engine.clock().now());
  }

  @Test
  void zeebeOrderBigAmountWaitsInUserTask() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.registerHandler("charge", job -> job.complete(Map.of()));
    InstanceSnapshot s = engine.start("order", Map.of("amount", 150.5));
    assertThat(s.state()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(s.activeNodeIds()).containsExactly("review");
    assertThat(engine.activeJobs("user:review")).singleElement().satisfies(j -> {
      assertThat(j.instanceId()).isEqualTo(s.id());
      assertThat(j.nodeId()).isEqualTo("review");
    });
    engine.completeUserTask(s.id(), "review", Map.of("ok", true));
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.get(s.id()).passedNodeIds()).contains("endBig");
  }

  @Test
  void flowableJuelConditionAndClassTypedServiceTask() {
    engine.deploy("order.bpmn", bpmn("order-flowable.bpmn"));
    InstanceSnapshot s = engine.start("order", Map.of("amount", 500, "approved", false));
    JobSnapshot job = engine.activeJobs("com.example.ChargeDelegate").get(0);
    engine.completeJob(job.key(), null);
    assertThat(engine.get(s.id()).activeNodeIds()).containsExactly("review");
    InstanceSnapshot other = engine.start("order", Map.of("amount", 500, "approved", true));
    engine.completeJob(engine.activeJobs("com.example.ChargeDelegate").get(0).key(), Map.of());
    assertThat(engine.get(other.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void conditionOnMissingVariableFailsGatewayWithIncident() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.registerHandler("charge", job -> job.complete(Map.of()));
    InstanceSnapshot s = engine.start("order", Map.of());
    assertThat(s.state()).isEqualTo(InstanceStatus.FAILED);
    assertThat(s.failedNodeIds()).containsExactly("big");
    assertThat(s.incidents()).singleElement().satisfies(i -> {
      assertThat(i.nodeId()).isEqualTo("big");
      assertThat(i.message()).contains("no variable found with name 'amount'");
    });
    engine.upsertVariables(s.id(), Map.of("amount", 1));
    engine.retryNode(s.id(), "big", null);
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.get(s.id()).incidents()).isEmpty();
  }

  @Test
  void exclusiveGatewayWithoutMatchFails() {
    engine.deploy(ProcessModel.builder("p").startEvent("s").exclusiveGateway("g")
        .condition("x == 'a'").endEvent("ea").moveTo("g").condition("x = \"b\"").endEvent("eb").build());
    assertThat(engine.start("p", Map.of("x", "b")).passedNodeIds()).contains("eb");
    InstanceSnapshot s = engine.start("p", Map.of("x", "c"));
    assertThat(s.incidents().get(0).message()).isEqualTo("Expected at least one condition to evaluate to true, or to have a default flow");
  }

  @Test
  void conditionLanguage() {
    String[][] cases = {
        {"${a > 1 && b}", "true"}, {"=a > 1 and not(b)", "false"}, {"a >= 2 || b", "true"}, {"!(a < 2)", "true"},
        {"s == 'x' or s != \"y\"", "true"}, {"n == null", "true"}, {"a eq 2 && a ne 3 && a le 2 && a ge 2 && a lt 3 && a gt 1", "true"},
        {"=o.total <= 10.5", "true"}, {"a == 2.0", "true"}, {"=a = 3", "false"}, {"-1 < a", "true"}};
    for (String[] c : cases) {
      engine.deploy(ProcessModel.builder("c").startEvent("s").exclusiveGateway("g")
          .condition(c[0]).endEvent("yes").moveTo("g").defaultFlow().endEvent("no").build());
      Map<String, Object> vars = new java.util.HashMap<>(Map.of("a", 2, "b", true, "s", "x", "o", Map.of("total", 10)));
      vars.put("n", null);
      InstanceSnapshot s = engine.start("c", vars);
      assertThat(s.passedNodeIds()).as(c[0]).contains(Boolean.parseBoolean(c[1]) ? "yes" : "no");
    }
  }

  @Test
  void parallelJoinWaitsForAllBranches() {
    engine.deploy("parallel.bpmn", bpmn("parallel.bpmn"));
    InstanceSnapshot s = engine.start("fanout", Map.of());
    assertThat(s.activeNodeIds()).containsExactly("a", "b");
    engine.completeJob(engine.activeJobs("a").get(0).key(), Map.of("a", 1));
    InstanceSnapshot mid = engine.get(s.id());
    assertThat(mid.state()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(mid.passedNodeIds()).doesNotContain("join", "end");
    engine.completeJob(engine.activeJobs("b").get(0).key(), Map.of("b", 2));
    InstanceSnapshot done = engine.get(s.id());
    assertThat(done.state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(done.passedNodeIds()).containsExactly("start", "fork", "a", "b", "join", "end");
    assertThat(done.variables()).containsEntry("a", 1).containsEntry("b", 2);
  }

  @Test
  void conditionalParallelGatewayJoinsOnlyTakenBranches() {
    engine.deploy(ProcessModel.builder("cp").startEvent("s").conditionalParallelGateway("fork")
        .condition("x > 1").serviceTask("a", "a").parallelGateway("join").endEvent("e")
        .moveTo("fork").condition("x > 5").serviceTask("b", "b").connectTo("join")
        .moveTo("fork").condition("x > 0").serviceTask("c", "c").connectTo("join").build());
    InstanceSnapshot s = engine.start("cp", Map.of("x", 3));
    assertThat(s.activeNodeIds()).containsExactly("a", "c");
    engine.completeJob(engine.activeJobs("a").get(0).key(), null);
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.RUNNING);
    engine.completeJob(engine.activeJobs("c").get(0).key(), null);
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void embeddedSubprocess() {
    engine.deploy("subprocess.bpmn", bpmn("subprocess.bpmn"));
    InstanceSnapshot s = engine.start("nested", Map.of());
    assertThat(s.activeNodeIds()).containsExactly("sub", "inner");
    NodeSnapshot tree = engine.tree(s.id());
    assertThat(tree.type()).isEqualTo(NodeType.PROCESS);
    assertThat(tree.find("sub").orElseThrow().children()).extracting(NodeSnapshot::id).containsExactly("subStart", "inner");
    engine.completeJob(engine.activeJobs("inner").get(0).key(), null);
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.tree(s.id()).state()).isEqualTo(NodeStatus.FINISHED);
  }

  @Test
  void timerFiresOnClockAdvanceOnly() {
    engine.deploy("timer.bpmn", bpmn("timer.bpmn"));
    InstanceSnapshot s = engine.start("delay", Map.of());
    assertThat(s.activeNodeIds()).containsExactly("wait");
    engine.clock().advance(Duration.ofMinutes(4));
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.RUNNING);
    engine.clock().advance(Duration.ofMinutes(1));
    assertThat(engine.get(s.id()).state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.get(s.id()).endTime()).isEqualTo(TestClock.DEFAULT_START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void timerDueWhileSuspendedFiresOnResume() {
    engine.deploy("timer.bpmn", bpmn("timer.bpmn"));
    String id = engine.start("delay", Map.of()).id();
    engine.suspend(id);
    engine.clock().advance(Duration.ofMinutes(10));
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.SUSPENDED);
    engine.resume(id);
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void messageCorrelatesToWaitingInstanceByKey() {
    engine.deploy("message.bpmn", bpmn("message-zeebe.bpmn"));
    String a = engine.start("payment", Map.of("orderId", "A")).id();
    String b = engine.start("payment", Map.of("orderId", 7)).id();
    engine.publishMessage(MessageCommand.of("paid", "7").withVariables(Map.of("amount", 3)));
    assertThat(engine.get(a).activeNodeIds()).containsExactly("waitPaid");
    assertThat(engine.get(b).activeNodeIds()).containsExactly("waitShipped");
    assertThat(engine.variable(b, "amount")).isEqualTo(3);
    engine.publishMessage(MessageCommand.of("shipped", "7"));
    assertThat(engine.get(b).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void bufferedMessageCorrelatesLaterAndExpiresWithTtl() {
    engine.deploy("message.bpmn", bpmn("message-zeebe.bpmn"));
    engine.publishMessage(MessageCommand.of("paid", "A").withTtl(Duration.ofMinutes(1)));
    engine.publishMessage(MessageCommand.of("paid", "B").withTtl(Duration.ofMinutes(1)));
    String a = engine.start("payment", Map.of("orderId", "A")).id();
    assertThat(engine.get(a).activeNodeIds()).containsExactly("waitShipped");
    engine.clock().advance(Duration.ofMinutes(1));
    String b = engine.start("payment", Map.of("orderId", "B")).id();
    assertThat(engine.get(b).activeNodeIds()).containsExactly("waitPaid");
  }

  @Test
  void messageWithoutTtlIsDroppedWhenNobodyWaits() {
    engine.deploy("message.bpmn", bpmn("message-zeebe.bpmn"));
    engine.publishMessage(MessageCommand.of("paid", "A"));
    assertThat(engine.start("payment", Map.of("orderId", "A")).activeNodeIds()).containsExactly("waitPaid");
  }

  @Test
  void messageIdDedupWhileAlive() {
    MessageCommand m = MessageCommand.of("paid", "A").withTtl(Duration.ofSeconds(30)).withMessageId("m-1");
    String key = engine.publishMessage(m);
    assertThat(key).isNotBlank();
    assertThat(failsWith(Reason.ALREADY_EXISTS, () -> engine.publishMessage(m)).getMessage()).contains("'m-1'");
    engine.clock().advance(Duration.ofSeconds(30));
    assertThat(engine.publishMessage(m)).isNotEqualTo(key);
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.publishMessage(MessageCommand.of(" ", "k")));
    failsWith(Reason.INVALID_ARGUMENT, () -> engine.publishMessage(m.withTtl(Duration.ofSeconds(-1))));
  }

  @Test
  void messageStartEvent() {
    engine.deploy("message-start.bpmn", bpmn("message-start.bpmn"));
    engine.publishMessage(MessageCommand.of("orderPlaced", null).withVariables(Map.of("x", 1)));
    assertThat(engine.list(InstanceFilter.all().withProcessId("onOrder"))).singleElement()
        .satisfies(s -> assertThat(s.variables()).containsEntry("x", 1));
    InstanceSnapshot s = engine.start(StartCommand.message("orderPlaced").withVariable("y", 2));
    assertThat(s.state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(s.processId()).isEqualTo("onOrder");
  }

  @Test
  void missingCorrelationKeyVariableFailsTheCatch() {
    engine.deploy("message.bpmn", bpmn("message-zeebe.bpmn"));
    InstanceSnapshot s = engine.start("payment", Map.of());
    assertThat(s.failedNodeIds()).containsExactly("waitPaid");
    assertThat(s.incidents().get(0).message()).contains("Failed to extract the correlation key for 'orderId'");
  }

  @Test
  void flowableStyleMessageEventReceived() {
    engine.deploy(ProcessModel.builder("r").startEvent("s").receiveTask("wait", "go", null).endEvent("e").build());
    String id = engine.start("r", Map.of()).id();
    failsWith(Reason.ILLEGAL_STATE, () -> engine.messageEventReceived(id, "other", Map.of()));
    engine.messageEventReceived(id, "go", Map.of("v", 1));
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void jobFailWithRetriesThenIncidentAndResolve() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    String id = engine.start("order", Map.of("amount", 1)).id();
    List<JobSnapshot> jobs = engine.activateJobs("charge", 10, Duration.ofMinutes(5), "w1");
    assertThat(jobs).singleElement().satisfies(j -> assertThat(j.retries()).isEqualTo(2));
    assertThat(engine.activateJobs("charge", 10, Duration.ofMinutes(5), "w2")).isEmpty();
    engine.failJob(jobs.get(0).key(), 1, "boom");
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.RUNNING);
    JobSnapshot again = engine.activateJobs("charge", 10, Duration.ofMinutes(5), "w2").get(0);
    assertThat(again.key()).isEqualTo(jobs.get(0).key());
    assertThat(again.errorMessage()).isEqualTo("boom");
    engine.failJob(again.key(), 0, "no more");
    InstanceSnapshot failed = engine.get(id);
    assertThat(failed.state()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.incidents()).singleElement().satisfies(i -> assertThat(i.jobKey()).isEqualTo(again.key()));
    failsWith(Reason.JOB_NOT_FOUND, () -> engine.completeJob(again.key(), Map.of()));
    engine.resolveIncident(failed.incidents().get(0).key());
    engine.completeJob(engine.activeJobs("charge").get(0).key(), Map.of());
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
    failsWith(Reason.INCIDENT_NOT_FOUND, () -> engine.resolveIncident("1"));
  }

  @Test
  void activationLockExpiresOnTheClock() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.start("order", Map.of("amount", 1));
    assertThat(engine.activateJobs("charge", 1, Duration.ofSeconds(10), "w")).hasSize(1);
    assertThat(engine.activateJobs("charge", 1, Duration.ofSeconds(10), "w")).isEmpty();
    engine.clock().advance(Duration.ofSeconds(10));
    assertThat(engine.activateJobs("charge", 1, Duration.ofSeconds(10), "w")).hasSize(1);
  }

  @Test
  void handlerThatThrowsFailsTheNodeAndHandlerCanCompleteLater() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    Registration r = engine.registerHandler("charge", job -> {
      throw new IllegalStateException("card declined");
    });
    InstanceSnapshot s = engine.start("order", Map.of("amount", 1));
    assertThat(s.state()).isEqualTo(InstanceStatus.FAILED);
    assertThat(s.incidents().get(0).message()).contains("card declined");
    r.close();
    Job[] kept = new Job[1];
    engine.registerHandler("charge", job -> kept[0] = job);
    String id = engine.start("order", Map.of("amount", 1)).id();
    assertThat(engine.get(id).activeNodeIds()).containsExactly("charge");
    kept[0].complete(Map.of("late", true));
    assertThat(engine.get(id).state()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  void handlerFailFailsTheNode() {
    engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
    engine.registerHandler("charge", job -> job.fail("declined"));
    InstanceSnapshot s = engine.start("order", Map.of("amount", 1));
    assertThat(s.failedNodeIds()).containsExactly("charge");
    assertThat(engine.executionData(s.id(), "charge").errorMessage()).isEqualTo("declined");
  }

  @Test
  void loopReentryRecordsHistory() {
    engine.deploy(ProcessModel.builder("loop").startEvent("s").exclusiveGateway("merge").serviceTask("work", "work")
        .exclusiveGateway("again").condition("n < 3").connectTo("merge").moveTo("again").defaultFlow().endEvent("e").build());
    int[] n = {0};
    engine.registerHandler("work", job -> job.complete(Map.of("n", ++n[0])));
    InstanceSnapshot s = engine.start("loop", Map.of());
    assertThat(s.state()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.tree(s.id()).find("work").orElseThrow().loop()).isEqualTo(3);
    assertThat(engine.histories(s.id(), "work")).extracting(NodeAttempt::loop).containsExactly(1, 2);
  }
}
