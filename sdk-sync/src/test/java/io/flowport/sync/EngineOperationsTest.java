package io.flowport.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.spi.AdapterClient;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine's own operations are reachable from the blocking client and wait like its methods. */
class EngineOperationsTest {
  static final Operation ECHO = Operation.of("echo", true);

  /** An engine's own interface, as FlowableOperations or ZeebeOperations are. */
  interface EchoOperations {
    CompletableFuture<String> echo(String text);
  }

  static final class EchoBackend implements EngineBackend {
    final AtomicReference<CompletableFuture<String>> next = new AtomicReference<>();

    @Override
    public String engine() {
      return "echo";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of();
    }

    @Override
    public void close() {}
  }

  static final class EchoClient extends AdapterClient<EchoBackend> implements EchoOperations {
    EchoClient(EchoBackend backend) {
      super(backend, ClientOptions.builder().retryPolicy(RetryPolicy.none()).build(), Set.of(ECHO));
    }

    @Override
    public CompletableFuture<String> echo(String text) {
      return call(ECHO, check -> {
        check.id("text", text);
        return ctx -> {
          CompletableFuture<String> f = backend().next.get();
          return f != null ? f : CompletableFuture.completedFuture(text);
        };
      });
    }
  }

  private final EchoBackend backend = new EchoBackend();
  private final SyncWorkflowClient sync = SyncWorkflowClient.of(new EchoClient(backend));

  @AfterEach
  void close() {
    sync.close();
  }

  @Test
  void theEngineInterfaceIsTheAsyncViewAndJoinWaitsForIt() {
    EchoOperations echo = sync.engineOperations(EchoOperations.class);
    assertThat(echo).isSameAs(sync.async());
    assertThat(sync.join(echo.echo("hi"))).isEqualTo("hi");
  }

  @Test
  void joinRethrowsTheSameTypeOnTheCallersThread() {
    backend.next.set(CompletableFuture.failedFuture(ErrorKind.INSTANCE_NOT_FOUND.toException(
        ErrorInfo.answered("echo", ECHO, "404", null, "gone", null))));
    Throwable t = catchThrowable(() -> sync.join(sync.engineOperations(EchoOperations.class).echo("x")));
    assertThat(t).isInstanceOf(InstanceNotFoundException.class).hasCauseInstanceOf(InstanceNotFoundException.class);
    assertThat(t.getStackTrace()[0].getClassName()).doesNotContain("CompletableFuture");
    assertThat(catchThrowable(() -> sync.join(sync.engineOperations(EchoOperations.class).echo(null))))
        .hasMessageContaining("text must not be null");
  }

  @Test
  void anInterfaceTheClientLacksIsUnsupported() {
    assertThat(catchThrowable(() -> sync.engineOperations(Runnable.class)))
        .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("[echo]");
  }

  @Test
  void interruptionCancelsTheCallAndKeepsTheFlag() {
    CompletableFuture<String> never = new CompletableFuture<>();
    backend.next.set(never);
    CompletableFuture<String> call = sync.engineOperations(EchoOperations.class).echo("x");
    Thread.currentThread().interrupt();
    Throwable t = catchThrowable(() -> sync.join(call));
    assertThat(Thread.interrupted()).isTrue();
    assertThat(t).isInstanceOf(CancellationException.class);
    assertThat(call).isCancelled();
  }
}
