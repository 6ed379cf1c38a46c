package io.flowport.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A timeout says which limit ran out: the attempt's or the whole call's. */
class TimeoutMessageTest {

  /** A backend whose calls never answer. */
  private static final EngineBackend SILENT = new EngineBackend() {
    @Override
    public String engine() {
      return "silent";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of(Operation.GET_INSTANCE);
    }

    @Override
    public void close() {}

    @Override
    public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
      return new CompletableFuture<>();
    }
  };

  private static WorkflowTimeoutException timeoutWith(ClientOptions options) throws Exception {
    try (WorkflowClient client = WorkflowClients.create(SILENT, options)) {
      client.instances().get("1").get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a timeout");
    } catch (ExecutionException e) {
      return (WorkflowTimeoutException) e.getCause();
    }
  }

  @Test
  void theAttemptTimeoutIsNamedWhenItIsTheShorter() throws Exception {
    WorkflowTimeoutException e = timeoutWith(ClientOptions.builder().retryPolicy(RetryPolicy.none())
        .attemptTimeout(Duration.ofMillis(50)).apiCallTimeout(Duration.ofSeconds(10)).build());
    assertThat(e.getMessage()).contains("attempt timeout").contains("PT0.05S");
  }

  @Test
  void theCallTimeoutIsNamedWhenItIsTheShorter() throws Exception {
    WorkflowTimeoutException e = timeoutWith(ClientOptions.builder().retryPolicy(RetryPolicy.none())
        .attemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofMillis(50)).build());
    assertThat(e.getMessage()).contains("api call timeout").contains("PT0.05S");
  }
}
