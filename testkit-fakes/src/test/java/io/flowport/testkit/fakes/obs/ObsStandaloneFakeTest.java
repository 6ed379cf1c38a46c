package io.flowport.testkit.fakes.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.testkit.fakes.FakeServers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OBS fake in the standalone FakeServers process: found by ServiceLoader, started by --obs-port. */
class ObsStandaloneFakeTest {

  @Test
  void startsWithSignatureChecksAndLogsEachRequest() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (FakeServers servers = FakeServers.start(new String[] {"--obs-port", "0",
        "--obs-access-key", "STANDALONEKEY", "--obs-secret-key", "standalone-secret"}, log::add)) {
      FakeObsServer obs = servers.server("obs", FakeObsServer.class).orElseThrow();
      obs.defineWorkflow("standalone", "[{\"name\":\"p\"}]");
      try (ObsClient client = ObsClient.builder().baseUrl("http://127.0.0.1:" + servers.port("obs"))
          .credentials(ObsCredentials.of("STANDALONEKEY", "standalone-secret")).build()) {
        assertThat(client.getWorkflow("standalone").get(20, TimeUnit.SECONDS).path("graph_name").asText())
            .isEqualTo("standalone");
      }
      assertThat(log).anyMatch(l -> l.endsWith("(V2 signatures, access key STANDALONEKEY)"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (log.stream().noneMatch(l -> l.contains("[obs] GET /v2/workflows/standalone 200")) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(log).anyMatch(l -> l.contains("[obs] GET /v2/workflows/standalone 200"));
    }
    assertThat(FakeServers.USAGE).contains("--obs-port N", "--obs-access-key AK", "--obs-secret-key SK");
  }

  @Test
  void theKeysGoTogether() {
    assertThatThrownBy(() -> FakeServers.start(new String[] {"--obs-port", "0", "--obs-access-key", "K"}, l -> { }))
        .hasMessageContaining("--obs-access-key and --obs-secret-key go together");
  }
}
