package io.flowport.testkit.fakes.zeebe.internal;

import io.flowport.testkit.fakes.internal.BpmnDialect;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;

/** {@link FakeServerProvider} of the {@link FakeZeebeGateway}: {@code --zeebe-port}. Not API: found by ServiceLoader. */
public final class ZeebeFakeProvider implements FakeServerProvider {
  @Override
  public String name() {
    return "zeebe";
  }

  @Override
  public String portHelp() {
    return "serve the Zeebe gateway (gRPC, plaintext)";
  }

  @Override
  public RunningFake start(Launch launch) {
    FakeZeebeGateway gateway = FakeZeebeGateway.builder().host(launch.host()).port(launch.port())
        .onRequest(launch.requestLog())
        .start();
    // the engine takes both dialects; the fake, like its engine, only its own (and plain BPMN)
    return BpmnDialect.ZEEBE.deployingOnlyItsOwn(RunningFake.of(gateway, gateway.engine(), gateway.faults(), gateway.requestLog(), gateway.port(),
        "gRPC gateway listening on " + HostPort.of(gateway.host(), gateway.port())
            + ", gateway address " + gateway.address() + " (plaintext)"));
  }
}
