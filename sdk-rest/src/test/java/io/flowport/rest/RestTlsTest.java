package io.flowport.rest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.TlsCheck;
import io.flowport.core.error.TlsException;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.rest.testing.RawHttpServer;
import io.flowport.rest.testing.RawHttpServer.Answer;
import io.flowport.rest.testing.RestAdapters;
import io.flowport.core.testing.TestCertificates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS through a real adapter client over real sockets, with certificates keytool makes for the
 * test: a certificate that fails a check is a {@link TlsException} naming the check, at once and
 * never retried (the same certificate fails the same way); a handshake cut short is still
 * retried; a valid certificate works.
 */
class RestTlsTest {
  private static final String USER = "flowport-user";
  private static final String SECRET = "s3cret-Pa55word";
  private static final String BASE = "/flowable-rest/service";
  private static final String LINKS = BASE + "/runtime/process-instances/id-1/identitylinks";

  @TempDir static Path keystores;
  static TestCertificates authority;
  static SSLContext valid;
  static SSLContext otherHost;
  static SSLContext expired;
  static SSLContext notYetValid;
  static SSLContext selfSigned;

  @BeforeAll
  static void makeCertificates() throws Exception {
    authority = TestCertificates.authority(keystores);
    valid = authority.issued("ip:127.0.0.1,dns:localhost", null, 30).serverContext();
    otherHost = authority.issued("dns:engine.flowport.invalid", null, 30).serverContext();
    expired = authority.issued("ip:127.0.0.1", "-10d", 1).serverContext();
    notYetValid = authority.issued("ip:127.0.0.1", "+10d", 30).serverContext();
    selfSigned = authority.selfSigned("ip:127.0.0.1").serverContext();
  }

  /** A Flowable client trusting the test authority only, 3 attempts 20 ms apart, counting attempts. */
  private static FlowableClient client(RawHttpServer server, AtomicInteger attempts) {
    return FlowableClient.builder()
        .baseUrl(server.url(BASE))
        .credentials(Credentials.basic(USER, SECRET))
        .options(ClientOptions.builder()
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofMillis(20)).build())
            .attemptTimeout(Duration.ofSeconds(3))
            .listener(e -> attempts.incrementAndGet())
            .build())
        .transport(t -> t.configure(ok -> ok.sslSocketFactory(
            authority.clientContext().getSocketFactory(), authority.trustManager())))
        .build();
  }

  static Stream<Arguments> failedChecks() {
    return Stream.of(
        Arguments.of("self-signed, not trusted", selfSigned, TlsCheck.UNTRUSTED_ISSUER),
        Arguments.of("trusted, for another host name", otherHost, TlsCheck.HOST_NAME),
        Arguments.of("trusted, expired", expired, TlsCheck.EXPIRED),
        Arguments.of("trusted, not yet valid", notYetValid, TlsCheck.NOT_YET_VALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failedChecks")
  void aCertificateFailingACheckFailsOnceWithThatCheck(String name, SSLContext identity, TlsCheck check)
      throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (RawHttpServer server = RawHttpServer.startTls(identity, r -> Answer.json(200, "[]"));
        FlowableClient client = client(server, attempts)) {
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> client.getIdentityLinks("id-1").get(5, SECONDS));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(failure).isInstanceOf(ExecutionException.class);
      Throwable error = failure.getCause();
      assertThat(error).isInstanceOf(TlsException.class);
      TlsException tls = (TlsException) error;
      assertThat(tls.check()).isEqualTo(check);
      assertThat(tls.isRetryable()).isFalse();
      assertThat(tls.requestMayHaveBeenProcessed()).isFalse();
      assertThat(tls.getMessage())
          .contains("TLS failed for GET " + LINKS + " to 127.0.0.1:" + URI.create(server.url("")).getPort())
          .contains(check.description())
          .doesNotContain(SECRET)
          .doesNotContain(Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
      assertThat(attempts).as("attempts").hasValue(1);
      assertThat(server.connections()).as("handshakes the server saw").isEqualTo(1);
      assertThat(server.received()).as("requests the server read").isEmpty();
      assertThat(took).isLessThan(Duration.ofSeconds(2));
    }
  }

  /** A GET of each adapter's own that goes to the wire with any id. */
  private static final Map<String, String> A_GET = Map.of(
      "flowable", "getIdentityLinks", "cloudify", "getExecution", "bk-sops", "taskStatus", "obs", "getWorkflow");

  static Stream<RestAdapters.Adapter> adapters() {
    return RestAdapters.all().stream();
  }

  /** Each adapter's own backend must pass the transport's TlsException on untouched, with the JDK's own trust store. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void everyAdapterFailsOnceOnACertificateTheJdkDoesNotTrust(RestAdapters.Adapter adapter) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    ClientOptions options = ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(20)).build())
        .listener(e -> attempts.incrementAndGet())
        .build();
    try (RawHttpServer server = RawHttpServer.startTls(selfSigned, r -> Answer.json(200, "{}"));
        WorkflowClient client = adapter.client(server.url(""), Credentials.basic(USER, SECRET), options)) {
      String name = A_GET.get(adapter.engine());
      RestAdapters.Call get = adapter.calls().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
      Throwable failure = catchThrowable(() -> get.run(client, adapter.sampleId()).get(5, SECONDS));

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(TlsException.class).hasMessageNotContaining(SECRET);
      assertThat(((TlsException) failure.getCause()).check()).isEqualTo(TlsCheck.UNTRUSTED_ISSUER);
      assertThat(attempts).hasValue(1);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aValidCertificateFromATrustedAuthorityWorks() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (RawHttpServer server = RawHttpServer.startTls(valid, r -> Answer.json(200, "[]"));
        FlowableClient client = client(server, attempts)) {
      assertThat(client.getIdentityLinks("id-1").get(5, SECONDS)).isEmpty();
      assertThat(attempts).hasValue(1);
      assertThat(server.received()).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo(LINKS);
        assertThat(r.header("Authorization")).startsWith("Basic ");
      });
    }
  }

  @Test
  void aHandshakeCutShortIsNoCertificateFailureAndIsRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (RawHttpServer server = RawHttpServer.startHangingUp();
        FlowableClient client = client(server, attempts)) {
      Throwable failure = catchThrowable(() -> client.getIdentityLinks("id-1").get(5, SECONDS));

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(EngineUnavailableException.class)
          .hasMessageNotContaining(SECRET);
      assertThat(attempts).hasValue(3);
      assertThat(server.connections()).isEqualTo(3);
    }
  }
}
