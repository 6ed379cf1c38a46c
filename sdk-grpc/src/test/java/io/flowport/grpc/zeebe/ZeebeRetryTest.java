package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries are safe: repeated only when they cannot duplicate work. */
class ZeebeRetryTest {
  ScriptedGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new ScriptedGateway();
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void backPressureTwiceThenOkCreatesAfterThreeAttempts() {
    gateway.script("CreateProcessInstance",
        ScriptedGateway.Answer.error(Status.Code.RESOURCE_EXHAUSTED, "backpressure"),
        ScriptedGateway.Answer.error(Status.Code.RESOURCE_EXHAUSTED, "backpressure"));
    TestClients.Attempts attempts = new TestClients.Attempts();
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().listener(attempts).build())) {
      Instance started = client.instances().start(StartRequest.of("order").build()).join();

      assertThat(started.id()).isEqualTo("2251799813685249");
      assertThat(gateway.count("CreateProcessInstance")).isEqualTo(3);
      assertThat(attempts.events).hasSize(3);
      assertThat(attempts.events.get(0).willRetry()).isTrue();
      assertThat(attempts.events.get(2).succeeded()).isTrue();
    }
  }

  @Test
  void createThatTimesOutIsNotRepeated() throws Exception {
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.hang(), ScriptedGateway.Answer.hang());
    ClientOptions options = TestClients.fast().attemptTimeout(Duration.ofMillis(300)).build();
    try (ZeebeClient client = TestClients.plain(gateway.address(), options)) {
      WorkflowException e = failure(client.instances().start(StartRequest.of("order").build()));

      assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
      assertThat(e.requestMayHaveBeenProcessed()).isTrue();
      Thread.sleep(300); // a (wrong) retry would arrive within the backoff of at most 50 ms
      assertThat(gateway.count("CreateProcessInstance")).isEqualTo(1);
    }
  }

  @Test
  void publishWithMessageIdThatTimesOutIsRepeated() {
    gateway.script("PublishMessage", ScriptedGateway.Answer.hang());
    ClientOptions options = TestClients.fast().attemptTimeout(Duration.ofMillis(300)).build();
    try (ZeebeClient client = TestClients.plain(gateway.address(), options)) {
      MessageReceipt receipt = client.messages()
          .publish(MessageRequest.builder("paid", "order-1").messageId("pay-1")
              .timeToLive(Duration.ofMinutes(1)).build()).join(); // Zeebe deduplicates ids only while buffered (TTL > 0)

      assertThat(receipt.key()).isEqualTo("99");
      assertThat(gateway.count("PublishMessage")).isEqualTo(2);
    }
  }

  @Test
  void publishWithoutMessageIdThatTimesOutIsNotRepeated() throws Exception {
    gateway.script("PublishMessage", ScriptedGateway.Answer.hang());
    ClientOptions options = TestClients.fast().attemptTimeout(Duration.ofMillis(300)).build();
    try (ZeebeClient client = TestClients.plain(gateway.address(), options)) {
      WorkflowException e = failure(client.messages().publish(MessageRequest.builder("paid", "order-1").build()));

      assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
      Thread.sleep(200);
      assertThat(gateway.count("PublishMessage")).isEqualTo(1);
    }
  }

  @Test
  void refusedConnectionIsRetriedEvenForCreate() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    TestClients.Attempts attempts = new TestClients.Attempts();
    ClientOptions options = TestClients.fast().listener(attempts).build();
    try (ZeebeClient client = TestClients.plain("127.0.0.1:" + port, options)) {
      WorkflowException e = failure(client.instances().start(StartRequest.of("order").build()));

      assertThat(e).isInstanceOf(EngineUnavailableException.class);
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      assertThat(e.getMessage()).as("names the address it could not reach, and how often it tried")
          .contains("gateway 127.0.0.1:" + port).endsWith("(after 4 attempts)");
      assertThat(attempts.events).hasSize(4);
      assertThat(attempts.events).allSatisfy(a -> assertThat(a.operation()).isEqualTo(Operation.START_INSTANCE));
      assertThat(attempts.events.subList(0, 3)).allSatisfy(a -> assertThat(a.willRetry()).isTrue());
      assertThat(attempts.events.get(3).willRetry()).isFalse();
    }
  }

  @Test
  void listenerSeesOneAttemptWhenTheFirstSucceeds() throws Exception {
    // the gateway of this test is up: one attempt, no retry needed; a sanity check of the listener wiring
    TestClients.Attempts attempts = new TestClients.Attempts();
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().listener(attempts).build())) {
      client.topology().get(5, TimeUnit.SECONDS);
      assertThat(attempts.events).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
    }
  }
}
