package io.flowport.testkit.fakes.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small {@code multipart/form-data} reader that keeps the parts in the order they were sent. */
public final class Multipart {
  private Multipart() {}

  /**
   * One part.
   *
   * @param name the form field name
   * @param fileName the file name, or null for a plain field
   * @param contentType the part's content type, or null
   * @param content the part's bytes
   */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    /** {@return the content as UTF-8 text} */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    /** {@return whether this part is a file} */
    public boolean isFile() {
      return fileName != null;
    }
  }

  /**
   * {@return whether {@code contentType} is {@code multipart/form-data} (with a boundary)}
   *
   * @param contentType the body's media type
   */
  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary(contentType) != null;
  }

  /**
   * {@return the parts of {@code body}; empty when it is not multipart or cannot be read}
   *
   * @param contentType the body's media type
   * @param body the body
   */
  public static List<Part> parse(String contentType, byte[] body) {
    String boundary = contentType == null ? null : boundary(contentType);
    List<Part> parts = new ArrayList<>();
    if (boundary == null || body == null) {
      return parts;
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int after = pos + delimiter.length;
      if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
        break; // closing delimiter
      }
      int headersStart = skipLineEnd(body, after);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        break;
      }
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
      if (next < 0) {
        break;
      }
      Map<String, String> headers = headers(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8));
      String disposition = headers.getOrDefault("content-disposition", "");
      parts.add(new Part(param(disposition, "name"), param(disposition, "filename"), headers.get("content-type"),
          Arrays.copyOfRange(body, headersEnd + 4, next)));
      pos = next + 2;
    }
    return parts;
  }

  private static int skipLineEnd(byte[] body, int at) {
    int i = at;
    while (i < body.length && (body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  private static String boundary(String contentType) {
    return param(contentType, "boundary");
  }

  /** A {@code ; name=value} or {@code ; name="value"} parameter of a header value, or null. */
  static String param(String header, String name) {
    for (String piece : header.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = p.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
