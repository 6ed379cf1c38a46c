package io.flowport.testkit.fakes.internal;

/** {@code host:port} for the fakes' banners, with an IPv6 literal in brackets. */
public final class HostPort {
  private HostPort() {}

  /** {@code "127.0.0.1:8080"}, {@code "[::1]:8080"}. */
  public static String of(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
