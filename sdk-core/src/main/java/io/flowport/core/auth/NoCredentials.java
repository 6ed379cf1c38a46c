package io.flowport.core.auth;

/** Adds nothing. */
final class NoCredentials implements Credentials {
  static final NoCredentials INSTANCE = new NoCredentials();

  private NoCredentials() {}

  @Override
  public void apply(AuthRequest request) {}

  @Override
  public String toString() {
    return "no credentials";
  }
}
