package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.auth.Credentials;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.Secrets;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway that echoes the metadata it received in the description of every status it answers
 * (UNAUTHENTICATED, PERMISSION_DENIED, UNAVAILABLE, INTERNAL), and a token endpoint that quotes the
 * client secret back: no secret of any kind of credentials — basic, bearer, a header, an OAuth token
 * or client secret — may reach an exception, the client's {@code toString} or the DEBUG log.
 */
@Timeout(120)
class ZeebeSecretsEchoTest {
  private static final Path LOG = Path.of("target/sdk-grpc-tests.log"); // simplelogger.properties
  private static final String CLIENT_SECRET = "cs-Zb/Secret+5g";
  private static final String OAUTH_TOKEN = "tok-Zb-OAuth-4f";
  private static final List<String> ALL = new ArrayList<>();
  private static final Status.Code[] CODES = {Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED,
      Status.Code.UNAVAILABLE, Status.Code.INTERNAL};

  private Server gateway;
  private HttpServer tokenServer;
  private volatile boolean tokenEndpointRefuses;
  private final AtomicInteger answered = new AtomicInteger();
  private volatile List<String> echoed = List.of();

  @BeforeEach
  void start() throws Exception {
    ServerInterceptor echo = new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        StringBuilder d = new StringBuilder("received");
        for (String key : headers.keys()) {
          if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
            d.append(' ').append(key).append(": ")
                .append(headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
          }
        }
        forms(echoed).forEach(s -> d.append(" secret=").append(s));
        int n = answered.getAndIncrement();
        call.close(CODES[n % CODES.length].toStatus().withDescription(d.toString()), new Metadata());
        return new ServerCall.Listener<>() {};
      }
    };
    gateway = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new GatewayGrpc.GatewayImplBase() {}, echo)).build().start();
    tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenServer.createContext("/oauth/token", exchange -> {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean refuse = tokenEndpointRefuses;
      String body = refuse
          ? "{\"error\":\"invalid_client\",\"error_description\":\"got " + form.replace("\"", "'") + "\"}"
          : "{\"access_token\":\"" + OAUTH_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(refuse ? 401 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    tokenServer.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    gateway.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    tokenServer.stop(0);
  }

  /** Every form in which a secret could show (as is, URL-encoded), as the SDK masks them. */
  private static List<String> forms(List<String> secrets) {
    return secrets.stream().flatMap(s -> Secrets.forms(s).stream()).distinct().toList();
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private ZeebeOAuthCredentials oauth() {
    String url = "http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/oauth/token";
    return ZeebeOAuthCredentials.builder(url).clientId("my-client").clientSecret(CLIENT_SECRET).build();
  }

  private static final List<Function<ZeebeClient, CompletableFuture<?>>> CALLS = List.of(
      ZeebeClient::topology,
      c -> c.instances().start(StartRequest.of("order").variable("a", 1).build()),
      c -> c.instances().cancel("2251799813685249"),
      c -> c.messages().publish(MessageRequest.builder("paid", "k-1").build()),
      c -> c.definitions().deploy(DeployRequest.of(Resource.of("p.bpmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))),
      c -> c.setVariables(2251799813685249L, Map.of("x", 1), false));

  /** Runs every call against the echoing gateway; returns how many failures were checked. */
  private int runAll(String name, Credentials credentials, List<String> secrets) throws Exception {
    echoed = secrets;
    synchronized (ALL) {
      ALL.addAll(secrets);
    }
    int checked = 0;
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("127.0.0.1:" + gateway.getPort()).usePlaintext()
        .credentials(credentials).options(ClientOptions.builder().apiCallTimeout(Duration.ofSeconds(10))
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).build()).build())
        .build()) {
      for (int round = 0; round < CODES.length; round++) {
        for (Function<ZeebeClient, CompletableFuture<?>> call : CALLS) {
          Throwable error = null;
          try {
            call.apply(client).get(20, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            error = CallExecutor.unwrap(e);
          }
          assertThat(error).as(name).isNotNull();
          checked++;
          String shown = printed(error) + " " + client;
          for (String form : forms(secrets)) {
            assertThat(shown).as("%s: %s", name, error.getMessage()).doesNotContain(form);
          }
        }
      }
    }
    return checked;
  }

  @Test
  void echoedCredentialsOfEveryKindNeverReachAnErrorOrToString() throws Exception {
    String basicPassword = "pw-Zb-Basic-6h";
    int checked = 0;
    checked += runAll("basic", Credentials.basic("alice", basicPassword), List.of(basicPassword,
        Base64.getEncoder().encodeToString(("alice:" + basicPassword).getBytes(StandardCharsets.UTF_8))));
    checked += runAll("bearer", Credentials.bearer(() -> "tok-Zb-Bearer-8k"), List.of("tok-Zb-Bearer-8k"));
    checked += runAll("header", Credentials.header("x-api-key", "hdr-Zb-Key-7j"), List.of("hdr-Zb-Key-7j"));
    checked += runAll("oauth token and client secret", oauth(), List.of(OAUTH_TOKEN, CLIENT_SECRET));
    tokenEndpointRefuses = true; // the token endpoint quotes the form it got: the URL-encoded client secret
    checked += runAll("oauth endpoint echoing the client secret", oauth(), List.of(CLIENT_SECRET));
    assertThat(answered.get()).as("calls the gateway answered").isGreaterThan(4 * CALLS.size() * CODES.length);
    System.out.println("ZeebeSecretsEchoTest: " + checked + " failed calls checked, 0 secrets shown");
  }

  @Test
  void aTokenSupplierThatThrowsWithItsTokenLeavesNoTraceInTheCauses() throws Exception {
    String token = "tok-Zb-Rotate-3d";
    java.util.concurrent.atomic.AtomicBoolean revoked = new java.util.concurrent.atomic.AtomicBoolean();
    Credentials rotating = Credentials.bearer(() -> {
      if (revoked.get()) {
        throw new IllegalStateException("token " + token + " was revoked");
      }
      return token;
    });
    echoed = List.of();
    synchronized (ALL) {
      ALL.add(token);
    }
    try (ZeebeClient client = ZeebeClient.builder().gatewayAddress("127.0.0.1:" + gateway.getPort()).usePlaintext()
        .credentials(rotating).options(TestClients.fast().build()).build()) {
      TestClients.failure(client.topology());
      revoked.set(true);
      Throwable e = TestClients.failure(client.topology());
      assertThat(printed(e)).doesNotContain(token);
    }
  }

  /** After every test: the SDK logged at DEBUG (so the check means something) and never a secret. */
  @AfterAll
  static void theDebugLogHoldsNoSecret() throws Exception {
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertThat(log).contains("DEBUG").contains("[zeebe]");
    for (String form : forms(ALL)) {
      assertThat(log).doesNotContain(form);
    }
  }
}
