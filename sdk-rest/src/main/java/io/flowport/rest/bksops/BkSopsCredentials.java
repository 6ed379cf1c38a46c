package io.flowport.rest.bksops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The BlueKing API gateway's {@code X-Bkapi-Authorization} header: a JSON object with the app's
 * {@code bk_app_code} and {@code bk_app_secret}, and the user the call acts for, either by name
 * ({@code bk_username}, for apps the gateway trusts to name users) or by login token
 * ({@code bk_token}). The header value is built once; {@link #toString()} shows only the app code
 * and the user, never the secret or the token.
 */
public final class BkSopsCredentials implements Credentials {
  /** The gateway's authentication header. */
  public static final String HEADER = "X-Bkapi-Authorization";

  private final String appCode;
  private final String user;
  private final String appSecret;
  private final String headerValue;

  private BkSopsCredentials(String appCode, String appSecret, String userField, String userValue) {
    this.appCode = requireText(appCode, "appCode");
    this.appSecret = requireText(appSecret, "appSecret");
    requireText(userValue, userField);
    this.user = userField.equals("bk_username") ? userValue : "(by bk_token)";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("bk_app_code", appCode);
    fields.put("bk_app_secret", appSecret);
    fields.put(userField, userValue);
    try {
      this.headerValue = JsonValues.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the authorization header"); // strings always serialize
    }
  }

  /**
   * App code and secret, acting for user {@code username} ({@code bk_username}).
   *
   * @param appCode the app code
   * @param appSecret the app secret
   * @param username the username
   * @return the bk sops credentials
   */
  public static BkSopsCredentials appAndUser(String appCode, String appSecret, String username) {
    return new BkSopsCredentials(appCode, appSecret, "bk_username", username);
  }

  /**
   * App code and secret, acting for the user logged in with {@code bkToken} ({@code bk_token}).
   *
   * @param appCode the app code
   * @param appSecret the app secret
   * @param bkToken the bk token
   * @return the bk sops credentials
   */
  public static BkSopsCredentials appAndToken(String appCode, String appSecret, String bkToken) {
    return new BkSopsCredentials(appCode, appSecret, "bk_token", bkToken);
  }

  /** {@return the app code (not secret)} */
  public String appCode() {
    return appCode;
  }

  @Override
  public void apply(AuthRequest request) {
    request.addSecret(appSecret); // a server may quote it alone, out of the header's JSON
    request.setHeader(HEADER, headerValue);
  }

  @Override
  public String toString() {
    return "BkSopsCredentials{app " + appCode + ", user " + user + ", secret hidden}";
  }

  private static String requireText(String value, String what) {
    Objects.requireNonNull(value, what + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }
}
