package io.flowport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.MessageIdDeduplication;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A retried publish whose first attempt got through is a success, not "already exists". */
class PublishRetryTest {

  /** Answers publish attempts from a queue. */
  private static EngineBackend backend(Deque<CompletableFuture<MessageReceipt>> answers) {
    return new EngineBackend() {
      @Override
      public String engine() {
        return "scripted";
      }

      @Override
      public Set<Operation> capabilities() {
        return Set.of(Operation.PUBLISH_MESSAGE);
      }

      @Override
      public MessageIdDeduplication messageIdDeduplication() {
        return MessageIdDeduplication.WHILE_BUFFERED;
      }

      @Override
      public void close() {}

      @Override
      public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
        return answers.removeFirst();
      }
    };
  }

  private static CompletableFuture<MessageReceipt> timedOutAfterSending() {
    return CompletableFuture.failedFuture(ErrorKind.TIMEOUT.toException(
        new ErrorInfo("scripted", Operation.PUBLISH_MESSAGE, "DEADLINE_EXCEEDED", null, "late", null, true)));
  }

  private static CompletableFuture<MessageReceipt> alreadyExists() {
    return CompletableFuture.failedFuture(ErrorKind.ALREADY_EXISTS.toException(
        ErrorInfo.answered("scripted", Operation.PUBLISH_MESSAGE, "ALREADY_EXISTS", null, "id taken", null)));
  }

  private static final ClientOptions FAST = ClientOptions.builder()
      .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).jitter(0).build())
      .build();

  @Test
  void retryThatFindsItsOwnMessageSucceeds() throws Exception {
    Deque<CompletableFuture<MessageReceipt>> answers = new ArrayDeque<>();
    answers.add(timedOutAfterSending());
    answers.add(alreadyExists());
    try (WorkflowClient client = WorkflowClients.create(backend(answers), FAST)) {
      MessageReceipt receipt = client.messages()
          .publish(MessageRequest.builder("paid", "o-1").messageId("m-1").timeToLive(Duration.ofMinutes(1)).build())
          .get(5, TimeUnit.SECONDS);
      assertThat(receipt.key()).isNull();
      assertThat(answers).isEmpty();
    }
  }

  @Test
  void firstAttemptThatFindsTheIdStillFails() {
    Deque<CompletableFuture<MessageReceipt>> answers = new ArrayDeque<>();
    answers.add(alreadyExists());
    try (WorkflowClient client = WorkflowClients.create(backend(answers), FAST)) {
      assertThatThrownBy(() -> client.messages()
          .publish(MessageRequest.builder("paid", "o-1").messageId("m-1").timeToLive(Duration.ofMinutes(1)).build())
          .get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AlreadyExistsException.class);
    }
  }
}
