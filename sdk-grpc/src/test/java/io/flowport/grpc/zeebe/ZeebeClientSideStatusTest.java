package io.flowport.grpc.zeebe;

import static io.flowport.grpc.zeebe.TestClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.flowport.core.ClientOptions;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.StartRequest;
import io.grpc.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statuses grpc-java makes itself are told apart from the gateway's by grpc-java's state (did the
 * gateway's trailers arrive, did the request's headers leave), never by its description text.
 */
class ZeebeClientSideStatusTest {
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
  void answerOverTheInboundLimitIsNotBackPressureAndTheStartIsSentOnce() throws Exception {
    // 5 MiB of variables: over grpc-java's default 4 MiB inbound limit, so grpc-java itself ends
    // the call with RESOURCE_EXHAUSTED after the gateway created the instance.
    String big = "x".repeat(5 * 1024 * 1024);
    gateway.script("CreateProcessInstanceWithResult", ScriptedGateway.Answer.ok(
        CreateProcessInstanceWithResultResponse.newBuilder().setProcessInstanceKey(77).setBpmnProcessId("order")
            .setVersion(1).setProcessDefinitionKey(66).setVariables("{\"big\":\"" + big + "\"}").build()));
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().build())) {
      WorkflowException e = failure(client.instances()
          .startAndAwait(StartRequest.of("order").build(), Duration.ofSeconds(5)));

      assertThat(e).isNotInstanceOf(BackPressureException.class).isInstanceOf(UnexpectedResponseException.class);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.requestMayHaveBeenProcessed()).as("the gateway answered: it ran the start").isTrue();
      assertThat(e.getMessage()).contains("exceeds this client's inbound limit");
      Thread.sleep(300); // a (wrong) retry would arrive within the backoff of at most 50 ms
      assertThat(gateway.count("CreateProcessInstanceWithResult")).as("starts the gateway received").isEqualTo(1);
    }
  }

  @Test
  void gatewayBackPressureIsStillBackPressure() {
    gateway.script("CreateProcessInstance", ScriptedGateway.Answer.error(Status.Code.RESOURCE_EXHAUSTED,
        "Expected to execute the command on one of the partitions, but all failed; there are no more partitions"));
    try (ZeebeClient client = TestClients.plain(gateway.address(), TestClients.fast().build())) {
      client.instances().start(StartRequest.of("order").build()).join();
      assertThat(gateway.count("CreateProcessInstance")).isEqualTo(2);
    }
  }

  @Test
  void startWhoseDeadlinePassedWhileConnectingWasNeverSentAndIsRetried() throws Exception {
    // A listener that accepts TCP connections but never speaks HTTP/2: the channel never becomes
    // ready, so every attempt's deadline passes while the call still waits for a connection.
    try (Silent silent = new Silent()) {
      TestClients.Attempts attempts = new TestClients.Attempts();
      ClientOptions options = TestClients.fast().attemptTimeout(Duration.ofMillis(300))
          .apiCallTimeout(Duration.ofSeconds(20)).listener(attempts).build();
      try (ZeebeClient client = TestClients.plain("127.0.0.1:" + silent.port(), options)) {
        WorkflowException e = failure(client.instances().start(StartRequest.of("order").build()));

        assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
        assertThat(e.requestMayHaveBeenProcessed()).as("never left the client").isFalse();
        assertThat(attempts.events).as("safe to repeat, so repeated").hasSize(4);
        assertThat(silent.bytesReceived()).as("the listener never got a request it could act on")
            .isLessThan(200);
      }
    }
  }

  /** Accepts connections, reads what comes and never answers. */
  static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final Thread acceptor;

    Silent() throws IOException {
      acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            sockets.add(s);
            Thread reader = new Thread(() -> {
              byte[] buf = new byte[4096];
              try {
                for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
                  bytes.addAndGet(n);
                }
              } catch (IOException ignored) {
                // closed by the test
              }
            }, "silent-reader");
            reader.setDaemon(true);
            reader.start();
          } catch (IOException e) {
            return;
          }
        }
      }, "silent-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    long bytesReceived() {
      return bytes.get();
    }

    @Override
    public void close() throws Exception {
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
      acceptor.join(2000);
    }
  }
}
