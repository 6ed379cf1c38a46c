package io.flowport.spring.boot.autoconfigure;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;

/** Starts the wire fake of an engine; only loaded in fake mode, so testkit-fakes stays optional. */
final class WireFakes {
  private WireFakes() {}

  /** A running fake: its engine, where it listens, and how to stop it. */
  record WireFake(InMemoryEngine engine, String endpoint, AutoCloseable server) {
    void close() {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("the fake at " + endpoint + " did not stop", e);
      }
    }
  }

  static WireFake start(String engine) {
    return switch (engine) {
      case "flowable" -> {
        FakeFlowableServer server = FakeFlowableServer.start();
        yield new WireFake(server.engine(), server.baseUrl(), server);
      }
      case "zeebe" -> {
        FakeZeebeGateway gateway = FakeZeebeGateway.start();
        yield new WireFake(gateway.engine(), gateway.address(), gateway);
      }
      default -> throw new IllegalArgumentException("no wire fake for engine '" + engine + "'");
    };
  }
}
