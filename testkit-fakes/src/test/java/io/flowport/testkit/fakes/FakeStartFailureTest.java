package io.flowport.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A fake whose port is taken fails with a FakeStartException that names the address and keeps the cause. */
class FakeStartFailureTest {

  private static void assertPortTaken(Throwable error, int port) {
    assertThat(error).isExactlyInstanceOf(FakeStartException.class);
    assertThat(error.getMessage()).contains("127.0.0.1:" + port).contains("in use");
    assertThat(error.getCause()).as("the bind failure underneath").isInstanceOf(BindException.class);
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertThat(t.getClass().getName()).as("no server library type reaches the caller").doesNotContain("wiremock")
          .doesNotContain("jetty");
    }
  }

  @Test
  void anHttpFakeOnATakenPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertPortTaken(catchThrowable(() -> FakeFlowableServer.builder().port(port).start().close()), port);
    }
  }

  @Test
  void theZeebeGatewayOnATakenPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertPortTaken(catchThrowable(() -> FakeZeebeGateway.start(port).close()), port);
    }
  }
}
