package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.CallListener;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the executor delivers, to the caller and to listeners, never names a secret its backend holds. */
class CallExecutorRedactionTest {
  private static final String TOKEN = "tok-9f8e7d6c";

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void anEchoedTokenAndASupplierCauseAreRedactedForCallerAndListeners() {
    List<Throwable> seenByListener = new CopyOnWriteArrayList<>();
    ClientOptions options = ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1)).build())
        .listener(event -> {
          if (event.error() != null) {
            seenByListener.add(event.error());
          }
        })
        .build();
    Secrets secrets = Secrets.create();
    try (CallExecutor executor = CallExecutor.create("acme", options, BackendTraits.CONSERVATIVE, secrets)) {
      CompletableFuture<Object> f = executor.execute(Operation.GET_INSTANCE, false, ctx -> {
        secrets.addHeader("Authorization", "Bearer " + TOKEN); // what the credentials set for this attempt
        RuntimeException supplier = new IllegalStateException("refresh of " + TOKEN + " failed");
        return CompletableFuture.failedFuture(ErrorKind.UNAVAILABLE.toException(new ErrorInfo("acme",
            ctx.operation(), "503", null, "proxy echo: Authorization: Bearer " + TOKEN, null, false), supplier));
      });

      Throwable e = CallExecutor.unwrap(catchThrowable(() -> f.get(5, TimeUnit.SECONDS)));

      assertThat(e).isInstanceOf(WorkflowException.class);
      assertThat(((WorkflowException) e).attempts()).isEqualTo(2);
      assertThat(printed(e)).doesNotContain(TOKEN).contains("proxy echo: Authorization: ***")
          .contains("(after 2 attempts)").contains("refresh of *** failed");
      assertThat(seenByListener).hasSize(2).allSatisfy(t -> assertThat(printed(t)).doesNotContain(TOKEN));
    }
  }

  @Test
  void withoutSecretsTheErrorIsTheBackendsOwn() throws Exception {
    WorkflowException given = ErrorKind.INSTANCE_NOT_FOUND.toException(
        ErrorInfo.answered("acme", Operation.GET_INSTANCE, "404", null, "no instance 1", null));
    try (CallExecutor executor = CallExecutor.create("acme", ClientOptions.builder().build())) {
      Throwable e = catchThrowable(() -> executor.execute(Operation.GET_INSTANCE, false,
          ctx -> CompletableFuture.failedFuture(given)).get(5, TimeUnit.SECONDS));
      assertThat(CallExecutor.unwrap(e)).isSameAs(given);
    }
  }
}
