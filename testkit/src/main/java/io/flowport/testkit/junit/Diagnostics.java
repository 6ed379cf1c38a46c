package io.flowport.testkit.junit;

import io.flowport.testkit.assertions.internal.EngineReport;
import io.flowport.testkit.engine.InMemoryEngine;
import java.util.Collection;

/** The engine-state report shown when a test fails ({@link EngineReport}). */
final class Diagnostics {
  private Diagnostics() {}

  /** Describes the instances named in {@code touched} (null or empty: every instance of the engine). */
  static String report(InMemoryEngine engine, Collection<String> touched) {
    return EngineReport.of(engine, touched, "in-memory engine state at the failure");
  }
}
