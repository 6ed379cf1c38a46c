package io.flowport.testkit.fakes.cloudify.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the manager reads and writes values on the wire ({@code rest_utils.py}). */
final class Wire {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  /** {@code parse_datetime_multiple_formats}: six naive formats, no offset. */
  private static final List<DateTimeFormatter> NAIVE = List.of(
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"),
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"),
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"));

  private Wire() {}

  /** {@code verify_and_convert_bool}: a JSON boolean or "true"/"false" in any case; else 400. */
  static boolean bool(String name, Object value, boolean fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      if (s.toLowerCase(Locale.ROOT).equals("true")) {
        return true;
      }
      if (s.toLowerCase(Locale.ROOT).equals("false")) {
        return false;
      }
    }
    throw ManagerError.badParameters(name + " must be <true/false>, got " + value);
  }

  /** Python truthiness, for the fields the manager does not convert (the group {@code force}). */
  static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return !(value instanceof List<?> l) || !l.isEmpty();
  }

  static String timestamp(Instant t) {
    return t == null ? null : TIMESTAMP.format(t);
  }

  /** A delete's {@code to_datetime}: one of the six naive formats; anything else (an offset) → 400. */
  static Instant naive(String s) {
    try {
      return LocalDateTime.parse(s + "T00:00:00").toInstant(ZoneOffset.UTC); // %Y-%m-%d
    } catch (DateTimeParseException ignored) {
      // try the others
    }
    for (DateTimeFormatter f : NAIVE) {
      try {
        return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    throw ManagerError.badParameters(s + " is not a legal time format");
  }

  /** A {@code scheduled_time} or restore timestamp: ISO with or without {@code Z}/offset. */
  static Instant anyTime(String name, String s) {
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      try {
        return naive(s);
      } catch (ManagerError e) {
        throw ManagerError.badParameters("Invalid " + name + ": " + s);
      }
    }
  }
}
