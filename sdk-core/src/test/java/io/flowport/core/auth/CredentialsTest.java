package io.flowport.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link Credentials}: the right headers, and no secret in toString. */
class CredentialsTest {
  private static final String SECRET = "s3cr3t-Pa55";

  /** Collects the headers credentials set. */
  static final class Request implements AuthRequest {
    final Map<String, String> headers = new LinkedHashMap<>();

    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String path() {
      return "/x";
    }

    @Override
    public String query() {
      return "";
    }

    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }
  }

  private static Map<String, String> headersOf(Credentials c) {
    Request r = new Request();
    c.apply(r);
    return r.headers;
  }

  @Test
  void basicSetsTheAuthorizationHeader() {
    String expected = "Basic " + Base64.getEncoder().encodeToString(("rest-admin:" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(headersOf(Credentials.basic("rest-admin", SECRET))).containsExactly(Map.entry("Authorization", expected));
    assertThat(headersOf(Credentials.basic("kermit", "test")))
        .containsEntry("Authorization", "Basic a2VybWl0OnRlc3Q=");
  }

  @Test
  void basicToStringHidesThePassword() {
    Credentials c = Credentials.basic("rest-admin", SECRET);
    String encoded = Base64.getEncoder().encodeToString(("rest-admin:" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(c.toString()).doesNotContain(SECRET).doesNotContain(encoded).contains("rest-admin");
  }

  @Test
  void headerSetsTheHeaderAndHidesTheValue() {
    Credentials c = Credentials.header("Authentication-Token", SECRET);
    assertThat(headersOf(c)).containsExactly(Map.entry("Authentication-Token", SECRET));
    assertThat(c.toString()).doesNotContain(SECRET).contains("Authentication-Token");
  }

  @Test
  void bearerAsksForTheTokenOnEveryApplyAndHidesIt() {
    int[] calls = {0};
    Credentials c = Credentials.bearer(() -> SECRET + (++calls[0]));
    assertThat(c.toString()).doesNotContain(SECRET);
    assertThat(calls[0]).as("toString does not fetch the token").isZero();
    assertThat(headersOf(c)).containsEntry("Authorization", "Bearer " + SECRET + "1");
    assertThat(headersOf(c)).containsEntry("Authorization", "Bearer " + SECRET + "2");
  }

  @Test
  void andThenAppliesBothAndHidesBoth() {
    Credentials c = Credentials.header("Authentication-Token", SECRET).andThen(Credentials.header("Tenant", "t-" + SECRET));
    assertThat(headersOf(c)).containsEntry("Authentication-Token", SECRET).containsEntry("Tenant", "t-" + SECRET);
    assertThat(c.toString()).doesNotContain(SECRET);
  }

  @Test
  void noneAddsNothing() {
    assertThat(headersOf(Credentials.none())).isEmpty();
  }

  @Test
  void clientConfigToStringHidesTheSecret() {
    ClientConfig config = ClientConfig.builder("flowable").endpoint("http://localhost")
        .credentials(Credentials.basic("rest-admin", SECRET)).setting("tenant", "acme").build();
    assertThat(config.toString()).doesNotContain(SECRET).contains("flowable");
  }
}
