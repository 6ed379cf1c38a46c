package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.TlsCheck;
import io.flowport.core.error.TlsException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.testing.TestCertificates;
import io.flowport.core.testing.TestCertificates.Identity;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end: real netty-shaded gRPC servers serving TLS with self-signed certificates made at
 * test time by the JDK's keytool, and {@link ZeebeClient}s that do, or do not, trust them. A
 * certificate that fails a check is a {@link TlsException} naming the check, tried once.
 */
class ZeebeTlsTest {
  private static final String SECRET = "secret-token";
  /** No failing call may take longer than this (it must never hang). */
  private static final Duration BOUND = Duration.ofSeconds(5);

  @TempDir static Path dir;

  /** The certificate for localhost / 127.0.0.1, and its key. */
  static Identity localhost;
  /** A certificate valid only for a name the test never dials: to prove the host name is checked. */
  static Identity otherName;
  /** A certificate authority, whose own certificate is the one the client trusts for {@link #expired}. */
  static TestCertificates testCa;
  /** For localhost / 127.0.0.1, issued by {@link #testCa}, but its validity ended 9 days ago. */
  static Identity expired;
  /** Only for the name localhost (no IP address). */
  static Identity localhostNameOnly;
  /** Only for the address 127.0.0.1 (no name). */
  static Identity loopbackIpOnly;

