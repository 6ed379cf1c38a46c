package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.rest.testing.RawHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole-call timeout counts from when the user made the call, time queued in OkHttp's
 * dispatcher included: 200 calls at once (OkHttp runs 64 per host and queues the rest) against a
 * server that answers after 4 s, with a 1.5 s call timeout, each ends within 1.5 s + 1 s of being
 * made. Before the fix the queued calls ended 1.5 s after a thread took them: up to 6 s.
 */
@Timeout(60)
class CallDeadlineUnderLoadTest {
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);

  @Test
  void queuedCallsEndByTheirDeadline() throws Exception {
    try (RawHttpServer slow = RawHttpServer.start(r -> RawHttpServer.Answer.json(200, "{}").delayed(4000));
        FlowableClient client = FlowableClient.builder().baseUrl(slow.url("/service"))
            .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).apiCallTimeout(CALL_TIMEOUT).build())
            .build()) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      AtomicLong slowest = new AtomicLong();
      for (int i = 0; i < 200; i++) {
        long callStarted = System.nanoTime();
        calls.add(client.instances().get("i-" + i)
            .whenComplete((v, e) -> slowest.accumulateAndGet(System.nanoTime() - callStarted, Math::max)));
      }
      List<Throwable> errors = new ArrayList<>();
      for (CompletableFuture<?> c : calls) {
        try {
          c.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add(CallExecutor.unwrap(e));
        }
      }

      assertThat(errors).hasSize(200).allSatisfy(e -> assertThat(e).isInstanceOf(WorkflowTimeoutException.class));
      assertThat(Duration.ofNanos(slowest.get())).as("the slowest of 200 calls with a %s call timeout", CALL_TIMEOUT)
          .isLessThan(CALL_TIMEOUT.plusSeconds(1));
      // A call reported "not processed" must never have reached the server (it was still queued).
      java.util.Set<String> reached = new java.util.HashSet<>();
      slow.received().forEach(r -> reached.add(r.path().substring(r.path().lastIndexOf('/') + 1)));
      for (int i = 0; i < 200; i++) {
        WorkflowException e = (WorkflowException) errors.get(i);
        if (!e.requestMayHaveBeenProcessed()) {
          assertThat(reached).as("call i-%d was reported not processed", i).doesNotContain("i-" + i);
        }
      }
    }
  }
}
