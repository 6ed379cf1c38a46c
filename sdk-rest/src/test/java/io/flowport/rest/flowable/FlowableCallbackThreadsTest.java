package io.flowport.rest.flowable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A REST client without a user executor completes on its own callback threads, never the common pool. */
class FlowableCallbackThreadsTest {
  private static final String PREFIX = "flowport-flowable-callback-";
  private final WireMockFlowable flowable = new WireMockFlowable();

  @AfterEach
  void stop() {
    flowable.close();
  }

  private static long liveCallbackThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX)).count();
  }

  @Test
  void futuresCompleteOnTheClientsCallbackThreadsAndCloseLeavesNone() throws Exception {
    flowable.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not found\"}")));
    FlowableClient client = flowable.client();
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<?> seen = client.instances().get("1")
        .whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));
    catchThrowable(() -> seen.get(10, TimeUnit.SECONDS));

    assertThat(thread.get()).startsWith(PREFIX);
    client.close();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (liveCallbackThreads() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(liveCallbackThreads()).as("callback threads left after close()").isZero();
  }
}
