package io.flowport.core.auth;

import java.util.function.Supplier;

/** Sets one header whose value is secret; {@code toString} shows only a description. */
final class HeaderCredentials implements Credentials {
  private final String header;
  private final Supplier<String> value;
  private final String description;

  HeaderCredentials(String header, Supplier<String> value, String description) {
    this.header = header;
    this.value = value;
    this.description = description;
  }

  @Override
  public void apply(AuthRequest request) {
    request.setHeader(header, value.get());
  }

  @Override
  public String toString() {
    return description + " (secret hidden)";
  }
}
