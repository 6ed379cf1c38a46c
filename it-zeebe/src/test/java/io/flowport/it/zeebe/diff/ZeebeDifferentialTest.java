package io.flowport.it.zeebe.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.it.zeebe.RealZeebeEngine;
import io.flowport.it.zeebe.RealZeebeEngineExtension;
import io.flowport.testkit.fakes.diff.Exclusion;
import io.flowport.testkit.fakes.diff.WireAnswer;
import io.flowport.testkit.fakes.diff.WireDiff;
import io.flowport.testkit.fakes.diff.WireScript;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fake Zeebe gateway against the real Zeebe engine's gateway, on the wire: one scripted list of
 * raw gRPC exchanges ({@link ZeebeScript}) runs against both, and every answer must match (status
 * code, description, message fields and values) except what {@link #EXCLUSIONS} names. Differences
 * that cannot be fixed in the fake are listed in {@code io.flowport.testkit.fakes.zeebe}'s package-info.
 */
@ExtendWith(RealZeebeEngineExtension.class)
class ZeebeDifferentialTest {

  /** The one step whose answers differ by design (package-info: "Deliberate differences"). */
  static final String NOT_AN_OBJECT = "create with variables [1,2]";

  /** Everything left out of the comparison, each once, with why it cannot match. */
  static final List<Exclusion> EXCLUSIONS = List.of(
      Exclusion.ids("key", "(?i).*key",
          "generated keys (partition-encoded longs on Zeebe; the fake's own), numbered by first sight"),
      Exclusion.values("time", "deadline", "a job's deadline is the activation time plus its timeout"),
      Exclusion.anyValue("host", "host", "the gateway's advertised host"),
      Exclusion.values("port", "port", "each gateway listens on its own free port"),
      Exclusion.anyValue("version", "gatewayVersion",
          "the fake names itself (\"<zeebe version>-flowport-fake\"); package-info"),
      Exclusion.anyValue("tenant", "tenantId",
          "the fake answers the tenant \"<default>\" as Zeebe 8.3+ gateways do; the in-process test engine leaves it"
              + " empty (package-info)"),
      Exclusion.step("variables-not-an-object", "create with variables \\[1,2\\]",
          "the test engine answers UNKNOWN \"Application error processing RPC\", a real gateway INVALID_ARGUMENT;"
              + " the fake follows the proto (package-info, Deliberate differences)"));

  static final WireDiff DIFF = new WireDiff(EXCLUSIONS);

  @Test
  void theFakeAnswersAsTheRealGateway(RealZeebeEngine real) throws InterruptedException {
    String suffix = "x" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    WireScript<RawGateway> script = ZeebeScript.script(suffix);

    WireScript.Run realRun = run(script, "real", real.address());
    WireScript.Run fakeRun;
    try (FakeZeebeGateway fake = FakeZeebeGateway.start()) {
      fakeRun = run(script, "fake", fake.address());
    }

    List<String> differences = DIFF.differences(fakeRun, realRun);
    assertThat(differences)
        .as("fake vs real Zeebe, %d steps; real answers: %s", script.names().size(), DIFF.normalise(realRun))
        .isEmpty();
    // The excluded step still holds each side to what package-info says.
    WireAnswer fakeArray = fakeRun.answer(NOT_AN_OBJECT);
    WireAnswer realArray = realRun.answer(NOT_AN_OBJECT);
    assertThat(fakeArray.status()).isEqualTo("INVALID_ARGUMENT");
    assertThat(realArray.status()).isEqualTo("UNKNOWN");
  }

  private static WireScript.Run run(WireScript<RawGateway> script, String target, String address)
      throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
    try {
      return script.run(target, new RawGateway(channel));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
