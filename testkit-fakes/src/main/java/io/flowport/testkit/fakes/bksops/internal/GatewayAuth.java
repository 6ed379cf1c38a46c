package io.flowport.testkit.fakes.bksops.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.JsonValues;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.io.IOException;

/**
 * The API gateway's check of {@code X-Bkapi-Authorization}: with an app code and secret set, the
 * header must be JSON with those and a {@code bk_username} or {@code bk_token}; otherwise the
 * gateway answers 401 with its own JSON (not bk-sops' envelope; its exact wording is not
 * confirmed). Without app credentials set, any caller passes as user {@code admin}.
 */
public final class GatewayAuth {
  private final String appCode;
  private final String appSecret;

  /** The user a call acts for, or the gateway's refusal. */
  record Result(String username, FakeResponse refusal) {}

  /** @param appCode the app allowed in (null: no check) */
  public GatewayAuth(String appCode, String appSecret) {
    this.appCode = appCode;
    this.appSecret = appSecret;
  }

  Result check(String header) {
    if (appCode == null) {
      return new Result(usernameIn(header), null);
    }
    JsonNode auth = parse(header);
    if (auth == null || !appCode.equals(auth.path("bk_app_code").asText(null))
        || !appSecret.equals(auth.path("bk_app_secret").asText(null))) {
      return new Result(null, refusal("app authentication failed, please check bk_app_code and bk_app_secret"));
    }
    String user = auth.path("bk_username").asText("");
    if (user.isEmpty()) {
      user = auth.path("bk_token").asText("").isEmpty() ? "" : "token-user";
    }
    if (user.isEmpty()) {
      return new Result(null, refusal("user authentication failed, please provide bk_username or bk_token"));
    }
    return new Result(user, null);
  }

  private static String usernameIn(String header) {
    JsonNode auth = parse(header);
    String user = auth == null ? "" : auth.path("bk_username").asText("");
    return user.isEmpty() ? "admin" : user;
  }

  private static JsonNode parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JsonValues.MAPPER.readTree(header);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static FakeResponse refusal(String message) {
    return FakeResponse.json(401, "{\"result\":false,\"code\":16,\"code_name\":\"UNAUTHENTICATED\",\"data\":null,"
        + "\"message\":\"" + message + "\"}");
  }
}
