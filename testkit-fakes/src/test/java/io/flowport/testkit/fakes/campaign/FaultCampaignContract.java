package io.flowport.testkit.fakes.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link FaultCampaign} as a test: an adapter's subclass gives its {@link CampaignTarget};
 * the run's report is printed (the line RELIABILITY.md quotes) and every zero target asserted.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES) // the full 10,000-call run; the normal one takes seconds
public abstract class FaultCampaignContract {
  /** A new fake with its definitions deployed, and the adapter's way to reach it. */
  protected abstract CampaignTarget target();

  /** The fake server's own threads (not the client's): Jetty's pool by default. */
  protected Predicate<String> fakeThreads() {
    return name -> name.startsWith("qtp") || name.startsWith("Jetty") || name.startsWith("Connector-Scheduler")
        || name.contains("WireMock");
  }

  @Test
  void aFaultCampaignMeetsEveryZeroTarget() throws Exception {
    try (CampaignTarget target = target()) {
      CampaignReport report = FaultCampaign.run(target, fakeThreads());
      System.out.println(report);
      System.out.println("  JVM-wide threads after close (OkHttp, not the client's): " + report.jvmWideThreads());
      assertThat(report.defects()).as(report.toString()).isEmpty();
    }
  }
}
