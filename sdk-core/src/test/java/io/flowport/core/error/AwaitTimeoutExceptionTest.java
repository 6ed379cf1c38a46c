package io.flowport.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;

import org.junit.jupiter.api.Test;

/** What an await timeout tells the caller about the instance it may have started. */
class AwaitTimeoutExceptionTest {
  private static AwaitTimeoutException timeout(String instanceId) {
    return new AwaitTimeoutException(new ErrorInfo("acme", Operation.START_AND_AWAIT, null, null,
        "the instance did not end within PT1S", null, true), instanceId, "the start had not answered yet", null);
  }

  @Test
  void namesTheInstanceToReadInsteadOfStartingAgain() {
    AwaitTimeoutException e = timeout("4711");
    assertThat(e.getMessage()).contains("instance 4711 was started").contains("instances().get(\"4711\")");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void anIdTooLongToQuoteIsCutInTheMessageAndKeptWholeInTheException() {
    // Found by the 10,000-case REST fuzz: a start answered with a 10 MB id gave a 20 MB message.
    String huge = "a".repeat(10 * 1024 * 1024);
    AwaitTimeoutException e = timeout(huge);
    assertThat(e.getMessage()).hasSizeLessThan(600).contains("(10485760 characters)");
    assertThat(e.instanceId()).hasValue(huge);
  }

  @Test
  void withoutIdSaysWhyAndWhatToDo() {
    assertThat(timeout(null).getMessage()).contains("(the start had not answered yet)").contains("find it");
  }
}
