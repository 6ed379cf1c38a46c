package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.bksops.BkSopsCredentials;
import io.flowport.rest.cloudify.CloudifyServerError;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.rest.testing.RawHttpServer;
import io.flowport.rest.testing.RawHttpServer.Answer;
import io.flowport.rest.testing.RawHttpServer.Received;
import io.flowport.rest.testing.RestAdapters;
import io.flowport.rest.testing.RestAdapters.Adapter;
import io.flowport.rest.testing.RestAdapters.Call;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the credentials it received — in 401 and 403 bodies, an HTML 502 page and an
 * unreadable 200, at every offset so that excerpts are cut inside them — answers every operation of
 * every REST adapter, for every kind of credentials. No secret may appear in any exception (message,
 * causes, printed stack trace), in the client's {@code toString}, or in the SDK's log at DEBUG.
 */
@Timeout(300)
class RestSecretsEchoTest {
  private static final Path LOG = Path.of("target/sdk-rest-tests.log"); // simplelogger.properties
  private static final List<String> ALL_SECRETS = new ArrayList<>();
  private static final AtomicInteger FAILURES_CHECKED = new AtomicInteger();

  /** One kind of credentials, the secrets it holds, and what the server may echo of them. */
  record Kind(String name, Credentials credentials, String userInfo, List<String> secrets) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Kind> kinds() {
    String basic = "pw-Basic/7Q!x+";
    List<Kind> kinds = List.of(
        new Kind("basic", Credentials.basic("alice", basic), null, List.of(basic,
            Base64.getEncoder().encodeToString(("alice:" + basic).getBytes(StandardCharsets.UTF_8)))),
        new Kind("bearer", Credentials.bearer(() -> "tok-Bearer-8Zk2"), null, List.of("tok-Bearer-8Zk2")),
        new Kind("header", Credentials.header("Authentication-Token", "hdr-Token-9Yq1"), null,
            List.of("hdr-Token-9Yq1")),
        new Kind("bk-sops app secret", BkSopsCredentials.appAndUser("app-x", "bk-App-Secret-6Wv", "admin"), null,
            List.of("bk-App-Secret-6Wv")),
        new Kind("obs keys", ObsCredentials.temporary("AKIDEXAMPLE01", "sk-Obs-Secret-5Vu", "sts-Token-4Ut"), null,
            List.of("sk-Obs-Secret-5Vu", "sts-Token-4Ut")),
        new Kind("user:password@ in the base URL", Credentials.none(), "bob:pw-Url-3Ts", List.of("pw-Url-3Ts")));
    synchronized (ALL_SECRETS) {
      if (ALL_SECRETS.isEmpty()) {
        kinds.forEach(k -> ALL_SECRETS.addAll(k.secrets()));
      }
    }
    return kinds;
  }

  static Stream<Object[]> cases() {
    return RestAdapters.all().stream().flatMap(a -> kinds().stream().map(k -> new Object[] {a, k}));
  }

  /** Every form in which a secret could show (as is, URL-encoded), as the SDK masks them. */
  private static List<String> forms(List<String> secrets) {
    return secrets.stream().flatMap(s -> Secrets.forms(s).stream()).distinct().toList();
  }

