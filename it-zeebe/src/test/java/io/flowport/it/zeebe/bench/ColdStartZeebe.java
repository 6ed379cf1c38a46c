package io.flowport.it.zeebe.bench;

import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.testkit.fakes.bench.WireBench;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;

/** Child JVM of {@link FakesVsRealZeebeBench}: {@code fake} or {@code real}, started cold, until its first Topology answer. */
final class ColdStartZeebe {
  private ColdStartZeebe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("fake")) {
      WireBench.reportColdStart(FakeZeebeGateway::start, g -> FakesVsRealZeebeBench.topology(g.address()));
    } else {
      WireBench.reportColdStart(RealZeebeEngine::start, e -> FakesVsRealZeebeBench.topology(e.address()));
    }
    System.exit(0);
  }
}
