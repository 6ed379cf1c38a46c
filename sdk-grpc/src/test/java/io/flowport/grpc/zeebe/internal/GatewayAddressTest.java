package io.flowport.grpc.zeebe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.grpc.zeebe.internal.StaticAddressesResolverFactory.HostPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address forms a Camunda/Zeebe user writes, as they come from their configuration. */
class GatewayAddressTest {

  @ParameterizedTest
  @CsvSource({
      "localhost:26500, localhost, 26500",
      "http://localhost:26500, localhost, 26500",
      "https://zeebe.example.com:443, zeebe.example.com, 443",
      "grpc://gw:1234, gw, 1234",
      "grpcs://gw:1234, gw, 1234",
      "dns:///gw:1234, gw, 1234",
      "http://localhost:26500/, localhost, 26500",
      "localhost, localhost, 26500",
      "http://gw, gw, 26500",
      "[::1]:26500, ::1, 26500",
      "http://[::1]:26501, ::1, 26501",
      "[::1], ::1, 26500",
      "' 10.0.0.1:26500 ', 10.0.0.1, 26500",
  })
  void acceptedForms(String address, String host, int port) {
    assertThat(HostPort.parse(address)).isEqualTo(new HostPort(host, port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":26500", "http://", "localhost:", "localhost:x", "localhost:0", "localhost:65536",
      "[::1", "[::1]x", "::1:26500"})
  void refusedFormsSayWhatIsExpected(String address) {
    assertThatThrownBy(() -> HostPort.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1:26500", "fe80::1"})
  void aBareIpv6AddressIsToldToUseBrackets(String address) {
    assertThatThrownBy(() -> HostPort.parse(address)).hasMessageContaining("[v6]:port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:26500", "LocalHost:1", "127.0.0.1:26500", "127.255.255.254:1", "127.000.0.1:1",
      "[::1]:26500", "[0:0:0:0:0:0:0:1]:26500", "[::ffff:127.0.0.1]:1"})
  void loopbackHostsAreThisMachine(String address) {
    assertThat(HostPort.parse(address).isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway.example.com:26500", "10.0.0.1:26500", "128.0.0.1:1", "127.0.0.256:1",
      "localhost.example.com:1", "127.0.0.1.nip.io:1", "[::2]:1", "[fe80::1]:1", "0.0.0.0:1"})
  void otherHostsAreNotLoopbackAndAreNeverLookedUp(String address) {
    assertThat(HostPort.parse(address).isLoopback()).isFalse();
  }
}
