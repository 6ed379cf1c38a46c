package io.flowport.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's engine table is the one the clients' capabilities() make. */
class ReadmeCapabilitiesTest {

  @Test
  void readmeTableMatchesCapabilities() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(CapabilityTable.BEGIN);
    int end = readme.indexOf(CapabilityTable.END);
    assertThat(begin).as("README.md has the capability table markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String inReadme = readme.substring(begin + CapabilityTable.BEGIN.length(), end).strip();
    assertThat(inReadme)
        .as("README.md's table; regenerate it with the CapabilityTable main class")
        .isEqualTo(CapabilityTable.markdown().strip());
  }
}
