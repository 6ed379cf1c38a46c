package io.flowport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
  private static final Map<String, String> DOCUMENTED = documented();

  private static Map<String, String> documented() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("plaintext", "true for no TLS");
    m.put("keepAlive", "an ISO-8601 duration");
    return m;
  }

  private static ClientSettings settings(String name, String value) {
    return ClientSettings.of(ClientConfig.builder("acme").setting(name, value).build(), DOCUMENTED);
  }

  @Test
  void anUnknownSettingFailsWithTheValidOnes() {
    assertThatThrownBy(() -> settings("plaintxt", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting 'plaintxt' for acme")
        .hasMessageContaining("plaintext (true for no TLS)")
        .hasMessageContaining("keepAlive (an ISO-8601 duration)");
  }

  @Test
  void anAdapterWithoutSettingsRefusesEveryOne() {
    ClientConfig config = ClientConfig.builder("acme").setting("tenant", "t1").build();
    assertThatThrownBy(() -> ClientSettings.of(config, Map.of()))
        .hasMessageContaining("'tenant'")
        .hasMessageContaining("reads no settings");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", " True "})
  void trueInAnyCaseIsTrue(String value) {
    assertThat(settings("plaintext", value).flag("plaintext", false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE"})
  void falseInAnyCaseIsFalse(String value) {
    assertThat(settings("plaintext", value).flag("plaintext", true)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", ""})
  void aFlagThatIsNeitherTrueNorFalseFails(String value) {
    ClientSettings s = settings("plaintext", value);
    assertThatThrownBy(() -> s.flag("plaintext", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setting 'plaintext' of acme is '" + value + "'")
        .hasMessageContaining("expected true or false");
  }

  @Test
  void anUnsetFlagIsItsFallback() {
    ClientSettings s = ClientSettings.of(ClientConfig.builder("acme").build(), DOCUMENTED);
    assertThat(s.flag("plaintext", true)).isTrue();
    assertThat(s.duration("keepAlive")).isNull();
    assertThat(s.string("keepAlive")).isNull();
  }

  @Test
  void durationsAreIso8601() {
    assertThat(settings("keepAlive", "PT45S").duration("keepAlive")).isEqualTo(Duration.ofSeconds(45));
    assertThatThrownBy(() -> settings("keepAlive", "45s").duration("keepAlive"))
        .hasMessageContaining("expected an ISO-8601 duration");
    assertThatThrownBy(() -> settings("keepAlive", "-PT1S").duration("keepAlive"))
        .hasMessageContaining("not negative");
  }

  @Test
  void readingAnUndocumentedSettingIsTheAdaptersBug() {
    ClientSettings s = ClientSettings.of(ClientConfig.builder("acme").build(), DOCUMENTED);
    assertThatThrownBy(() -> s.string("region")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFamilyOfSettingsIsReadByItsMembersNames() {
    Map<String, String> documented = Map.of("template.*", "a template id by name");
    ClientConfig config = ClientConfig.builder("acme").setting("template.order", "7").setting("template.refund", "9").build();
    assertThat(ClientSettings.of(config, documented).family("template")).containsExactly(
        Map.entry("order", "7"), Map.entry("refund", "9"));
    assertThatThrownBy(() -> ClientSettings.of(ClientConfig.builder("acme").setting("templat.order", "7").build(),
        documented)).hasMessageContaining("'templat.order'").hasMessageContaining("template.*");
    assertThatThrownBy(() -> ClientSettings.of(ClientConfig.builder("acme").setting("template.", "7").build(),
        documented)).hasMessageContaining("'template.'");
  }
}
