package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.WorkflowException;
import io.grpc.Metadata;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth client credentials against a local JDK HTTP server acting as the token endpoint. */
class ZeebeOAuthCredentialsTest {
  static final String SECRET = "very-secret-client-secret";

  HttpServer tokenServer;
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final AtomicInteger issued = new AtomicInteger();
  volatile int status = 200;
  volatile long expiresIn = 3600;
  volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenServer.setExecutor(Executors.newFixedThreadPool(4));
    tokenServer.createContext("/oauth/token", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String body = status == 200
          ? "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
              + expiresIn + "}"
          : "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    tokenServer.start();
  }

  @AfterEach
  void stop() {
    tokenServer.stop(0);
    ((ExecutorService) tokenServer.getExecutor()).shutdownNow();
  }

  String url() {
    return "http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/oauth/token";
  }

  ZeebeOAuthCredentials.Builder creds() {
    return ZeebeOAuthCredentials.builder(url()).clientId("my-client").clientSecret(SECRET).audience("zeebe.camunda.io");
  }

  @Test
  void fetchesOnceAndCachesUntilShortlyBeforeExpiry() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    expiresIn = 300;
    ZeebeOAuthCredentials c = creds().clock(clock).refreshMargin(Duration.ofSeconds(30)).build();

    assertThat(c.currentToken()).isEqualTo("tok-1");
    assertThat(c.currentToken()).isEqualTo("tok-1");
    now.set(now.get().plusSeconds(260)); // 40 s before expiry: still fresh
    assertThat(c.currentToken()).isEqualTo("tok-1");
    now.set(now.get().plusSeconds(15)); // 25 s before expiry: inside the margin
    assertThat(c.currentToken()).isEqualTo("tok-2");
    assertThat(c.fetchCount()).isEqualTo(2);

    assertThat(bodies.get(0)).contains("grant_type=client_credentials", "client_id=my-client",
        "audience=zeebe.camunda.io", "client_secret=" + SECRET);
  }

  @Test
  void concurrentAttemptsShareOneFetch() throws Exception {
    delayMillis = 200;
    ZeebeOAuthCredentials c = creds().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> tokens = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tokens.add(pool.submit(() -> {
          go.await();
          return c.currentToken();
        }));
      }
      go.countDown();
      for (Future<String> t : tokens) {
        assertThat(t.get(5, TimeUnit.SECONDS)).isEqualTo("tok-1");
      }
      assertThat(issued.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void secretAndTokenNeverShow() {
    ZeebeOAuthCredentials c = creds().build();
    String token = c.currentToken();
    assertThat(c.toString()).doesNotContain(SECRET).doesNotContain(token).contains("my-client");

    status = 401;
    c.invalidate();
    assertThatThrownBy(c::currentToken)
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).contains("401").contains("invalid_client").doesNotContain(SECRET);
          assertThat(((WorkflowException) e).wireStatus()).isEqualTo("401");
        });
  }

  @Test
  void unreachableTokenEndpointIsUnavailable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ZeebeOAuthCredentials c = ZeebeOAuthCredentials.builder("http://127.0.0.1:" + port + "/oauth/token")
        .clientId("id").clientSecret(SECRET).build();
    assertThatThrownBy(c::currentToken).isInstanceOf(EngineUnavailableException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void tokenReachesTheGatewayAsBearerAuthorization() throws Exception {
    try (ScriptedGateway gateway = new ScriptedGateway();
         ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
             .credentials(creds().build()).options(TestClients.fast().build()).build()) {
      client.topology().get(5, TimeUnit.SECONDS);
      client.topology().get(5, TimeUnit.SECONDS);

      Metadata.Key<String> auth = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
      assertThat(gateway.last("Topology").headers().get(auth)).isEqualTo("Bearer tok-1");
      assertThat(issued.get()).isEqualTo(1);
      assertThat(client.toString()).doesNotContain(SECRET).doesNotContain("tok-1");
    }
  }

  @Test
  void tokenEndpointFailureFailsTheCallAsAuthentication() throws Exception {
    status = 401;
    try (ScriptedGateway gateway = new ScriptedGateway();
         ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext()
             .credentials(creds().build()).options(TestClients.fast().build()).build()) {
      WorkflowException e = TestClients.failure(client.topology());
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.getMessage()).doesNotContain(SECRET);
      assertThat(gateway.seen).isEmpty();
    }
  }
}
