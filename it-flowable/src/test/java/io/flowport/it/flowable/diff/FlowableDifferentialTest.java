package io.flowport.it.flowable.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.it.flowable.RealFlowable;
import io.flowport.it.flowable.RealFlowableExtension;
import io.flowport.testkit.fakes.diff.Exclusion;
import io.flowport.testkit.fakes.diff.WireDiff;
import io.flowport.testkit.fakes.diff.WireScript;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Flowable fake against the real Flowable 7.2.0, on the wire: one scripted list of raw HTTP
 * exchanges ({@link FlowableScript}) runs against both, and every answer must match (status, media
 * type, body fields and values) except what {@link #EXCLUSIONS} names. Differences that cannot be
 * fixed in the fake are listed in {@code io.flowport.testkit.fakes.flowable}'s package-info.
 */
@ExtendWith(RealFlowableExtension.class)
class FlowableDifferentialTest {

  /** Everything left out of the comparison, each once, with why it cannot match. */
  static final List<Exclusion> EXCLUSIONS = List.of(
      Exclusion.ids("id", "id|processInstanceId|executionId|parentId|deploymentId|parentDeploymentId"
              + "|processDefinitionId|taskId",
          "generated ids (Flowable: UUIDs; the fake: the in-memory engine's keys), numbered by first sight"),
      Exclusion.values("time", "deploymentTime|startTime|endTime|createTime|claimTime|timestamp|durationInMillis",
          "timestamps and durations depend on when the step ran"),
      Exclusion.unordered("unordered", "(start by key|start noop.*|.*variables.*|identity links.*|history list.*)",
          "Flowable lists an instance's variables and identity links in no fixed order (a HashMap; H2 rows by"
              + " random UUID)"),
      Exclusion.text("host:port", "http://127\\.0\\.0\\.1:\\d+", "each server listens on its own free port"));

  static final WireDiff DIFF = new WireDiff(EXCLUSIONS);

  @Test
  void theFakeAnswersAsTheRealFlowable(RealFlowable real) {
    String suffix = "x" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    WireScript<RawHttp> script = FlowableScript.script(suffix);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WireScript.Run realRun = script.run("real", new RawHttp(http, real.baseUrl(), real.user(), real.password()));
    WireScript.Run fakeRun;
    try (FakeFlowableServer fake = FakeFlowableServer.builder().basicAuth(real.user(), real.password()).start()) {
      fakeRun = script.run("fake", new RawHttp(http, fake.baseUrl(), real.user(), real.password()));
    }

    List<String> differences = DIFF.differences(fakeRun, realRun);
    assertThat(differences)
        .as("fake vs real Flowable, %d steps, exclusions %s; real answers: %s",
            script.names().size(), EXCLUSIONS, DIFF.normalise(realRun))
        .isEmpty();
  }
}