  /** The latest gateway started. */
  ScriptedGateway gateway;
  private final List<ScriptedGateway> gateways = new ArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    testCa = TestCertificates.authority(dir);
    localhost = testCa.selfSigned("dns:localhost,ip:127.0.0.1");
    otherName = testCa.selfSigned("dns:gateway.invalid");
    expired = testCa.issued("dns:localhost,ip:127.0.0.1", "-10d", 1);
    localhostNameOnly = testCa.selfSigned("dns:localhost");
    loopbackIpOnly = testCa.selfSigned("ip:127.0.0.1");
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (ScriptedGateway g : gateways) {
      g.close();
    }
  }

  private ScriptedGateway tlsGateway(Identity identity) throws IOException {
    gateway = new ScriptedGateway(GrpcSslContexts.forServer(identity.certificatePem().toFile(),
        identity.privateKeyPem().toFile()).build());
    gateways.add(gateway);
    return gateway;
  }

  // ---------------------------------------------------------------- (1) trusted certificate

  @Test
  void trustedCertificateTopologySucceedsOverTls() throws Exception {
    tlsGateway(localhost);
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("localhost:" + gateway.port())
        .trustCertificates(localhost.certificatePem()).options(TestClients.fast().build()).build()) {
      Topology t = client.topology().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(t.gatewayVersion()).isEqualTo("8.8.21");
      assertThat(t.brokers()).hasSize(1);
      assertThat(gateway.count("Topology")).isEqualTo(1);
      assertThat(client.toString()).contains("tls=true");
    }
  }

  @Test
  void trustedCertificateAlsoWorksForSeveralGatewayAddresses() throws Exception {
    // Two addresses switch the channel to the static resolver + round_robin; TLS must still verify.
    tlsGateway(localhost);
    String a = "localhost:" + gateway.port();
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress(a + "," + a)
        .trustCertificates(localhost.certificatePem()).options(TestClients.fast().build()).build()) {
      client.topology().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      client.topology().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(gateway.count("Topology")).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------- (2) certificate failures, typed

  @Test
  void defaultTrustRejectsSelfSignedCertificateAsUntrustedIssuer() throws Exception {
    tlsGateway(localhost);
    assertCertificateFailure("untrusted (system trust)", null, TlsCheck.UNTRUSTED_ISSUER);
  }

  @Test
  void hostNameIsVerifiedEvenWhenTheCertificateIsTrusted() throws Exception {
    // The certificate is trusted but names gateway.invalid only; dialling localhost must fail.
    tlsGateway(otherName);
    assertCertificateFailure("trusted cert, wrong host name", otherName.certificatePem(), TlsCheck.HOST_NAME);
  }

  @Test
  void anExpiredCertificateFromATrustedIssuerIsRefusedAsExpired() throws Exception {
    tlsGateway(expired);
    assertCertificateFailure("trusted issuer, expired cert", testCa.authorityPem(), TlsCheck.EXPIRED);
  }

  /**
   * A client with a bearer token and a policy allowing 4 attempts calls the latest gateway: the
   * call must fail once (a certificate does not get better by retrying), within {@link #BOUND},
   * with a {@link TlsException} naming {@code expected} and the gateway, the token nowhere.
   */
  private void assertCertificateFailure(String what, Path trusted, TlsCheck expected) throws Exception {
    TestClients.Attempts attempts = new TestClients.Attempts();
    String address = "localhost:" + gateway.port();
    ZeebeClient.Builder builder = ZeebeClient.builder().gatewayAddress(address)
        .credentials(Credentials.bearer(() -> SECRET))
        .options(TestClients.fast().listener(attempts).build());
    if (trusted != null) {
      builder.trustCertificates(trusted);
    }
    try (ZeebeClient client = builder.build()) {
      long start = System.nanoTime();
      WorkflowException e = boundedFailure(client.topology());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      report(what, e, took, attempts);
      assertThat(e).isInstanceOf(TlsException.class);
      assertThat(((TlsException) e).check()).isEqualTo(expected);
      assertThat(e.getMessage()).contains(expected.description()).contains("(gateway " + address + ")");
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      assertThat(attempts.events).as("attempts of a call failing on the certificate").hasSize(1);
      assertThat(took).isLessThan(BOUND);
      assertThat(chainText(e)).doesNotContain(SECRET);
      assertThat(gateway.count("Topology")).as("no call may reach a server whose certificate failed").isZero();
    }
  }

  @Test
  void aHandshakeCutShortIsNoCertificateFailureAndStaysRetriedAsUnavailable() throws Exception {
    // A server that reads the ClientHello and hangs up: no certificate was checked, and the next
    // connection may well succeed, so this stays today's unavailable, retried.
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread cutter = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            s.getInputStream().read(new byte[512]);
          } catch (IOException closed) {
            // the test ended, or the client gave up first
          }
        }
      }, "tls-cutter");
      cutter.setDaemon(true);
      cutter.start();
      TestClients.Attempts attempts = new TestClients.Attempts();
      try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("127.0.0.1:" + server.getLocalPort())
          .trustCertificates(localhost.certificatePem()).options(TestClients.fast().listener(attempts).build()).build()) {
        long start = System.nanoTime();
        WorkflowException e = boundedFailure(client.topology());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        report("handshake cut short", e, took, attempts);
        assertThat(e).isInstanceOf(EngineUnavailableException.class);
        assertThat(attempts.events).as("attempts of a call whose handshake was cut short").hasSize(4);
      }
    }
  }

  // ---------------------------------------------------------------- (2b) several gateways, each its own name

  @Test
  void eachGatewayIsCheckedAgainstItsOwnHostName() throws Exception {
    // One certificate names only localhost, the other only 127.0.0.1: checked against the channel's
    // single authority (the first address), the second gateway would fail its host name check.
    ScriptedGateway byName = tlsGateway(localhostNameOnly);
    ScriptedGateway byIp = tlsGateway(loopbackIpOnly);
    Path bothCerts = dir.resolve("both-cert.pem");
    Files.writeString(bothCerts, Files.readString(localhostNameOnly.certificatePem()) + Files.readString(loopbackIpOnly.certificatePem()));
    try (ZeebeClient client = ZeebeClient.builder()
        .gatewayAddress("localhost:" + byName.port() + ",127.0.0.1:" + byIp.port())
        .trustCertificates(bothCerts).options(TestClients.fast().build()).build()) {
      // round_robin uses the gateways that are connected: call until both were reached.
      TestClients.eventually(() -> {
        try {
          client.topology().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("a call failed", e);
        }
        assertThat(byName.count("Topology")).as("calls reaching the gateway dialed as localhost").isPositive();
        assertThat(byIp.count("Topology")).as("calls reaching the gateway dialed as 127.0.0.1").isPositive();
      });
    }
  }

  // ---------------------------------------------------------------- (3) plaintext client, TLS server

  @Test
  void plaintextClientAgainstTlsServerFailsTyped() throws Exception {
    tlsGateway(localhost);
    TestClients.Attempts attempts = new TestClients.Attempts();
    AtomicInteger tokenAsked = new AtomicInteger();
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("localhost:" + gateway.port()).usePlaintext()
        .credentials(Credentials.bearer(() -> {
          tokenAsked.incrementAndGet();
          return SECRET;
        }))
        .options(TestClients.fast().listener(attempts).build()).build()) {
      long start = System.nanoTime();
      WorkflowException e = boundedFailure(client.topology());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      report("plaintext client -> TLS server", e, took, attempts);
      System.out.println("[tls] token supplier calls (plaintext client -> TLS server): " + tokenAsked.get());
      assertThat(chainText(e)).doesNotContain(SECRET);
      assertThat(e).isInstanceOf(EngineUnavailableException.class);
      assertThat(e.wireStatus()).isEqualTo("UNAVAILABLE");
      assertThat(gateway.count("Topology")).isZero();
      assertThat(took).isLessThan(BOUND);
    }
  }

  // ---------------------------------------------------------------- (4) credentials over TLS

  @Test
  void bearerCredentialsReachServerOverTlsAndNeverLeak() throws Exception {
    tlsGateway(localhost);
    // Call 1: a topology; call 2: the gateway rejects the token.
    gateway.script("Topology",
        ScriptedGateway.Answer.ok(TopologyResponse.newBuilder().setGatewayVersion("8.8.21").build()),
        new ScriptedGateway.Answer(Status.UNAUTHENTICATED.withDescription("token rejected"), null, false));
    AtomicInteger tokenAsked = new AtomicInteger();
    Credentials bearer = Credentials.bearer(() -> {
      tokenAsked.incrementAndGet();
      return SECRET;
    });
    List<Object> mustNotLeak = new ArrayList<>();
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("localhost:" + gateway.port())
        .trustCertificates(localhost.certificatePem()).credentials(bearer).options(TestClients.fast().build()).build()) {
      mustNotLeak.add(client);

      client.topology().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      Metadata headers = gateway.last("Topology").headers();
      assertThat(headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)))
          .isEqualTo("Bearer " + SECRET);

      WorkflowException rejected = boundedFailure(client.topology());
      assertThat(rejected).isInstanceOf(AuthenticationException.class);
      mustNotLeak.add(rejected);
    }

    // The same credentials towards a server the client does not trust: the handshake fails, the
    // token must never reach that server, and the failure must not show it.
    int askedBefore = tokenAsked.get();
    try (ZeebeClient untrusting = ZeebeClient.builder().gatewayAddress("localhost:" + gateway.port())
        .credentials(bearer).options(TestClients.fast().build()).build()) {
      int seenBefore = gateway.seen.size();
      WorkflowException e = boundedFailure(untrusting.topology());
      assertThat(e).isInstanceOf(TlsException.class);
      assertThat(gateway.seen).hasSize(seenBefore);
      mustNotLeak.add(untrusting);
      mustNotLeak.add(e);
      System.out.println("[tls] token supplier calls while the handshake failed: " + (tokenAsked.get() - askedBefore));
    }

    for (Object o : mustNotLeak) {
      assertThat(o.toString()).doesNotContain(SECRET);
      if (o instanceof Throwable t) {
        assertThat(chainText(t)).doesNotContain(SECRET);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        t.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Fails the test if {@code f} succeeds or takes longer than {@link #BOUND}. */
  private static WorkflowException boundedFailure(CompletableFuture<?> f) throws InterruptedException {
    try {
      Object v = f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("the call did not end within " + BOUND + " (hang)");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable t = CallExecutor.unwrap(e);
      if (t instanceof WorkflowException we) {
        return we;
      }
      throw new AssertionError("expected a WorkflowException", t);
    }
  }

  /** Every class name, message and toString along the cause chain and suppressed exceptions. */
  private static String chainText(Throwable root) {
    StringBuilder s = new StringBuilder();
    Set<Throwable> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (t == null || !done.add(t)) {
        continue;
      }
      s.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ").append(t).append('\n');
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
    return s.toString();
  }

  private static void report(String what, WorkflowException e, Duration took, TestClients.Attempts attempts) {
    System.out.println("[tls] " + what + ": " + e.getClass().getSimpleName() + " after " + took.toMillis()
        + " ms, " + attempts.events.size() + " attempt(s)\n" + chainText(e).indent(6));
  }
}
