package io.flowport.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Authenticates outgoing requests by adding headers. Implementations never show their secrets in
 * {@code toString}, logs or exception messages. Adapters call {@link #apply} once per attempt,
 * never on an I/O thread, so an implementation may fetch and cache a token.
 */
@FunctionalInterface
public interface Credentials {

  /**
   * Adds the credentials to one attempt's request (a header, a signature).
   *
   * @param request the attempt's request, to add headers to
   */
  void apply(AuthRequest request);

  /**
   * No authentication.
   *
   * @return the credentials
   */
  static Credentials none() {
    return NoCredentials.INSTANCE;
  }

  /**
   * HTTP Basic (Flowable, Cloudify).
   *
   * @param user the user name
   * @param password the password (never logged)
   * @return the credentials
   */
  static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    String value = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HeaderCredentials("Authorization", () -> value, "basic user " + user);
  }

  /**
   * {@return a fixed secret header, e.g. Cloudify's {@code Authentication-Token}}
   *
   * @param name the name
   * @param secretValue the secret value
   */
  static Credentials header(String name, String secretValue) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(secretValue, "secretValue == null");
    return new HeaderCredentials(name, () -> secretValue, "header " + name);
  }

  /**
   * {@code Authorization: Bearer <token>}, the token asked for on every attempt.
   *
   * @param tokens the tokens
   * @return the credentials
   */
  static Credentials bearer(Supplier<String> tokens) {
    Objects.requireNonNull(tokens, "tokens == null");
    return new HeaderCredentials("Authorization", () -> "Bearer " + tokens.get(), "bearer token");
  }

  /**
   * Applies {@code this}, then {@code next} (e.g. a token and a tenant header).
   *
   * @param next the next
   * @return this object
   */
  default Credentials andThen(Credentials next) {
    Objects.requireNonNull(next, "next == null");
    Credentials first = this;
    return new Credentials() {
      @Override
      public void apply(AuthRequest request) {
        first.apply(request);
        next.apply(request);
      }

      @Override
      public String toString() {
        return first + " + " + next;
      }
    };
  }
}
