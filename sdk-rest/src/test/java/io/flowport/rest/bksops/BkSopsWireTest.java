package io.flowport.rest.bksops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.ConflictException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.EngineInternalException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.error.InvalidVariablesException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BkSopsClient on the wire against a stub gateway: what it sends (paths with their trailing slash,
 * scope, auth header, a cache-busting query) and every envelope code it reads, with HTTP 200.
 */
class BkSopsWireTest {
  private WireMockServer server;
  private BkSopsClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = BkSopsClient.builder().baseUrl(server.baseUrl() + "/prod").bizId("2").scope("project")
        .credentials(BkSopsCredentials.appAndUser("app", "top-secret", "alice"))
        .template("deploy", "1001")
        .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private void answer(int status, String contentType, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
        .withHeader("Sops-Trace-Id", "header-trace").withBody(body)));
  }

  private void envelope(String code, String message) {
    answer(200, "application/json", "{\"result\":false,\"code\":" + code + ",\"message\":\"" + message
        + "\",\"data\":null,\"trace_id\":\"trace-" + code + "\"}");
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return CallExecutor.unwrap(catchThrowable(f::join));
  }

  static Stream<Arguments> codes() {
    Function<BkSopsClient, CompletableFuture<?>> start = c -> c.instances().start(StartRequest.of("deploy").build());
    Function<BkSopsClient, CompletableFuture<?>> get = c -> c.instances().get("7");
    Function<BkSopsClient, CompletableFuture<?>> cancel = c -> c.instances().cancel("7");
    Function<BkSopsClient, CompletableFuture<?>> create = c -> c.createTask("1001", "n", Map.of());
    Function<BkSopsClient, CompletableFuture<?>> retry = c -> c.nodes().retry("7", "n1", Map.of());
    return Stream.of(
        Arguments.of("3540000", "invalid param format", create, RequestRejectedException.class),
        Arguments.of("3540100", "you have no permission", get, PermissionDeniedException.class),
        Arguments.of("3540400", "template does not exist", start, DefinitionNotFoundException.class),
        Arguments.of("3540400", "task does not exist", cancel, InstanceNotFoundException.class),
        Arguments.of("3545000", "task not started", cancel, IllegalTransitionException.class),
        Arguments.of("3545100", "invalid operation", cancel, ConflictException.class),
        Arguments.of("3546100", "task stream is invalid", start, InvalidDefinitionException.class),
        Arguments.of("3546100", "constants are invalid", create, InvalidVariablesException.class),
        Arguments.of("3555000", "environment error", get, EngineUnavailableException.class),
        Arguments.of("3599999", "task[id=7] get status error: no such task", get, InstanceNotFoundException.class),
        Arguments.of("3599999", "task command is invalid", retry, RequestRejectedException.class),
        Arguments.of("3599999", "boom", retry, EngineInternalException.class));
  }

  @ParameterizedTest(name = "{0} \"{1}\" -> {3}")
  @MethodSource("codes")
  void envelopeCodes(String code, String message, Function<BkSopsClient, CompletableFuture<?>> call,
      Class<? extends WorkflowException> expected) {
    envelope(code, message);
    Throwable t = failure(call.apply(client));
    assertThat(t).isInstanceOf(expected);
    WorkflowException e = (WorkflowException) t;
    assertThat(e.engineCode()).isEqualTo(code);
    assertThat(e.wireStatus()).isEqualTo("200");
    assertThat(e.requestId()).isEqualTo("trace-" + code);
    assertThat(e.engine()).isEqualTo("bk-sops");
  }

  @Test
  void anEngineTracebackNeverReachesTheMessage() {
    answer(200, "application/json", "{\"result\":false,\"code\":3599999,\"message\":\"fail: Traceback (most recent call"
        + " last):\\n  File \\\"/app/bamboo_engine/engine.py\\\", line 1431\\nbamboo_engine.exceptions."
        + "InvalidOperationError: n1 state is not FAILED, actual RUNNING\\n\",\"trace_id\":\"t1\"}");
    Throwable t = failure(client.nodes().retry("7", "n1", Map.of()));
    assertThat(t).isInstanceOf(IllegalTransitionException.class);
    assertThat(t.getMessage()).contains("InvalidOperationError: n1 state is not FAILED, actual RUNNING")
        .doesNotContain("Traceback", "engine.py");
  }

  @Test
  void withoutATraceIdInTheBodyTheHeaderIsTheRequestId() {
    answer(200, "application/json", "{\"result\":false,\"code\":3540400,\"message\":\"gone\",\"data\":null}");
    WorkflowException e = (WorkflowException) failure(client.instances().cancel("7"));
    assertThat(e.requestId()).isEqualTo("header-trace");
  }

  @Test
  void theGatewaysOwnAnswers() {
    answer(403, "text/plain", "This API can only be accessed through API gateway");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(PermissionDeniedException.class);
    answer(401, "application/json", "{\"result\":false,\"code\":16,\"message\":\"app authentication failed\"}");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("app authentication failed");
    answer(404, "text/html", "<h1>Not Found</h1>");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(ResourceNotFoundException.class);
    answer(405, "text/html", "");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(RequestRejectedException.class);
    answer(500, "text/html", "<h1>Server Error (500)</h1>");
    assertThat(failure(client.createTask("1001", "n", Map.of()))).isInstanceOf(EngineInternalException.class);
    answer(502, "text/html", "<html>bad gateway</html>");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(EngineUnavailableException.class);
  }

  @Test
  void bodiesThatAreNotEnvelopes() {
    answer(200, "text/html", "<html>proxy says hi</html>");
    assertThat(failure(client.instances().get("7"))).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("proxy says hi");
    answer(200, "application/json", "{\"result\":tr");
    assertThat(failure(client.instances().cancel("7"))).isInstanceOf(UnexpectedResponseException.class);
    answer(200, "application/json", "{\"code\":0}");
    assertThat(failure(client.instances().cancel("7"))).isInstanceOf(UnexpectedResponseException.class);
    answer(200, "application/json", "");
    assertThat(failure(client.taskStatus("7"))).isInstanceOf(UnexpectedResponseException.class);
    answer(200, "application/json", "{\"result\":true,\"code\":0,\"data\":[1]}");
    assertThat(failure(client.taskStatus("7"))).isInstanceOf(UnexpectedResponseException.class);
  }

  @Test
  void requestsCarryTheGatewayHeaderScopeAndTrailingSlash() {
    answer(200, "application/json", "{\"result\":true,\"code\":0,\"message\":\"success\"}");
    client.instances().cancel("7").join();
    server.verify(postRequestedFor(urlPathEqualTo("/prod/operate_task/7/2/"))
        .withHeader("X-Bkapi-Authorization",
            equalToJson("{\"bk_app_code\":\"app\",\"bk_app_secret\":\"top-secret\",\"bk_username\":\"alice\"}"))
        .withRequestBody(equalToJson("{\"scope\":\"project\",\"action\":\"revoke\"}")));
    client.nodes().pause("7", "n1").join();
    server.verify(postRequestedFor(urlPathEqualTo("/prod/operate_node/2/7/"))
        .withRequestBody(equalToJson("{\"scope\":\"project\",\"node_id\":\"n1\",\"action\":\"pause\"}")));
  }

  @Test
  void everyStatusReadAsksPastTheGatewaysCache() {
    answer(200, "application/json", "{\"result\":true,\"code\":0,\"data\":{\"id\":\"p1\",\"state\":\"RUNNING\",\"children\":{}}}");
    client.taskStatus("7").join();
    client.taskStatus("7").join();
    var sent = server.findAll(getRequestedFor(urlPathEqualTo("/prod/get_task_status/7/2/")).withQueryParam("scope", equalTo("project")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).queryParameter("_flowport").firstValue())
        .isNotEqualTo(sent.get(1).queryParameter("_flowport").firstValue());
  }

  @Test
  void idsThatAreNotNumbersAreRefusedBeforeTheWire() {
    assertThat(failure(client.instances().get("../7"))).isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.nodes().skip("abc", "n1"))).isInstanceOf(ClientValidationException.class);
    assertThat(failure(client.instances().start(StartRequest.of("no-such-name").build())))
        .isInstanceOf(DefinitionNotFoundException.class).hasMessageContaining("no template named");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void credentialsNeverShowTheirSecret() {
    BkSopsCredentials c = BkSopsCredentials.appAndToken("app", "top-secret", "tok-123");
    assertThat(c.toString()).contains("app").doesNotContain("top-secret", "tok-123");
    assertThat(client.toString()).doesNotContain("top-secret");
  }
}
