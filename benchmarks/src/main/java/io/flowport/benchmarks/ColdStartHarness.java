package io.flowport.benchmarks;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.StartCommand;

/**
 * The first engine of a fresh JVM, class loading included: create it, deploy a start → service
 * task → end process, run one instance. JMH cannot measure this (its own setup loads the
 * classes first), so run this class in a new JVM each time:
 *
 * <pre>for i in 1 2 3 4 5; do java -cp benchmarks/target/benchmarks.jar io.flowport.benchmarks.ColdStartHarness; done</pre>
 */
public final class ColdStartHarness {
  private ColdStartHarness() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    InMemoryEngine engine = InMemoryEngineBenchmark.newEngineWithProcess();
    long t1 = System.nanoTime();
    InstanceSnapshot done = engine.start(StartCommand.process("order"));
    long t2 = System.nanoTime();
    engine.close();
    System.out.printf("first engine with a process deployed: %.1f ms; first instance (%s): %.1f ms%n",
        (t1 - t0) / 1e6, done.state(), (t2 - t1) / 1e6);
  }
}
