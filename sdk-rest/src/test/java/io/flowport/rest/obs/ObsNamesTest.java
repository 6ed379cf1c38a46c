package io.flowport.rest.obs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each of the seed's name rules at its boundary: the last name that passes, the first that fails. */
class ObsNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "Graph_1-x", "9-_", "A"})
  void graphNamesThatFollowTheRules(String name) {
    assertThat(ObsNames.graphProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_a", "-a", "a.b", "a b", "a/b", "图"})
  void graphNamesThatBreakThem(String name) {
    assertThat(ObsNames.graphProblem(name)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void graphNamesHaveAtMost64Characters() {
    assertThat(ObsNames.graphProblem("g".repeat(64))).isEmpty();
    assertThat(ObsNames.graphProblem("g".repeat(65))).get().asString().contains("at most 64");
    assertThat(ObsNames.graphProblem(null)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a.b", "a-b", "0bucket", "my.bucket-1", "1.2.3.a", "1.2.3"})
  void bucketNamesThatFollowTheRules(String name) {
    assertThat(ObsNames.bucketProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Abc", "a_b", "a b", "-abc", ".abc", "abc-", "abc.", "my..bucket", "my-.bucket",
      "my.-bucket", "192.168.1.1", "10.0.0.255"})
  void bucketNamesThatBreakThem(String name) {
    assertThat(ObsNames.bucketProblem(name)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void bucketNamesHave3To63Characters() {
    assertThat(ObsNames.bucketProblem("abc")).isEmpty();
    assertThat(ObsNames.bucketProblem("ab")).get().asString().contains("3 to 63");
    assertThat(ObsNames.bucketProblem("b".repeat(63))).isEmpty();
    assertThat(ObsNames.bucketProblem("b".repeat(64))).get().asString().contains("3 to 63");
    assertThat(ObsNames.bucketProblem(null)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void objectNamesHave1To1024Characters() {
    assertThat(ObsNames.objectProblem("o")).isEmpty();
    assertThat(ObsNames.objectProblem("folder/test.txt")).isEmpty();
    assertThat(ObsNames.objectProblem("o".repeat(1024))).isEmpty();
    assertThat(ObsNames.objectProblem("o".repeat(1025))).get().asString().contains("at most 1024")
        .hasSizeLessThan(200); // the message quotes no kilobyte of name
    assertThat(ObsNames.objectProblem("")).isPresent();
    assertThat(ObsNames.objectProblem(null)).isPresent();
  }
}
