package io.flowport.benchmarks;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.StartCommand;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory engine: how fast a fresh one starts, and how many start → service task → end
 * instances it runs a second on one thread (the handler completes the task inline, as a test's
 * handler would).
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InMemoryEngineBenchmark {
  private static final ProcessModel ORDER = ProcessModel.builder("order")
      .startEvent("start")
      .serviceTask("charge", "charge")
      .endEvent("end")
      .build();

  private InMemoryEngine engine;

  @Setup(Level.Iteration)
  public void setUp() {
    engine = newEngineWithProcess();
  }

  @TearDown(Level.Iteration)
  public void tearDown() {
    engine.close();
  }

  /** A fresh engine with the benchmark process deployed and its handler registered. */
  public static InMemoryEngine newEngineWithProcess() {
    InMemoryEngine e = InMemoryEngine.create();
    e.deploy(ORDER);
    e.registerHandler("charge", job -> job.complete(Map.of("paid", true)));
    return e;
  }

  /** One instance from start to end; throughput is instances per second on one thread. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public InstanceSnapshot startServiceTaskEnd() {
    return engine.start(StartCommand.process("order").withVariable("amount", 42));
  }

  /** A fresh engine, made and closed, in a warm JVM. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void createEngine(Blackhole bh) {
    try (InMemoryEngine e = InMemoryEngine.create()) {
      bh.consume(e);
    }
  }

  /** A fresh engine with one process deployed and a handler registered, in a warm JVM. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void createEngineAndDeploy(Blackhole bh) {
    try (InMemoryEngine e = newEngineWithProcess()) {
      bh.consume(e);
    }
  }
}
