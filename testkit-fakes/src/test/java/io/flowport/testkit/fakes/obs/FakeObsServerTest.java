package io.flowport.testkit.fakes.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.obs.internal.ObsSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake's own rules, each by a plain HTTP request at it (signed here, without the adapter). */
class FakeObsServerTest {
  static final String AK = "RULESACCESSKEY000001";
  static final String SK = "rules-secret";
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  static FakeObsServer fake;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fake = FakeObsServer.builder().accessKey(AK, SK).start();
    fake.defineWorkflow("rules", "[{\"name\":\"work\",\"action\":\"wait\"}]");
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  /** Sends a request signed over {@code signedQuery} (the query as the signer saw it) at {@code date}. */
  static HttpResponse<String> send(String method, String path, String query, String signedQuery, String body,
      Instant date, String secret) throws Exception {
    String d = HTTP_DATE.format(date);
    String toSign = ObsSigner.stringToSign(method, null, "application/json", d, new TreeMap<>(), path, signedQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path + (query.isEmpty() ? "" : "?" + query)))
        .header("Content-Type", "application/json")
        .header("Date", d)
        .header("Authorization", "OBS " + AK + ":" + ObsSigner.signature(secret, toSign))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String query) throws Exception {
    return send("GET", path, query, query, null, Instant.now(), SK);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonValues.MAPPER.readTree(r.body());
  }

  @Test
  void everyAnswerHasARequestIdAndADate() throws Exception {
    for (HttpResponse<String> r : new HttpResponse[] {get("/v2/workflows/rules", ""), get("/v2/workflows/none", ""),
        send("GET", "/v2/workflows/rules", "", "", null, Instant.now(), "wrong")}) {
      assertThat(r.headers().firstValue("x-obs-request-id")).get().asString().hasSizeGreaterThan(8);
      assertThat(r.headers().firstValue("Date")).isPresent();
    }
  }

  @Test
  void signaturesAreChecked() throws Exception {
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v2/workflows/rules"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>", "<RequestId>");
    assertThat(unsigned.headers().firstValue("x-obs-error-code")).hasValue("AccessDenied");

    HttpResponse<String> wrong = send("GET", "/v2/workflows/rules", "", "", null, Instant.now(), "wrong");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>");

    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v2/workflows/rules"))
        .header("Date", HTTP_DATE.format(Instant.now())).header("Authorization", "OBS NOBODY:abc").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.body()).contains("<Code>InvalidAccessKeyId</Code>");

    // A signed sub-resource that is changed on the way breaks the signature; an unsigned parameter does not.
    assertThat(send("GET", "/v2/workflowexecutions", "x-workflow-graph-name=rules&x-workflow-limit=5",
        "x-workflow-graph-name=rules&x-workflow-limit=6", null, Instant.now(), SK).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/v2/workflowexecutions", "x-workflow-graph-name=rules&other=1",
        "x-workflow-graph-name=rules", null, Instant.now(), SK).statusCode()).isEqualTo(200);
  }

  @Test
  void anEmptyValueMaySignBareOrWithEquals() throws Exception {
    // The Python SDK signs "key=" as "key=", the Java SDK as "key" (wire notes §6.2): both pass.
    assertThat(send("GET", "/v2/workflows/", "x-workflow-prefix=", "x-workflow-prefix=", null, Instant.now(), SK)
        .statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v2/workflows/", "x-workflow-prefix=", "x-workflow-prefix", null, Instant.now(), SK)
        .statusCode()).isEqualTo(200);
  }

  @Test
  void aDateMoreThan15MinutesOffIsRequestTimeTooSkewedWithTheServersDate() throws Exception {
    assertThat(send("GET", "/v2/workflows/rules", "", "", null, Instant.now().minus(Duration.ofMinutes(14)), SK)
        .statusCode()).isEqualTo(200);
    HttpResponse<String> late = send("GET", "/v2/workflows/rules", "", "", null,
        Instant.now().minus(Duration.ofMinutes(16)), SK);
    assertThat(late.statusCode()).isEqualTo(403);
    assertThat(late.body()).contains("<Code>RequestTimeTooSkewed</Code>");
    Instant serverDate = ZonedDateTime.parse(late.headers().firstValue("Date").orElseThrow(),
        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(Duration.between(serverDate, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    assertThat(send("GET", "/v2/workflows/rules", "", "", null, Instant.now().plus(Duration.ofMinutes(16)), SK)
        .statusCode()).isEqualTo(403);
  }

  @Test
  void executionsPageWithTypePlusNameMarkers() throws Exception {
    fake.defineWorkflow("paged", "[{\"name\":\"p\"}]");
    for (int i = 0; i < 12; i++) {
      assertThat(send("POST", "/v2/workflows/paged", "", "", "{\"bucket\":\"b\",\"object\":\"o\",\"inputs\":null}",
          Instant.now(), SK).statusCode()).isEqualTo(200);
    }
    JsonNode first = json(get("/v2/workflowexecutions", "x-workflow-graph-name=paged"));
    assertThat(first.path("count").asInt()).isEqualTo(10); // the default limit
    assertThat(first.path("is_truncated").asBoolean()).isTrue();
    JsonNode tenth = first.path("executions").get(9);
    assertThat(first.path("next_marker").asText()).isEqualTo("APICALL" + tenth.path("execution_name").asText());
    assertThat(tenth.path("execution_state").asText()).isEqualTo("SUCCESS");
    assertThat(tenth.path("stopped_at").asText()).isNotEmpty();
    JsonNode rest = json(get("/v2/workflowexecutions",
        "x-workflow-graph-name=paged&x-workflow-next-marker=" + first.path("next_marker").asText()));
    assertThat(rest.path("count").asInt()).isEqualTo(2);
    assertThat(rest.path("is_truncated").asBoolean()).isFalse();
    assertThat(rest.has("next_marker")).isFalse();
  }

  @Test
  void badRequestsAreJsonErrorsWithTheExactMediaType() throws Exception {
    for (String query : new String[] {"x-workflow-graph-name=rules&x-workflow-limit=1001",
        "x-workflow-graph-name=rules&x-workflow-limit=ten", "x-workflow-limit=5"}) {
      HttpResponse<String> r = get("/v2/workflowexecutions", query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(json(r).path("code").asText()).isEqualTo("SYS.0010");
      assertThat(json(r).path("request_id").asText()).isEqualTo(r.headers().firstValue("x-obs-request-id").orElseThrow());
    }
    HttpResponse<String> badStates = send("POST", "/v2/workflowtemplates/t-bad", "", "",
        "{\"states\":[{\"name\":\"_x\"}]}", Instant.now(), SK);
    assertThat(badStates.statusCode()).isEqualTo(400);
    HttpResponse<String> noObject = send("POST", "/v2/workflows/rules", "", "", "{\"bucket\":\"b\"}", Instant.now(), SK);
    assertThat(json(noObject).path("message").asText()).contains("object");
  }

  @Test
  void unknownRoutesAreSys0003AndWrongMethods405() throws Exception {
    HttpResponse<String> r = get("/v3/anything", "");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("code").asText()).isEqualTo("SYS.0003");
    HttpResponse<String> patch = send("PATCH", "/v2/workflows/rules", "", "", "{}", Instant.now(), SK);
    assertThat(patch.statusCode()).isEqualTo(405);
    assertThat(patch.body()).contains("<Code>MethodNotAllowed</Code>");
  }

  @Test
  void withoutKeysNothingIsChecked() throws Exception {
    try (FakeObsServer open = FakeObsServer.start()) {
      open.defineWorkflow("open", "[{\"name\":\"p\"}]");
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(open.baseUrl() + "/v2/workflows/open")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).path("graph_name").asText()).isEqualTo("open");
    }
  }
}
