package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackHostsTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LocalHost", "fake.localhost", "127.0.0.1", "127.255.255.254", "127.000.0.1",
      "::1", "[::1]", "0:0:0:0:0:0:0:1", "[::ffff:127.0.0.1]"})
  void thisMachine(String host) {
    assertThat(LoopbackHosts.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "engine.example.com", "10.0.0.1", "128.0.0.1", "127.0.0.256", "localhost.example.com",
      "127.0.0.1.nip.io", "127.example.com", "::2", "[fe80::1]", "0.0.0.0", "[not-v6]"})
  void anotherMachineOrANameNeverLookedUp(String host) {
    assertThat(LoopbackHosts.isLoopback(host)).isFalse();
  }
}
