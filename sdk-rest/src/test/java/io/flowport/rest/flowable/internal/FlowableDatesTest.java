package io.flowport.rest.flowable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flowable's dates, read by the hand-written fast path or the formatter behind it. */
class FlowableDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2026-11-22T23:20:11.374+00:00, 2026-11-22T23:20:11.374Z",
      "2013-04-17T10:17:43.902+0000, 2013-04-17T10:17:43.902Z",
      "2013-04-17T10:17:43Z, 2013-04-17T10:17:43Z",
      "2013-04-17T10:17:43.1+01:30, 2013-04-17T08:47:43.100Z",
      "2013-04-17T10:17:43.123456789-05:00, 2013-04-17T15:17:43.123456789Z",
      "2013-04-17T10:17:43, 2013-04-17T10:17:43Z",
      "2013-04-17t10:17:43z, 2013-04-17T10:17:43Z",
      "' 2013-04-17T10:17:43Z ', 2013-04-17T10:17:43Z",
      "2013-04-17T10:17Z, 2013-04-17T10:17:00Z"
  })
  void readsFlowableDateShapes(String text, String expected) {
    assertThat(FlowableJson.instant(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", " ", "yesterday", "2013-04-17T25:00:00Z",
      "2013-04-17T10:17:43+19:00", "2013-04-17T10:17:43+0", "<html>"})
  void unreadableDatesAreNull(String text) {
    assertThat(FlowableJson.instant(text)).isNull();
  }

  @Test
  void agreesWithTheIsoFormatterOnManyDates() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 5_000; i++) {
      OffsetDateTime t = OffsetDateTime.ofInstant(
          Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L),
          java.time.ZoneOffset.ofTotalSeconds((random.nextInt(28) - 12) * 1800));
      String text = t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      Instant expected;
      try {
        expected = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        continue; // a year the ISO formatter writes with a sign
      }
      assertThat(FlowableJson.instant(text)).as(text).isEqualTo(expected);
    }
  }
}