  /** What a leaky proxy sends back: the request's headers and the secrets it checked, after {@code pad} chars. */
  private static Answer echo(Received r, List<String> secrets, int n) {
    StringBuilder text = new StringBuilder("x".repeat(n % 230)).append(" received ");
    r.headers().forEach((k, v) -> text.append(k).append(": ").append(v).append(' '));
    forms(secrets).forEach(s -> text.append("secret=").append(s).append(' '));
    String echoed = text.toString().replace("\"", "'");
    return switch (n % 4) {
      case 0 -> Answer.json(401, "{\"message\":\"" + echoed + "\",\"error_code\":\"unauthorized_error\","
          + "\"server_traceback\":\"" + echoed + "\",\"proxy\":\"" + echoed + "\","
          + "\"result\":false,\"code\":401,\"Code\":\"AUTH.0001\",\"Message\":\"" + echoed + "\"}");
      case 1 -> Answer.of(403, Map.of("Content-Type", "text/plain"), echoed.getBytes(StandardCharsets.UTF_8));
      case 2 -> Answer.of(502, Map.of("Content-Type", "text/html"),
          ("<html><body><h1>502</h1><p>" + echoed + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
      default -> Answer.json(200, "{\"unreadable\": \"" + echoed + "\"");
    };
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void echoedCredentialsNeverReachAnExceptionOrToString(Adapter adapter, Kind kind) throws Exception {
    AtomicInteger n = new AtomicInteger();
    List<String> forms = forms(kind.secrets());
    try (RawHttpServer server = RawHttpServer.start(r -> echo(r, kind.secrets(), n.getAndIncrement()))) {
      String root = kind.userInfo() == null ? server.url("") : server.url("").replace("://", "://" + kind.userInfo() + "@");
      try (WorkflowClient client = adapter.client(root, kind.credentials(), ClientOptions.builder()
          .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1)).build())
          .apiCallTimeout(Duration.ofSeconds(10)).build())) {
        assertThat(client.toString()).doesNotContainAnyWhitespaces().isNotNull();
        for (String form : forms) {
          assertThat(client.toString()).as("toString").doesNotContain(form);
        }
        for (Call call : adapter.calls()) {
          if (!call.offeredBy(client)) {
            continue;
          }
          Throwable error = null;
          try {
            call.run(client, adapter.sampleId()).get(20, TimeUnit.SECONDS);
          } catch (java.util.concurrent.ExecutionException e) {
            error = CallExecutor.unwrap(e);
          }
          if (error != null) {
            FAILURES_CHECKED.incrementAndGet();
            String shown = printed(error) + CloudifyServerError.of(error) // Cloudify's detail, read by users
                .map(d -> d.serverTraceback().orElse("") + d.extra()).orElse("");
            for (String form : forms) {
              // not even the start of one, where an excerpt was cut inside it
              assertThat(shown).as("%s %s %s", adapter, kind, call).doesNotContain(form.substring(0, 2 * form.length() / 3));
            }
          }
        }
      }
      if (kind.userInfo() != null) { // the user info became Basic credentials, and left the URL
        Received first = server.received().get(0);
        assertThat(first.header("Authorization")).startsWith("Basic ");
        assertThat(first.target()).doesNotContain("pw-Url");
      }
      assertThat(n.get()).as("requests the server answered").isGreaterThan(10);
    }
  }

  @Test
  void aTokenSupplierThatThrowsWithItsTokenLeavesNoTraceInTheCauses() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean revoked = new java.util.concurrent.atomic.AtomicBoolean();
    String token = "tok-Rotate-2Sr9";
    Credentials rotating = Credentials.bearer(() -> {
      if (!revoked.get()) {
        return token;
      }
      throw new IllegalStateException("token " + token + " was revoked");
    });
    try (RawHttpServer server = RawHttpServer.start(r -> Answer.json(404, "{}"));
        WorkflowClient client = RestAdapters.all().get(0).client(server.url(""), rotating,
            ClientOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
      assertThat(CallExecutor.unwrap(org.assertj.core.api.Assertions.catchThrowable(
          () -> client.instances().get("1").get(10, TimeUnit.SECONDS)))).isNotInstanceOf(AuthenticationException.class);
      revoked.set(true);
      Throwable e = CallExecutor.unwrap(org.assertj.core.api.Assertions.catchThrowable(
          () -> client.instances().get("1").get(10, TimeUnit.SECONDS)));
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(printed(e)).doesNotContain(token).contains("IllegalStateException");
    }
  }

  /** After every case: the SDK logged at DEBUG (so the check means something) and never a secret. */
  @AfterAll
  static void theDebugLogHoldsNoSecret() throws Exception {
    assertThat(LOG).exists();
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertThat(log).contains("DEBUG").contains("attempt 1 of 2 failed");
    for (String form : forms(ALL_SECRETS)) {
      assertThat(log).doesNotContain(form);
    }
    System.out.println("RestSecretsEchoTest: " + FAILURES_CHECKED.get() + " failed calls checked, "
        + log.lines().count() + " log lines read, 0 secrets found");
  }
}
