package io.flowport.testkit.fakes.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.testkit.engine.EngineException.Reason;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.http.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared REST fake layer over a real socket, through a small fake written on it ({@link NotesFake}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestFakeServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private NotesFake fake = NotesFake.builder().start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void routesByMethodAndTemplateWithDecodedPathVariables() throws Exception {
    assertThat(send("PUT", "/api/notes/a%2Fb", "{\"text\":\"hello\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> got = send("GET", "/api/notes/a%2Fb", null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("{\"text\":\"hello\"}");
    // a literal segment wins over a variable one, whatever the order the routes were given in
    assertThat(send("GET", "/api/notes/count", null).body()).isEqualTo("1");
  }

  @Test
  void unknownPathsAndWrongMethodsGetTheEnginesOwnAnswers() throws Exception {
    HttpResponse<String> unknown = send("GET", "/api/nothing/here", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no route GET /api/nothing/here");
    HttpResponse<String> outside = send("GET", "/notes/x", null);
    assertThat(outside.statusCode()).as("outside the base path no route matches").isEqualTo(404);
    assertThat(outside.body()).contains("no route GET /notes/x");
    HttpResponse<String> wrong = send("DELETE", "/api/notes/x", null);
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.body()).contains("allowed: [GET, PUT]");
  }

  @Test
  void handlerErrorsEngineFailuresAndBugsBecomeTheEnginesErrorShape() throws Exception {
    HttpResponse<String> missing = send("GET", "/api/notes/nope", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"code\":404,\"error\":\"no note nope\"}");
    HttpResponse<String> notFound = send("POST", "/api/engine-failure/INSTANCE_NOT_FOUND", "");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).contains("engine says INSTANCE_NOT_FOUND");
    assertThat(send("POST", "/api/engine-failure/INVALID_ARGUMENT", "").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/api/engine-failure/STALE_VERSION", "").statusCode()).as("otherwise").isEqualTo(500);
    HttpResponse<String> bug = send("POST", "/api/bug", "");
    assertThat(bug.statusCode()).isEqualTo(500);
    assertThat(bug.body()).contains("IllegalStateException: a bug in the fake");
  }

  @Test
  void malformedEmptyAndNonObjectBodiesAreTyped400s() throws Exception {
    HttpResponse<String> empty = send("PUT", "/api/notes/x", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("body missing");
    HttpResponse<String> malformed = send("PUT", "/api/notes/x", "{\"text\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("bad JSON: ");
    HttpResponse<String> array = send("PUT", "/api/notes/x", "[1]");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(array.body()).contains("not an object: ARRAY");
  }

  @Test
  void offsetPagingAndItsBadParameters() throws Exception {
    for (String id : new String[] {"a", "b", "c"}) {
      send("PUT", "/api/notes/" + id, "{\"text\":\"" + id + "\"}");
    }
    assertThat(send("GET", "/api/notes?offset=1&size=1", null).body()).isEqualTo("[\"b\"]");
    assertThat(send("GET", "/api/notes?offset=2", null).body()).isEqualTo("[\"c\"]");
    assertThat(send("GET", "/api/notes?offset=9", null).body()).isEqualTo("[]");
    HttpResponse<String> bad = send("GET", "/api/notes?size=ten", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("size is not a number: ten");
  }

  @Test
  void authIsCheckedBeforeRoutingEvenOnUnknownPaths() throws Exception {
    fake.close();
    fake = NotesFake.builder().token("s3cret").start();
    assertThat(send("GET", "/api/notes/count", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/unknown", null).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/notes/count"))
        .header("X-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(RestAuth.header("X-Token", "s3cret").toString()).doesNotContain("s3cret");
    assertThat(RestAuth.basic("u", "pw-123").toString()).contains("u").doesNotContain("pw-123");
  }

  @Test
  void faultsComeFirstWithTheEnginesAnswersAndEveryRequestIsLogged() throws Exception {
    fake.faults().next(2, Fault.backPressure(), Requests.named("GET /notes/count"));
    assertThat(send("GET", "/api/notes/count", null).body()).isEqualTo("{\"code\":429,\"error\":\"slow down\"}");
    assertThat(send("GET", "/api/notes/count", null).statusCode()).isEqualTo(429);
    assertThat(send("GET", "/api/notes/count", null).statusCode()).isEqualTo(200);
    fake.faults().next(1, Fault.unavailable());
    assertThat(send("GET", "/api/notes/count", null).statusCode()).as("the HttpFakeServer's default").isEqualTo(503);

    RequestLog log = fake.requestLog();
    assertThat(log.count("GET /notes/count")).isEqualTo(4);
    assertThat(log.countStartingWith("GET /notes")).isEqualTo(4);
    assertThat(log.total()).isEqualTo(4);
    assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(429, 429, 200, 503);
    log.clear();
    assertThat(fake.requestCount("GET")).isZero();
  }

  @Test
  void createsAndClosesItsEngineOrBorrowsOne() {
    InMemoryEngine created = fake.engine();
    fake.close();
    assertThatThrownBy(() -> created.list(InstanceFilter.all())).as("closed with the fake").isNotNull();

    try (InMemoryEngine borrowed = InMemoryEngine.create()) {
      fake = NotesFake.builder().engine(borrowed).host("127.0.0.1").port(0).start();
      assertThat(fake.engine()).isSameAs(borrowed);
      assertThat(fake.toString()).isEqualTo("NotesFake[" + fake.baseUrl() + "]");
      fake.close();
      assertThat(borrowed.list(InstanceFilter.all())).as("still open").isEmpty();
      fake = NotesFake.builder().start();
    }
    assertThatThrownBy(() -> NotesFake.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NotesFake.builder().host(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRouteTableIsCheckedWhenBuilt() {
    RouteHandler any = (req, path) -> null;
    assertThatThrownBy(() -> RestRoutes.builder().route("GET", "/a/{id}", any).route("get", "/a/{x}", any))
        .hasMessageContaining("routed twice");
    assertThatThrownBy(() -> RestRoutes.builder().route("GET", "a", any)).hasMessageContaining("starts with '/'");
    assertThatThrownBy(() -> RestRoutes.builder().route("GET", "/a/{id", any)).hasMessageContaining("bad segment");
    assertThatThrownBy(() -> RestRoutes.builder().route("GET", "/a/{id}/{id}", any)).hasMessageContaining("twice");
    assertThatThrownBy(() -> RestRoutes.builder().route("GET", "/a", any).build()).hasMessageContaining("unknownPath");
    assertThat(NotesFake.builder().start()).satisfies(f -> {
      try (f) {
        assertThat(f.engine()).isNotNull();
      }
    });
  }

  @Test
  void aStatusTableHasARowForEveryReason() {
    assertThat(NotesFake.STATUSES.rows()).containsOnlyKeys(Reason.values());
    assertThat(NotesFake.STATUSES.statusOf(Reason.INSTANCE_NOT_FOUND)).isEqualTo(404);
    assertThat(NotesFake.STATUSES.statusOf(Reason.TIMEOUT)).isEqualTo(500);
    assertThatThrownBy(() -> StatusTable.builder().map(404, Reason.INSTANCE_NOT_FOUND).build())
        .hasMessageContaining("no status for engine reason");
    assertThatThrownBy(() -> StatusTable.builder().map(404, Reason.INSTANCE_NOT_FOUND).map(400, Reason.INSTANCE_NOT_FOUND))
        .hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> StatusTable.builder().map(99, Reason.INSTANCE_NOT_FOUND)).hasMessageContaining("not an HTTP status");
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fake.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).method(method, publisher).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
