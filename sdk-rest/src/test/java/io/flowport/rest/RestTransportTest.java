package io.flowport.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flowport.core.Operation;
import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ClientClosedException;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.UnknownStatusException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared REST transport over real sockets (WireMock and raw server sockets). */
@Timeout(20)
class RestTransportTest {
  static final Operation OP = Operation.GET_INSTANCE;
  static final ErrorTable TABLE = ErrorTable.builder("test")
      .row(null, "400", ErrorKind.INVALID_REQUEST)
      .row(null, "404", ErrorKind.INSTANCE_NOT_FOUND)
      .row(null, "429", ErrorKind.BACK_PRESSURE)
      .row(null, "503", ErrorKind.UNAVAILABLE)
      .build();
  static final ErrorReader READER =
      RestErrors.tableReader(TABLE, RestErrors.jsonFields(List.of("code"), List.of("message")));

  static WireMockServer server;
  RestTransport transport;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    transport = transport(Credentials.basic("kermit", "s3cret-pw"));
  }

  @AfterEach
  void tearDown() {
    transport.close();
  }

  RestTransport transport(Credentials credentials) {
    return RestTransport.builder("test")
        .baseUrl(server.baseUrl() + "/api/")
        .credentials(credentials)
        .requestIdHeaders("x-request-id")
        .build();
  }

  RestCalls calls() {
    return new RestCalls(transport, READER);
  }

  static CallContext ctx() {
    return new CallContext("test", OP, 1, Instant.now().plusSeconds(10));
  }

  static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(f::join);
    assertThat(t).as("the future should have failed").isNotNull();
    return CallExecutor.unwrap(t);
  }

  // ------------------------------------------------------------------ URLs

  @Test
  void idsWithSlashesDotsSpacesAndUnicodeStayOneEncodedSegment() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    for (String id : List.of("../x", "a/b", "with space", "ünï€ødé", "q?x=1#f", "%2e%2e%2fetc")) {
      RestResponse r = transport.send(ctx(), RestRequest.get("things", id, "children").build()).join();
      assertThat(r.status()).isEqualTo(200);
    }
    List<String> urls = server.findAll(getRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl).toList();
    assertThat(urls).containsExactly(
        "/api/things/..%2Fx/children",
        "/api/things/a%2Fb/children",
        "/api/things/with%20space/children",
        "/api/things/%C3%BCn%C3%AF%E2%82%AC%C3%B8d%C3%A9/children",
        "/api/things/q%3Fx%3D1%23f/children",
        "/api/things/%252e%252e%252fetc/children");
  }

  @Test
  void dotSegmentsAreRefusedBeforeTheWire() {
    for (String id : List.of(".", "..", "%2e%2E", "", ".%2e")) {
      Throwable t = failure(transport.send(ctx(), RestRequest.get("things", id).build()));
      assertThat(t).isInstanceOf(ClientValidationException.class);
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void queryParametersAreEncodedAndNullsLeftOut() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    transport.send(ctx(), RestRequest.get("list").query("name", "a b&c=d").query("skip", null).query("n", 5)
        .queryFlag("flag").build()).join();
    assertThat(server.findAll(getRequestedFor(anyUrl())).get(0).getUrl())
        .isEqualTo("/api/list?name=a%20b%26c%3Dd&n=5&flag");
  }

  // ------------------------------------------------------------------ credentials and headers

  @Test
  void basicAuthIsSentButNeverShown() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withBody("{\"message\":\"nope\"}").withHeader("x-request-id", "req-42")));
    Throwable t = failure(calls().call(ctx(), RestRequest.get("x").build()));

    LoggedRequest sent = server.findAll(getRequestedFor(anyUrl())).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Basic a2VybWl0OnMzY3JldC1wdw==");
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json");
    assertThat(t).isInstanceOf(WorkflowException.class);
    assertThat(((WorkflowException) t).requestId()).isEqualTo("req-42");
    String everything = t + " " + t.getMessage() + " " + transport + " " + ((WorkflowException) t).info();
    assertThat(everything).doesNotContain("s3cret-pw").doesNotContain("a2VybWl0OnMzY3JldC1wdw");
  }

  @Test
  void signersSeeMethodEncodedPathQueryAndContentType() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    AtomicReference<String> seen = new AtomicReference<>();
    Credentials signer = (AuthRequest r) -> {
      seen.set(r.method() + " " + r.path() + " ? " + r.query() + " | " + r.header("Content-Type"));
      r.setHeader("Authorization", "OBS AK:" + r.method().length());
    };
    try (RestTransport t = transport(signer)) {
      t.send(ctx(), RestRequest.post("v2", "workflows", "my graph").query("x-workflow-template-name", "t 1")
          .json(Map.of("a", 1)).build()).join();
    }
    assertThat(seen.get()).isEqualTo(
        "POST /api/v2/workflows/my%20graph ? x-workflow-template-name=t%201 | application/json; charset=utf-8");
    assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("OBS AK:4");
  }

  @Test
  void failingCredentialsGiveATypedErrorWithoutTheirMessage() {
    Credentials broken = r -> r.setHeader("Authentication-Token", "bad\nvalue-s3cret");
    try (RestTransport t = transport(broken)) {
      Throwable e = failure(t.send(ctx(), RestRequest.get("x").build()));
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.getMessage()).doesNotContain("s3cret");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void multipartBodiesCarryFieldsAndFiles() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\":\"1\"}")));
    RestBody body = RestBody.multipart()
        .field("tenantId", "acme")
        .field("absent", null)
        .file("file", "order.bpmn20.xml", "application/xml", "<definitions/>".getBytes(StandardCharsets.UTF_8))
        .build();
    transport.send(ctx(), RestRequest.post("deployments").body(body).build()).join();

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    String text = sent.getBodyAsString();
    assertThat(text).contains("Content-Disposition: form-data; name=\"tenantId\"").contains("acme")
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"order.bpmn20.xml\"")
        .contains("Content-Type: application/xml").contains("<definitions/>").doesNotContain("absent");
    assertThat(sent.getParts()).hasSize(2);
  }

  // ------------------------------------------------------------------ answers

  @Test
  void errorAnswersGoThroughTheErrorReaderWhateverTheBody() {
    record Case(String body, String contentType, String expectedMessagePart) {}
    for (Case c : List.of(
        new Case("{\"code\":\"E1\",\"message\":\"gone\"}", "application/json", "gone"),
        new Case("<html><body><h1>404 Not Found</h1></body></html>", "text/html", "<html><body><h1>404 Not Found"),
        new Case("", "application/json", "<empty body>"),
        new Case("{\"message\":\"trunc", "application/json", "{\"message\":\"trunc"))) {
      server.resetAll();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody(c.body())
          .withHeader("Content-Type", c.contentType())));
      Throwable t = failure(calls().call(ctx(), RestRequest.get("x").build(), ResponseReader.json()));
      assertThat(t).as(c.body()).isInstanceOf(io.flowport.core.error.InstanceNotFoundException.class);
      assertThat(t.getMessage()).contains(c.expectedMessagePart()).contains("404");
      assertThat(((WorkflowException) t).requestMayHaveBeenProcessed()).isFalse();
    }
  }

  @Test
  void backPressureIsNotProcessedAndNotesRetryAfter() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
    Throwable t = failure(calls().call(ctx(), RestRequest.post("x").build()));
    assertThat(t).isInstanceOf(BackPressureException.class).hasMessageContaining("Retry-After: 3");
    assertThat(((WorkflowException) t).requestMayHaveBeenProcessed()).isFalse();
    assertThat(((WorkflowException) t).isRetryable()).isTrue();

    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
    Throwable u = failure(calls().call(ctx(), RestRequest.post("x").build()));
    assertThat(u).isInstanceOf(EngineUnavailableException.class);
    assertThat(((WorkflowException) u).requestMayHaveBeenProcessed()).isFalse();
  }

  @Test
  void unreadableSuccessBodiesAreUnexpectedResponses() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")
        .withHeader("X-Request-ID", "r-7")));
    Throwable t = failure(calls().call(ctx(), RestRequest.get("x").build(), r -> r.json().get("id").asText()));
    assertThat(t).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("<html>proxy login</html>").hasMessageContaining("GET /api/x");
    assertThat(((WorkflowException) t).requestId()).isEqualTo("r-7");

    // a reader's NullPointerException on a JSON body of the wrong shape is typed too
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"other\":1}")));
    Throwable u = failure(calls().call(ctx(), RestRequest.get("x").build(), r -> r.json().get("id").asText()));
    assertThat(u).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("{\"other\":1}");
  }

  @Test
  void aBrokenErrorReaderStillGivesATypedError() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(418).withBody("teapot")));
    try (RestTransport t = RestTransport.builder("test").baseUrl(server.baseUrl()).build()) {
      RestCalls broken = new RestCalls(t, (op, r) -> { throw new NullPointerException("bug"); });
      assertThat(failure(broken.call(ctx(), RestRequest.get("x").build())))
          .isInstanceOf(UnknownStatusException.class).hasMessageContaining("teapot");
    }
  }

  // ------------------------------------------------------------------ transport failures

  @Test
  void refusedConnectionsAreUnavailableAndCertainlyNotProcessed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (RestTransport t = RestTransport.builder("test").baseUrl("http://127.0.0.1:" + port)
        .build()) {
      Throwable e = failure(t.send(ctx(), RestRequest.post("x").build()));
      assertThat(e).isInstanceOf(EngineUnavailableException.class);
      assertThat(((WorkflowException) e).requestMayHaveBeenProcessed()).isFalse();
      assertThat(((WorkflowException) e).isRetryable()).isTrue();
    }
  }

  @Test
  void aResetAfterTheRequestIsUnavailableAndMayHaveBeenProcessed() {
    for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.RANDOM_DATA_THEN_CLOSE)) {
      server.resetAll();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
      Throwable e = failure(transport.send(ctx(), RestRequest.post("x").json(Map.of()).build()));
      assertThat(e).as(fault.name()).isInstanceOf(EngineUnavailableException.class);
      assertThat(((WorkflowException) e).requestMayHaveBeenProcessed()).as(fault.name()).isTrue();
      assertThat(e.getMessage()).contains("POST /api/x");
    }
  }

  @Test
  void theAttemptDeadlineBoundsTheCall() {
    WireMockServer slow = slowServer();
    CallContext shortCtx = new CallContext("test", OP, 1, Instant.now().plusMillis(300));
    long t0 = System.nanoTime();
    Throwable e;
    try (RestTransport t = RestTransport.builder("test").baseUrl(slow.baseUrl()).build()) {
      e = failure(t.send(shortCtx, RestRequest.get("slow").build()));
    } finally {
      slow.stop();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    assertThat(e).isInstanceOf(WorkflowTimeoutException.class);
    assertThat(((WorkflowException) e).requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void cancellingTheFutureDropsTheConnection() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CountDownLatch requestRead = new CountDownLatch(1);
      CountDownLatch dropped = new CountDownLatch(1);
      Thread serverThread = new Thread(() -> {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          byte[] buf = new byte[8192];
          int n = in.read(buf); // the request; never answered
          if (n > 0) {
            requestRead.countDown();
          }
          if (in.read(buf) == -1) { // blocks until the client goes away
            dropped.countDown();
          }
        } catch (Exception e) {
          dropped.countDown(); // a reset is a drop too
        }
      });
      serverThread.setDaemon(true);
      serverThread.start();
      try (RestTransport t = RestTransport.builder("test")
          .baseUrl("http://127.0.0.1:" + listener.getLocalPort()).build()) {
        CompletableFuture<RestResponse> f = t.send(ctx(), RestRequest.get("hang").build());
        assertThat(requestRead.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(f.cancel(true)).isTrue();
        assertThat(dropped.await(5, TimeUnit.SECONDS)).as("server saw the connection dropped").isTrue();
      }
    }
  }

  @Test
  void closeFailsCallsInFlightAndLeavesNoThreads() throws Exception {
    WireMockServer slow = slowServer();
    try {
      closeFailsCallsInFlightAndLeavesNoThreads(slow);
    } finally {
      slow.stop();
    }
  }

  /** A server of its own whose answers take 5 s, so abandoned calls never reach the shared server's journal. */
  static WireMockServer slowServer() {
    WireMockServer slow = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    slow.start();
    slow.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    return slow;
  }

  private void closeFailsCallsInFlightAndLeavesNoThreads(WireMockServer server) throws Exception {
    RestTransport t = RestTransport.builder("closing").baseUrl(server.baseUrl()).build();
    CompletableFuture<RestResponse> f = t.send(ctx(), RestRequest.get("slow").build());
    String okHttpName = "OkHttp " + server.baseUrl(); // OkHttp renames its thread during a call
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (threads(okHttpName).isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(threads(okHttpName)).isNotEmpty();
    t.close();
    Throwable e = failure(f);
    assertThat(e).isInstanceOf(ClientClosedException.class).hasMessageContaining("closed");
    assertThat(failure(t.send(ctx(), RestRequest.get("x").build())))
        .isInstanceOf(ClientClosedException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((!threads("flowport-closing-http").isEmpty() || !threads(okHttpName).isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(threads("flowport-closing-http")).isEmpty();
    assertThat(threads(okHttpName)).isEmpty();
  }

  static List<String> threads(String marker) {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.contains(marker)).toList();
  }

  // ------------------------------------------------------------------ chaining

  @Test
  void chainedRequestsApplyCredentialsOffTheHttpThreads() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    List<String> credentialThreads = new CopyOnWriteArrayList<>();
    try (RestTransport t = transport(r -> credentialThreads.add(Thread.currentThread().getName()))) {
      CompletableFuture<RestResponse> chained = RestFutures.compose(
          t.send(ctx(), RestRequest.get("one").build()),
          first -> t.send(ctx(), RestRequest.get("two").build()));
      assertThat(chained.join().status()).isEqualTo(200);
    }
    assertThat(credentialThreads).hasSize(2).noneMatch(n -> n.startsWith("OkHttp") || n.contains("-http-"));
  }

  @Test
  void cancellingAChainCancelsTheRequestInFlight() throws Exception {
    WireMockServer slow = slowServer();
    slow.stubFor(get(urlPathEqualTo("/one")).willReturn(aResponse().withStatus(200)));
    try (RestTransport t = RestTransport.builder("test").baseUrl(slow.baseUrl()).build()) {
      AtomicReference<CompletableFuture<RestResponse>> second = new AtomicReference<>();
      CountDownLatch secondStarted = new CountDownLatch(1);
      CompletableFuture<RestResponse> chained = RestFutures.compose(
          t.send(ctx(), RestRequest.get("one").build()),
          first -> {
            second.set(t.send(ctx(), RestRequest.get("two").build()));
            secondStarted.countDown();
            return second.get();
          });
      assertThat(secondStarted.await(5, TimeUnit.SECONDS)).isTrue();
      chained.cancel(true);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (!second.get().isCancelled() && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(second.get()).isCancelled();
    } finally {
      slow.stop();
    }
  }

  @Test
  void baseUrlsMustBeHttp() {
    assertThat(catchThrowable(() -> RestTransport.builder("x").baseUrl("ftp://x").build()))
        .isInstanceOf(IllegalArgumentException.class);
    try (RestTransport t = RestTransport.builder("x").baseUrl("http://localhost:1/a/b/").build()) {
      assertThat(t.baseUrl()).isEqualTo("http://localhost:1/a/b");
    }
  }
}
