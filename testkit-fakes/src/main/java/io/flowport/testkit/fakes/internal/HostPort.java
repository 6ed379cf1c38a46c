package io.flowport.testkit.fakes.internal;

/** Bind addresses of the fakes: the checks every builder makes, where a local client connects, and banners. */
public final class HostPort {
  private HostPort() {}

  /** {@code value} stripped; null or blank → IllegalArgumentException. */
  public static String checkHost(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("host must not be null or blank");
    }
    return value.strip();
  }

  /** {@code value} when it is a port (0 for a free one); otherwise IllegalArgumentException. */
  public static int checkPort(int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + value);
    }
    return value;
  }

  /** Where a local client connects to reach a server bound to {@code host}: loopback for a wildcard address. */
  public static String connectHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
  }

  /** {@code host} as it goes before {@code :port}: an IPv6 literal in brackets. */
  public static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code "127.0.0.1:8080"}, {@code "[::1]:8080"}. */
  public static String of(String host, int port) {
    return bracketed(host) + ":" + port;
  }
}
