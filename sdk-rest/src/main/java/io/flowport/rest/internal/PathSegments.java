package io.flowport.rest.internal;

import java.nio.charset.StandardCharsets;

/**
 * Encodes one path segment so that no server can read it as more than the one segment it is:
 * every byte outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) is percent-encoded.
 * OkHttp's own segment encoding leaves {@code ;}, {@code =}, {@code ,} and other sub-delimiters
 * raw, which is valid HTTP but not safe: servlet containers (Tomcat under Flowable's Spring Boot)
 * strip {@code ;...} path parameters, so an id {@code A;x} acted on instance {@code A}. Dot
 * segments are refused before this (they would be resolved by OkHttp and by servers).
 */
public final class PathSegments {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /** {@code segment} percent-encoded as one opaque segment (UTF-8). */
  public static String encode(String segment) {
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = null;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (isUnreserved(b)) {
        if (out != null) {
          out.append((char) b);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(bytes.length + 16).append(segment, 0, i); // ASCII so far: same index
      }
      out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }
    return out == null ? segment : out.toString();
  }

  private static boolean isUnreserved(int b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
        || b == '-' || b == '.' || b == '_' || b == '~';
  }
}
