package io.flowport.testkit.fakes.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each injected fault as it looks on the wire of any REST fake (here {@link NotesFake}), seen by
 * the JDK HttpClient: what the shared layer does for every engine. An engine's own tests check only
 * its own fault bodies (its 429 / 503 answers).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestFakeWireFaultsTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final NotesFake fake = NotesFake.builder().start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void backPressureAndUnavailableHitOnlyTheMatchingRequestsAndSkipTheHandler() throws Exception {
    fake.faults().next(1, Fault.backPressure(), Requests.named("PUT /notes/a"));
    assertThat(put("/notes/a").statusCode()).isEqualTo(429);
    assertThat(get("/notes/count").body()).as("the handler did not run").isEqualTo("0");
    fake.faults().next(2, Fault.unavailable(), Requests.startingWith("GET /notes/"));
    assertThat(get("/notes").statusCode()).isEqualTo(200);
    assertThat(get("/notes/count").statusCode()).isEqualTo(503);
    assertThat(get("/notes/x").statusCode()).isEqualTo(503);
    assertThat(get("/notes/count").statusCode()).isEqualTo(200);
    assertThat(fake.faults().pending()).isZero();
  }

  @Test
  void latencyDelaysANormalAnswer() throws Exception {
    fake.faults().next(1, Fault.latency(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    HttpResponse<String> answer = get("/notes/count");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("0");
    assertThat(millis).as("answered after the delay, not before").isGreaterThanOrEqualTo(290);
  }

  @Test
  void resetDropsTheConnectionAndIsLoggedWithStatus0() throws Exception {
    fake.faults().next(1, Fault.reset());
    Throwable outcome = catchThrowable(() -> get("/notes/count"));
    assertThat(outcome).isInstanceOf(IOException.class);
    assertThat(get("/notes/count").statusCode()).isEqualTo(200);
    assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(0, 200);
    assertThat(fake.requests().get(0).fault()).isEqualTo(Fault.reset());
  }

  @Test
  void malformedBodyIs200WithTruncatedJson() throws Exception {
    fake.faults().next(1, Fault.malformedBody());
    HttpResponse<String> answer = get("/notes/count");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{").doesNotEndWith("}");
    Throwable parse = catchThrowable(() -> NotesFake.JSON.readTree(answer.body()));
    assertThat(parse).isInstanceOf(IOException.class);
  }

  @Test
  void htmlErrorIs502WithAProxysHtmlPage() throws Exception {
    fake.faults().next(1, Fault.htmlError());
    HttpResponse<String> answer = get("/notes/count");
    assertThat(answer.statusCode()).isEqualTo(502);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(answer.body()).contains("<html>").contains("502 Bad Gateway");
  }

  @Test
  void emptyBodyIs200WithNothing() throws Exception {
    fake.faults().next(1, Fault.emptyBody());
    HttpResponse<String> answer = get("/notes/count");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void alwaysUntilCleared() throws Exception {
    fake.faults().always(Fault.unavailable());
    assertThat(get("/notes/count").statusCode()).isEqualTo(503);
    assertThat(get("/notes").statusCode()).isEqualTo(503);
    fake.faults().clear();
    assertThat(get("/notes/count").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).timeout(Duration.ofSeconds(10))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"t\"}")).build(), HttpResponse.BodyHandlers.ofString());
  }
}
