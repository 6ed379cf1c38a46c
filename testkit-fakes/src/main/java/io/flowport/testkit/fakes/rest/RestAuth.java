package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.fakes.http.FakeRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * Whether a request carries the credentials a REST fake requires. Made by {@link #basic} or
 * {@link #header}; {@code toString()} never shows the secret.
 */
@FunctionalInterface
public interface RestAuth {
  /**
   * {@return whether {@code request} may be served}
   *
   * @param request what to send
   */
  boolean allows(FakeRequest request);

  /**
   * HTTP basic auth with exactly this user and password ({@code Authorization: Basic ...}).
   *
   * @param user the user name
   * @param password the password (never logged)
   * @return the rest auth
   */
  static RestAuth basic(String user, String password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    return new RestAuth() {
      @Override
      public boolean allows(FakeRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
          return false;
        }
        try {
          return MessageDigest.isEqual(expected, Base64.getDecoder().decode(header.substring(6).trim()));
        } catch (IllegalArgumentException e) {
          return false; // not Base64
        }
      }

      @Override
      public String toString() {
        return "RestAuth.basic(user=" + user + ", password=***)";
      }
    };
  }

  /**
   * {@return a header with exactly this value, e.g. {@code header("X-Auth-Token", token)} or
   * {@code header("Authorization", "Bearer " + token)}}
   *
   * @param name the name
   * @param value the value
   */
  static RestAuth header(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    byte[] expected = value.getBytes(StandardCharsets.UTF_8);
    return new RestAuth() {
      @Override
      public boolean allows(FakeRequest request) {
        String actual = request.header(name);
        return actual != null && MessageDigest.isEqual(expected, actual.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public String toString() {
        return "RestAuth.header(" + name + "=***)";
      }
    };
  }
}
