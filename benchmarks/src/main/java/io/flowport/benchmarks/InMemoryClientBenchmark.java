package io.flowport.benchmarks;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.StartCommand;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client layer costs on top of the in-memory engine, measured in one run: the same
 * start → service task → end instance through the raw engine, the async client (joined) and the
 * sync client. The difference is argument and JSON checks, the call executor's timers and the
 * hop to the callback executor.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryClientBenchmark {
  private InMemoryEngine engine;
  private WorkflowClient client;
  private SyncWorkflowClient sync;
  private final StartRequest request = StartRequest.of("order").variable("amount", 42).build();

  @Setup(Level.Iteration)
  public void setUp() {
    engine = InMemoryEngineBenchmark.newEngineWithProcess();
    client = InMemoryWorkflowClient.create(engine);
    sync = SyncWorkflowClient.of(client);
  }

  @TearDown(Level.Iteration)
  public void tearDown() {
    sync.close();
    engine.close();
  }

  @Benchmark
  public InstanceSnapshot rawEngine() {
    return engine.start(StartCommand.process("order").withVariable("amount", 42));
  }

  @Benchmark
  public Instance asyncClientJoined() {
    return client.instances().start(request).join();
  }

  @Benchmark
  public Instance syncClient() {
    return sync.instances().start(request);
  }
}
