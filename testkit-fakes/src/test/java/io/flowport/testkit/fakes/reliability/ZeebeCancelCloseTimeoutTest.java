package io.flowport.testkit.fakes.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
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
 * Cancellation, close and timeouts of the Zeebe client against a gateway that never answers (every
 * call gets a one-minute latency), seen from the gateway: which calls it saw cancelled and how many
 * requests it received.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZeebeCancelCloseTimeoutTest {
  private static final RetryPolicy RETRIES = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(10)).build();
  private static final StartRequest START = StartRequest.of("waits").build();

  private FakeZeebeGateway gateway;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    gateway = FakeZeebeGateway.start();
    gateway.engine().deploy(ProcessModel.builder("waits").startEvent("s").userTask("work").endEvent("e").build());
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    gateway.close();
  }

  private WorkflowClient client(ClientOptions.Builder options) throws Exception {
    client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
        .options(options.retryPolicy(RETRIES).build()).build();
    client.instances().start(START).get(10, TimeUnit.SECONDS); // connected and warm
    gateway.faults().always(Fault.latency(Duration.ofMinutes(1)));
    gateway.requestLog().clear();
    return client;
  }

  @Test
  void aCancelledFutureCancelsItsStreamAtTheGatewayWithinOneSecond() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30)));
    CompletableFuture<?> f = client.instances().start(START);
    assertThat(Waits.until(() -> gateway.requestLog().total() == 1, Duration.ofSeconds(10))).isTrue();

    long cancelled = System.nanoTime();
    f.cancel(true);

    assertThat(Waits.until(() -> gateway.cancelledCalls().contains("CreateProcessInstance"), Duration.ofSeconds(5)))
        .as("the gateway sees the stream cancelled").isTrue();
    assertThat(Waits.millisSince(cancelled)).as("ms from cancel to the gateway's cancel").isLessThan(1_000);
  }

  /**
   * The gateway must see a cancel that comes the moment the request arrived, before grpc-java handed
   * the call to its handler (which then never runs): the CI run of 2026-12-03 missed one such cancel.
   */
  @Test
  void aCancelTheMomentTheRequestArrivesIsSeenByTheGateway() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30)));
    int rounds = 300;
    for (int i = 1; i <= rounds; i++) {
      CompletableFuture<?> f = client.instances().start(START);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gateway.requestLog().total() < i && System.nanoTime() < end) {
        Thread.onSpinWait(); // cancel as soon as the gateway has the request, not a poll interval later
      }
      f.cancel(true);
      int expected = i;
      assertThat(Waits.until(() -> gateway.cancelledCalls().size() >= expected, Duration.ofSeconds(5)))
          .as("round %d: the gateway sees the cancel", i).isTrue();
    }
  }

  @Test
  void closeWithAHundredCallsInFlightCompletesThemAllWithinFiveSecondsClosed() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30)));
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(i % 2 == 0 ? client.instances().start(START) : client.instances().cancel(String.valueOf(i)));
    }
    assertThat(Waits.until(() -> gateway.requestLog().total() == 100, Duration.ofSeconds(10))).isTrue();

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
    assertThat(Waits.until(() -> gateway.cancelledCalls().size() == 100, Duration.ofSeconds(5)))
        .as("the gateway sees every stream cancelled").isTrue();
  }

  @Test
  void anAttemptTimeoutEndsAStartWithinItsLimitPlusOneSecondAndItIsNotRepeated() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(1)).apiCallTimeout(Duration.ofSeconds(30)));
    long t0 = System.nanoTime();
    Throwable e = Waits.failure(client.instances().start(START));
    long took = Waits.millisSince(t0);

    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(((WorkflowException) e).requestMayHaveBeenProcessed()).isTrue();
    assertThat(took).isLessThan(1_000 + 1_000);
    Thread.sleep(1_500); // time enough for a retry that must not come
    assertThat(gateway.requestLog().count("CreateProcessInstance")).as("the timed-out start was sent once").isEqualTo(1);
  }

  @Test
  void theWholeCallTimeoutEndsARetriedCancelWithinItsLimitPlusOneSecond() throws Exception {
    client(ClientOptions.builder().attemptTimeout(Duration.ofSeconds(1)).apiCallTimeout(Duration.ofMillis(2_500)));
    long t0 = System.nanoTime();
    Throwable e = Waits.failure(client.instances().cancel("1"));
    long took = Waits.millisSince(t0);

    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(took).isLessThan(2_500 + 1_000);
    assertThat(gateway.requestLog().count("CancelProcessInstance")).as("retried after each attempt timeout")
        .isGreaterThanOrEqualTo(2);
  }
}
