package io.flowport.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading answers in the backend: readers, error readers, fallbacks and envelopes, over sockets. */
@Timeout(20)
class RestCallsTest {
  static final Operation OP = Operation.GET_INSTANCE;
  static final ErrorTable TABLE = ErrorTable.builder("test")
      .row(null, "404", ErrorKind.INSTANCE_NOT_FOUND)
      .row(null, "409", ErrorKind.ILLEGAL_TRANSITION)
      .row(null, null, "3001", ErrorKind.INSTANCE_NOT_FOUND)
      .row(null, null, "3002", ErrorKind.ILLEGAL_TRANSITION)
      .build();
  static final ErrorReader READER = RestErrors.tableReader(TABLE,
      RestErrors.jsonFields(List.of("code"), List.of("message")));

  static WireMockServer server;
  RestTransport transport;
  RestCalls calls;

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
    transport = RestTransport.builder("test").baseUrl(server.baseUrl()).requestIdHeaders("x-request-id").build();
    calls = new RestCalls(transport, READER);
  }

  @AfterEach
  void tearDown() {
    calls.close();
  }

  static CallContext ctx() {
    return new CallContext("test", OP, 1, Instant.now().plusSeconds(10));
  }

  static Throwable failure(CompletableFuture<?> f) {
    return CallExecutor.unwrap(catchThrowable(f::join));
  }

  void answer(String path, int status, String body) {
    server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withBody(body)
        .withHeader("x-request-id", "rid" + path)));
  }

  /** Flowable's shape: the runtime first; on its 404 the history; when history has none, the runtime's error. */
  CompletableFuture<String> runtimeThenHistory(String id) {
    return calls.call(ctx(), RestRequest.get("runtime", id).build(), r -> "runtime " + r.json().get("id").asText(),
        RestCalls.Fallback.onStatus(404, notInRuntime -> calls.call(ctx(), RestRequest.get("history", id).build(),
            r -> "history " + r.json().get("id").asText(),
            RestCalls.Fallback.onStatus(404, notInHistory -> calls.failed(OP, notInRuntime)))));
  }

  @Test
  void aFallbackTakesOverItsStatusOnly() {
    answer("/runtime/a", 200, "{\"id\":\"a\"}");
    answer("/runtime/b", 404, "{\"message\":\"no b\"}");
    answer("/history/b", 200, "{\"id\":\"b\"}");
    answer("/runtime/c", 409, "{\"message\":\"busy\"}");
    assertThat(runtimeThenHistory("a").join()).isEqualTo("runtime a");
    assertThat(runtimeThenHistory("b").join()).isEqualTo("history b");
    assertThat(failure(runtimeThenHistory("c"))).isInstanceOf(IllegalTransitionException.class);
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/history/c")))).isEmpty();
  }

  @Test
  void aFallbackThatGivesUpReportsTheFirstAnswer() {
    answer("/runtime/d", 404, "{\"message\":\"no d in the runtime\"}");
    answer("/history/d", 404, "{\"message\":\"no d in history\"}");
    Throwable t = failure(runtimeThenHistory("d"));
    assertThat(t).isInstanceOf(InstanceNotFoundException.class).hasMessageContaining("no d in the runtime");
    assertThat(((WorkflowException) t).requestId()).isEqualTo("rid/runtime/d");
  }

  @Test
  void aBrokenFallbackAnswerIsAnUnexpectedResponse() {
    answer("/runtime/e", 404, "{}");
    answer("/history/e", 200, "<html>login</html>");
    assertThat(failure(runtimeThenHistory("e"))).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("GET /history/e").hasMessageContaining("<html>login</html>");
  }

  // ------------------------------------------------------------------ envelopes (errors with HTTP 200)

  static final JsonEnvelope ENVELOPE = JsonEnvelope.builder(TABLE).requestIdField("trace_id").build();

  RestCalls enveloped() {
    return new RestCalls(transport, ENVELOPE.errorReader());
  }

  @Test
  void aSuccessfulEnvelopeGivesItsData() {
    answer("/task", 200, "{\"result\":true,\"code\":0,\"data\":{\"id\":7},\"trace_id\":\"t1\"}");
    assertThat(enveloped().call(ctx(), RestRequest.get("task").build(), ENVELOPE.data(d -> d.get("id").asInt()))
        .join()).isEqualTo(7);
    assertThat(enveloped().call(ctx(), RestRequest.get("task").build(), ENVELOPE.success()).join()).isNull();
  }

  @Test
  void aFailedEnvelopeWithStatus200GoesThroughTheTable() {
    answer("/task", 200, "{\"result\":false,\"code\":3001,\"message\":\"task not exist\",\"trace_id\":\"t-9\"}");
    Throwable t = failure(enveloped().call(ctx(), RestRequest.get("task").build(), ENVELOPE.data(d -> d)));
    assertThat(t).isInstanceOf(InstanceNotFoundException.class);
    WorkflowException e = (WorkflowException) t;
    assertThat(e.engineCode()).isEqualTo("3001");
    assertThat(e.wireStatus()).isEqualTo("200");
    assertThat(e.engineMessage()).isEqualTo("task not exist");
    assertThat(e.requestId()).isEqualTo("t-9");
    assertThat(e.requestMayHaveBeenProcessed()).isFalse();

    answer("/state", 200, "{\"result\":false,\"code\":3002,\"message\":\"state invalid\"}");
    assertThat(failure(enveloped().call(ctx(), RestRequest.get("state").build(), ENVELOPE.success())))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void anErrorStatusWithAnEnvelopeGoesThroughTheSameTable() {
    answer("/task", 500, "{\"result\":false,\"code\":3001,\"message\":\"gone\",\"trace_id\":\"t-5\"}");
    Throwable t = failure(enveloped().call(ctx(), RestRequest.get("task").build(), ENVELOPE.success()));
    assertThat(t).isInstanceOf(InstanceNotFoundException.class);
    assertThat(((WorkflowException) t).wireStatus()).isEqualTo("500");
    assertThat(((WorkflowException) t).requestId()).isEqualTo("t-5");
  }

  @Test
  void aBodyThatIsNoEnvelopeIsAnUnexpectedResponseWithAnExcerpt() {
    for (String body : List.of("<html>gateway</html>", "{\"result\":", "", "{\"code\":0}", "[1,2]",
        "{\"result\":\"yes\"}")) {
      server.resetAll();
      answer("/task", 200, body);
      Throwable t = failure(enveloped().call(ctx(), RestRequest.get("task").build(), ENVELOPE.data(d -> d)));
      assertThat(t).as(body).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("GET /task");
    }
  }
}
