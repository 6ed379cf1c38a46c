package io.flowport.core.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a host names this machine, for the checks that let credentials go in plaintext only to
 * it. Decided from the text alone, never by a DNS lookup, which another machine's name
 * ({@code 127.0.0.1.nip.io}) could answer with a loopback address.
 */
public final class LoopbackHosts {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private LoopbackHosts() {}

  /**
   * {@return true for {@code localhost} and names under it (RFC 6761), {@code 127.0.0.0/8} and {@code ::1}
   * (with or without brackets, IPv4-mapped too)}
   *
   * @param host a host name or address literal, as in a URL or a {@code host:port}
   */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    String lower = h.toLowerCase(Locale.ROOT);
    if (lower.equals("localhost") || lower.endsWith(".localhost")) {
      return true;
    }
    Matcher v4 = IPV4.matcher(h);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return Integer.parseInt(v4.group(1)) == 127;
    }
    if (!h.contains(":")) {
      return false; // another name: not resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: parsed, never looked up
    } catch (UnknownHostException | RuntimeException e) {
      return false;
    }
  }
}
