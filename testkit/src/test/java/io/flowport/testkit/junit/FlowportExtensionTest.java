package io.flowport.testkit.junit;

import static io.flowport.testkit.assertions.FlowportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs fixture test classes (the nested {@code *TestCase} classes, which run only through the
 * {@link EngineTestKit}) and checks what {@link FlowportExtension} did to them.
 */
class FlowportExtensionTest {
  /** Engines the fixtures saw, in order; checked for being closed after the run. */
  static final List<InMemoryEngine> ENGINES = new CopyOnWriteArrayList<>();

  static final ProcessModel ORDER = ProcessModel.builder("order")
      .startEvent("start").serviceTask("charge", "charge").userTask("review").endEvent("end").build();

  @BeforeEach
  void reset() {
    ENGINES.clear();
    CleanupTestCase.EVENTS.clear();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static Throwable failure(Events events) {
    return events.failed().stream().findFirst()
        .flatMap(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
        .orElseThrow(() -> new AssertionError("no failure in " + events.list()));
  }

  private static List<String> reports(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(FlowportExtension.REPORT_KEY))
        .filter(v -> v != null)
        .collect(Collectors.toList());
  }

  private static void assertAllClosed() {
    assertThat(ENGINES).isNotEmpty();
    for (InMemoryEngine engine : ENGINES) {
      assertThatThrownBy(engine::definitions)
          .isInstanceOf(EngineException.class)
          .hasMessageContaining("closed");
    }
  }

  // ================================================================== injection

  @Test
  void injectsEngineClockClientsAndContext() {
    run(InjectionTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(ENGINES).hasSize(1);
    assertAllClosed();
  }

  @ExtendWith(FlowportExtension.class)
  static class InjectionTestCase {
    @Test
    void injected(InMemoryEngine engine, TestClock clock, WorkflowClient client, SyncWorkflowClient sync,
        FlowportTestContext ctx) throws Exception {
      ENGINES.add(engine);
      assertThat(clock).isSameAs(engine.clock());
      assertThat(ctx.engine()).isSameAs(engine);
      assertThat(ctx.clock()).isSameAs(clock);
      assertThat(ctx.client()).isSameAs(client);
      assertThat(ctx.syncClient()).isSameAs(sync);
      assertThat(sync.async()).isSameAs(client);
      // all of them work on the same engine
      engine.deploy(ORDER);
      String viaAsync = client.instances().start(StartRequest.of("order").build()).get().id();
      String viaSync = sync.instances().start(StartRequest.of("order").build()).id();
      assertThat(engine.list(InstanceFilter.all())).extracting(InstanceSnapshot::id).containsExactly(viaAsync, viaSync);
    }
  }

  @Test
  void injectsIntoBeforeEachAndTheConstructorTheSameEngineAsIntoTheTest() {
    run(ConstructorAndBeforeEachTestCase.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(ENGINES).hasSize(2).doesNotHaveDuplicates();
    assertAllClosed();
  }

  @ExtendWith(FlowportExtension.class)
  static class ConstructorAndBeforeEachTestCase {
    private final InMemoryEngine fromConstructor;
    private InMemoryEngine fromBeforeEach;

    ConstructorAndBeforeEachTestCase(InMemoryEngine engine) {
      this.fromConstructor = engine;
    }

    @BeforeEach
    void setUp(InMemoryEngine engine) {
      this.fromBeforeEach = engine;
    }

    @Test
    void one(InMemoryEngine engine) {
      check(engine);
    }

    @Test
    void two(InMemoryEngine engine) {
      check(engine);
    }

    private void check(InMemoryEngine engine) {
      ENGINES.add(engine);
      assertThat(fromConstructor).isSameAs(engine);
      assertThat(fromBeforeEach).isSameAs(engine);
    }
  }

  @Test
  void perTestCannotInjectIntoBeforeAll() {
    EngineExecutionResults results = run(PerTestBeforeAllTestCase.class);
    assertThat(failure(results.containerEvents()))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("FlowportExtension makes a new engine per test, so it cannot inject InMemoryEngine into 'setUp'")
        .hasMessageContaining("use FlowportExtension.builder().perClass()");
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  @ExtendWith(FlowportExtension.class)
  static class PerTestBeforeAllTestCase {
    @BeforeAll
    static void setUp(InMemoryEngine engine) {
      // not reached
    }

    @Test
    void test() {
      // not reached
    }
  }

  // ================================================================== per test vs per class

  @Test
  void perTestEnginesAreFreshAndHaveTheirOwnClock() {
    run(PerTestTestCase.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(ENGINES).hasSize(2).doesNotHaveDuplicates();
    assertAllClosed();
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerTestTestCase {
    static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder()
        .perTest()
        .engineOptions(EngineOptions.builder().clock(TestClock.at(START)).duplicateFiltering(false).build())
        .deploy(ORDER)
        .build();

    @Test
    @Order(1)
    void first(InMemoryEngine engine, TestClock clock) {
      ENGINES.add(engine);
      assertThat(clock.now()).isEqualTo(START);
      engine.start("order", Map.of());
      clock.advance(Duration.ofHours(1));
      // duplicateFiltering(false) reached the engine: redeploying adds a version
      assertThat(engine.deploy(ORDER).version()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void second(InMemoryEngine engine, TestClock clock) {
      ENGINES.add(engine);
      assertThat(engine.list(InstanceFilter.all())).isEmpty();
      assertThat(engine.definitions()).hasSize(1);
      assertThat(clock.now()).isEqualTo(START);
    }
  }

  @Test
  void perClassEngineIsSharedByTheClassAndClosedAfterIt() {
    run(PerClassTestCase.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(ENGINES).hasSize(4).containsOnly(ENGINES.get(0));
    assertAllClosed();
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassTestCase {
    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder().perClass().deploy(ORDER).build();

    static String first;

    @BeforeAll
    static void start(InMemoryEngine engine) {
      ENGINES.add(engine);
      first = engine.start("order", Map.of()).id();
    }

    @Test
    @Order(1)
    void one(InMemoryEngine engine) {
      ENGINES.add(engine);
      engine.start("order", Map.of());
    }

    @Test
    @Order(2)
    void two(InMemoryEngine engine) {
      ENGINES.add(engine);
      assertThat(engine.list(InstanceFilter.all())).hasSize(2);
      assertThat(engine.get(first).id()).isEqualTo(first);
    }

    @AfterAll
    static void stillOpen(InMemoryEngine engine) {
      ENGINES.add(engine);
      assertThat(engine.list(InstanceFilter.all())).hasSize(2);
    }
  }

  // ================================================================== deployments and handlers

  @Test
  void deploysClasspathResourcesAndRegistersHandlers() {
    run(DeployTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  static class DeployTestCase {
    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder()
        .deploy("/engine/order-zeebe.bpmn")
        .handler("charge", job -> job.complete(Map.of("paid", true)))
        .build();

    @Test
    void runs(InMemoryEngine engine) {
      assertThat(engine.definitions()).singleElement()
          .satisfies(d -> assertThat(d.resourceName()).isEqualTo("engine/order-zeebe.bpmn"));
      InstanceSnapshot s = engine.start("order", Map.of("amount", 500));
      assertThat(engine, s).hasPassed("charge").hasVariable("paid", true).isWaitingAt("review");
    }
  }

  @Test
  void missingResourceFailsTheTestClearly() {
    EngineExecutionResults results = run(MissingResourceTestCase.class);
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    assertThat(failure(results.testEvents()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("FlowportExtension could not deploy 'bpmn/nope.bpmn': no such classpath resource");
  }

  static class MissingResourceTestCase {
    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder().deploy("bpmn/nope.bpmn").build();

    @Test
    void test() {
      // fails in beforeEach
    }
  }

  // ================================================================== diagnostics

  @Test
  void failingTestShowsTheEngineState() {
    EngineExecutionResults results = run(FailingTestCase.class);
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable failure = failure(results.testEvents());
    String id = FailingTestCase.id;

    // the failure itself is unchanged ...
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("the reviewer never came");
    // ... and carries the report
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0]).isInstanceOf(EngineStateReport.class);
    String report = ((EngineStateReport) failure.getSuppressed()[0]).report();
    assertThat(report)
        .startsWith("in-memory engine state at the failure (engine clock 2025-01-01T00:00:00Z)")
        .contains("deployed: order v1")
        .contains("1 instance:")
        .contains("instance " + id + " of process 'order' v1: RUNNING")
        .contains("variables:    {amount=120, customer=\"Ann\"}")
        .contains("passed:       [start, charge]")
        .contains("active:       [review]")
        .contains("failed:       []")
        .contains("incidents:    none")
        .contains("open jobs:    user:review at review (retries 3)");
    // and it was published as a report entry too
    assertThat(reports(results)).containsExactly(report);
  }

  static class FailingTestCase {
    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder()
        .deploy(ORDER).handler("charge", job -> job.complete()).build();

    static String id;

    @Test
    void fails(InMemoryEngine engine) {
      id = engine.start("order", Map.of("amount", 120, "customer", "Ann")).id();
      throw new AssertionError("the reviewer never came");
    }
  }

  @Test
  void failedNodesAndIncidentsAreReported() {
    EngineExecutionResults results = run(IncidentTestCase.class);
    Throwable failure = failure(results.testEvents());
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("to be COMPLETED");
    assertThat(((EngineStateReport) failure.getSuppressed()[0]).report())
        .contains(": FAILED")
        .contains("failed:       [charge]")
        .contains("incidents:    charge: \"card declined\"");
  }

  @ExtendWith(FlowportExtension.class)
  static class IncidentTestCase {
    @Test
    void fails(InMemoryEngine engine) {
      engine.deploy(ORDER);
      engine.registerHandler("charge", job -> job.fail("card declined"));
      InstanceSnapshot s = engine.start("order", Map.of());
      assertThat(engine, s).isCompleted();
    }
  }

  @Test
  void perClassReportsOnlyTheInstancesTheTestChanged() {
    EngineExecutionResults results = run(PerClassFailingTestCase.class);
    String report = ((EngineStateReport) failure(results.testEvents()).getSuppressed()[0]).report();
    assertThat(report)
        .contains("1 instance changed during the test:")
        .contains("instance " + PerClassFailingTestCase.mine + " ")
        .doesNotContain("instance " + PerClassFailingTestCase.other + " ");
  }

  static class PerClassFailingTestCase {
    @RegisterExtension
    static FlowportExtension flowport = FlowportExtension.builder().perClass().deploy(ORDER).build();

    static String other;
    static String mine;

    @BeforeAll
    static void before(InMemoryEngine engine) {
      other = engine.start("order", Map.of()).id();
    }

    @Test
    void fails(InMemoryEngine engine) {
      mine = engine.start("order", Map.of()).id();
      throw new AssertionError("boom");
    }
  }

  @Test
  void failureInBeforeEachIsReportedToo() {
    EngineExecutionResults results = run(BeforeEachFailingTestCase.class);
    Throwable failure = failure(results.testEvents());
    assertThat(failure).hasMessage("setup failed");
    assertThat(((EngineStateReport) failure.getSuppressed()[0]).report()).contains("of process 'order' v1: RUNNING");
  }

  @ExtendWith(FlowportExtension.class)
  static class BeforeEachFailingTestCase {
    @BeforeEach
    void setUp(InMemoryEngine engine) {
      engine.deploy(ORDER);
      engine.start("order", Map.of());
      throw new IllegalStateException("setup failed");
    }

    @Test
    void test() {
      // not reached
    }
  }

  @Test
  void passingAndAbortedTestsPublishNothing() {
    EngineExecutionResults results = run(QuietTestCase.class);
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1));
    assertThat(reports(results)).isEmpty();
  }

  @ExtendWith(FlowportExtension.class)
  static class QuietTestCase {
    @Test
    void passes(InMemoryEngine engine) {
      engine.deploy(ORDER);
      engine.start("order", Map.of());
    }

    @Test
    void aborted(InMemoryEngine engine) {
      engine.deploy(ORDER);
      engine.start("order", Map.of());
      Assumptions.assumeTrue(false, "not today");
    }
  }

  // ================================================================== cleanup

  @Test
  void registeredResourcesCloseBeforeTheEngineAndLeaksFailTheTest() {
    EngineExecutionResults results = run(CleanupTestCase.class);
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    // newest first, while the engine is still open
    assertThat(CleanupTestCase.EVENTS).containsExactly(
        "closed second (engine open)", "closed first (engine open)", "closed failing (engine open)");
    assertThat(failure(results.testEvents()))
        .hasMessageStartingWith("Flowport: closing")
        .hasRootCauseMessage("still running");
    assertAllClosed();
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @ExtendWith(FlowportExtension.class)
  static class CleanupTestCase {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    static AutoCloseable recorder(String name, InMemoryEngine engine) {
      return () -> {
        boolean open;
        try {
          engine.definitions();
          open = true;
        } catch (EngineException e) {
          open = false;
        }
        EVENTS.add("closed " + name + (open ? " (engine open)" : " (engine closed)"));
      };
    }

    @Test
    @Order(1)
    void registers(FlowportTestContext ctx) {
      ENGINES.add(ctx.engine());
      AutoCloseable first = recorder("first", ctx.engine());
      assertThat(ctx.register(first)).isSameAs(first);
      ctx.register(recorder("second", ctx.engine()));
    }

    @Test
    @Order(2)
    void leaks(FlowportTestContext ctx) {
      ENGINES.add(ctx.engine());
      AutoCloseable recorder = recorder("failing", ctx.engine());
      ctx.register(() -> {
        recorder.close();
        throw new IllegalStateException("still running");
      });
    }
  }

  @Test
  void diagnosticsAreAvailableOnDemand() {
    run(OnDemandTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @ExtendWith(FlowportExtension.class)
  static class OnDemandTestCase {
    @Test
    void describes(FlowportTestContext ctx) {
      assertThat(ctx.diagnostics()).contains("deployed: nothing").contains("no instances");
      ctx.engine().deploy(ORDER);
      String id = ctx.engine().start("order", Map.of()).id();
      assertThat(ctx.diagnostics()).contains("1 instance:").contains("instance " + id + " of process 'order' v1: RUNNING");
    }
  }

  // ================================================================== builder

  @Test
  void builderRejectsBadArguments() {
    FlowportExtension.Builder b = FlowportExtension.builder();
    assertThatThrownBy(() -> b.deploy((String) null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.deploy(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.handler("", job -> { })).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.handler("x", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.engineOptions(null)).isInstanceOf(NullPointerException.class);
  }
}
