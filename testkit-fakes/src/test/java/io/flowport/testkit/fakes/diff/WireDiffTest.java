package io.flowport.testkit.fakes.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireDiffTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static final WireDiff DIFF = new WireDiff(List.of(
      Exclusion.ids("id", "id|instanceId", "generated"),
      Exclusion.values("time", "startTime", "clock"),
      Exclusion.text("host", "http://127\\.0\\.0\\.1:\\d+", "ports"),
      Exclusion.unordered("unordered", "links", "no order"),
      Exclusion.step("known", "known difference", "listed")));

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A run of three steps answering these bodies. */
  static WireScript.Run run(String target, String started, String got, String links) {
    WireScript<Map<String, String>> script = new WireScript<Map<String, String>>()
        .step("start", (t, r) -> new WireAnswer("201", "application/json", json(t.get("start"))))
        .step("get", (t, r) -> new WireAnswer("200", "application/json", json(t.get("get"))))
        .step("links", (t, r) -> new WireAnswer("200", "application/json", json(t.get("links"))))
        .step("known difference", (t, r) -> new WireAnswer(target, null, null));
    return script.run(target, Map.of("start", started, "get", got, "links", links));
  }

  @Test
  void idsCompareByFirstSightSoReferencesStillMatch() {
    WireScript.Run fake = run("fake", "{\"id\":\"7\",\"url\":\"http://127.0.0.1:1/i/7\",\"startTime\":\"2025-01-01T00:00:00Z\"}",
        "{\"instanceId\":\"7\",\"message\":\"instance '7' is running\"}", "[1,2]");
    WireScript.Run real = run("real", "{\"id\":\"a-b-c\",\"url\":\"http://127.0.0.1:2/i/a-b-c\",\"startTime\":\"2026-12-02T18:00:00Z\"}",
        "{\"instanceId\":\"a-b-c\",\"message\":\"instance 'a-b-c' is running\"}", "[2,1]");

    assertThat(DIFF.differences(fake, real)).isEmpty();
  }

  @Test
  void aWrongReferenceAShapeAndAValueAreDifferences() {
    WireScript.Run fake = run("fake", "{\"id\":\"7\",\"startTime\":\"2025-01-01T00:00:00.000+00:00\",\"ended\":false}",
        "{\"instanceId\":\"8\"}", "[1,2]");
    WireScript.Run real = run("real", "{\"id\":\"u1\",\"startTime\":\"2026-12-02T18:00:00.000Z\",\"ended\":true}",
        "{\"instanceId\":\"u1\"}", "[1,3]");

    assertThat(DIFF.differences(fake, real)).containsExactly(
        "start: /body/ended: fake false, real true",
        "start: /body/startTime: fake \"0000-00-00T00:00:00.000+00:00\", real \"0000-00-00T00:00:00.000Z\"",
        "get: /body/instanceId: fake \"<id#2>\", real \"<id#1>\"",
        "links: /body/1: fake 2, real 3");
  }
}
