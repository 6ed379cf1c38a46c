package io.flowport.rest.flowable;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;

/** A WireMock server on a free port standing in for Flowable, and clients pointed at it. */
final class WireMockFlowable implements AutoCloseable {
  static final String BASE = "/flowable-rest/service";
  final WireMockServer server;

  WireMockFlowable() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  String baseUrl() {
    return server.baseUrl() + BASE;
  }

  FlowableClient client(RetryPolicy retry) {
    return FlowableClient.builder()
        .baseUrl(baseUrl())
        .credentials(Credentials.basic("rest-admin", "test"))
        .options(ClientOptions.builder()
            .retryPolicy(retry)
            .attemptTimeout(Duration.ofSeconds(5))
            .apiCallTimeout(Duration.ofSeconds(10))
            .build())
        .build();
  }

  FlowableClient client() {
    return client(RetryPolicy.none());
  }

  static Throwable failure(CompletableFuture<?> f) {
    Throwable t = Assertions.catchThrowable(f::join);
    Assertions.assertThat(t).as("the future should have failed").isNotNull();
    return CallExecutor.unwrap(t);
  }

  @Override
  public void close() {
    server.stop();
  }
}
