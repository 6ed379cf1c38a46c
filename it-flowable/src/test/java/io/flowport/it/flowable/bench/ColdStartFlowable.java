package io.flowport.it.flowable.bench;

import io.flowport.it.flowable.RealFlowable;
import io.flowport.testkit.fakes.bench.WireBench;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;

/** Child JVM of {@link FakesVsRealFlowableBench}: {@code fake} or {@code real}, started cold, until its first HTTP answer. */
final class ColdStartFlowable {
  private ColdStartFlowable() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("fake")) {
      WireBench.reportColdStart(
          () -> FakeFlowableServer.builder().basicAuth(RealFlowable.USER, RealFlowable.PASSWORD).start(),
          f -> FakesVsRealFlowableBench.answers(f.baseUrl()));
    } else {
      WireBench.reportColdStart(RealFlowable::start, r -> FakesVsRealFlowableBench.answers(r.baseUrl()));
    }
    System.exit(0);
  }
}
