package io.flowport.testkit.fakes.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancellation, close and timeouts of a REST client (Flowable's, on the shared REST transport)
 * against a server that reads every request and never answers, seen from that server: when it
 * sees the connection closed and how many requests it received.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestCancelCloseTimeoutTest {
  private static final RetryPolicy RETRIES = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(10)).build();

  private SilentHttpServer server;
  private WorkflowClient client;

  @BeforeEach
  void start() throws Exception {
    server = new SilentHttpServer();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private WorkflowClient client(ClientOptions.Builder options) {
    client = FlowableClient.builder().baseUrl(server.baseUrl()).options(options.retryPolicy(RETRIES).build()).build();
    return client;
  }

  @Test
  void aCancelledFutureClosesItsConnectionAtTheServerWithinOneSecond() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30)));
    CompletableFuture<?> f = client.instances().get("1");
    assertThat(Waits.until(() -> server.requests() == 1, Duration.ofSeconds(10))).isTrue();

    long cancelled = System.nanoTime();
    f.cancel(true);

    assertThat(Waits.until(() -> !server.closedAt().isEmpty(), Duration.ofSeconds(5)))
        .as("the server sees the connection closed").isTrue();
    assertThat((server.closedAt().get(0) - cancelled) / 1_000_000).as("ms from cancel to close").isLessThan(1_000);
  }

  @Test
  void closeWithAHundredCallsInFlightCompletesThemAllWithinFiveSecondsClosed() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30)));
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(i % 2 == 0 ? client.instances().get("i-" + i) : client.instances().start(StartRequest.of("p").build()));
    }
    // 64 per host are on the wire, the rest queued in OkHttp's dispatcher
    assertThat(Waits.until(() -> server.requests() >= 64, Duration.ofSeconds(10))).isTrue();

    long closing = System.nanoTime();
    client.close();

    assertThat(Waits.until(() -> calls.stream().allMatch(CompletableFuture::isDone), Duration.ofSeconds(5)))
        .as("every call completes within 5 s of close()").isTrue();
    assertThat(Waits.millisSince(closing)).isLessThan(5_000);
    for (CompletableFuture<?> call : calls) {
      Throwable e = Waits.failure(call);
      assertThat(e).isInstanceOf(ClientClosedException.class);
      assertThat(((WorkflowException) e).isRetryable()).isFalse();
    }
    assertThat(Waits.until(() -> server.openConnections() == 0, Duration.ofSeconds(5)))
        .as("the server sees every connection closed").isTrue();
    assertThat(Waits.failure(client.instances().get("after"))).isInstanceOf(ClientClosedException.class);
  }

  @Test
  void anAttemptTimeoutEndsTheAttemptWithinItsLimitPlusOneSecond() throws Exception {
    client(ClientOptions.builder().retryPolicy(RETRIES).attemptTimeout(Duration.ofSeconds(1))
        .apiCallTimeout(Duration.ofSeconds(30)));
    // a start is not repeated after it was sent: one attempt, bounded by the attempt timeout
    long t0 = System.nanoTime();
    Throwable e = Waits.failure(client.instances().start(StartRequest.of("p").build()));
    long took = Waits.millisSince(t0);

    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(((WorkflowException) e).requestMayHaveBeenProcessed()).isTrue();
    assertThat(took).isLessThan(1_000 + 1_000);
    Thread.sleep(1_500); // time enough for a retry that must not come
    assertThat(server.requests()).as("the timed-out start was sent once").isEqualTo(1);
  }

  @Test
  void theWholeCallTimeoutEndsARetriedReadWithinItsLimitPlusOneSecond() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(1)).apiCallTimeout(Duration.ofMillis(2_500)));
    long t0 = System.nanoTime();
    Throwable e = Waits.failure(client.instances().get("1"));
    long took = Waits.millisSince(t0);

    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(took).isLessThan(2_500 + 1_000);
    assertThat(server.requests()).as("the read was retried after each attempt timeout").isGreaterThanOrEqualTo(2);
  }
}
