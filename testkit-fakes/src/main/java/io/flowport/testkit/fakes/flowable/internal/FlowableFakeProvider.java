package io.flowport.testkit.fakes.flowable.internal;

import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.internal.BpmnDialect;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeServerProvider} of the {@link FakeFlowableServer}: {@code --flowable-port} and optional
 * basic auth ({@code --flowable-user}, {@code --flowable-password}). Not API: found by ServiceLoader.
 */
public final class FlowableFakeProvider implements FakeServerProvider {
  private static final String USER = "--flowable-user";
  private static final String PASSWORD = "--flowable-password";

  @Override
  public String name() {
    return "flowable";
  }

  @Override
  public String portHelp() {
    return "serve the Flowable REST API (base path " + FakeFlowableServer.DEFAULT_BASE_PATH + ")";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(USER, "U", "require HTTP basic auth on the Flowable API with this user ..."),
        new Option(PASSWORD, "P", "... and this password (both or neither)"));
  }

  @Override
  public void check(Map<String, String> values) {
    if (values.containsKey(USER) != values.containsKey(PASSWORD)) {
      throw new IllegalArgumentException(USER + " and " + PASSWORD + " go together");
    }
    if (values.containsKey(USER) && values.get(USER).isBlank()) {
      throw new IllegalArgumentException(USER + " must not be blank");
    }
  }

  @Override
  public RunningFake start(Launch launch) {
    FakeFlowableServer.Builder b = FakeFlowableServer.builder().host(launch.host()).port(launch.port())
        .onRequest(launch.requestLog());
    String user = launch.options().get(USER);
    if (user != null) {
      b.basicAuth(user, launch.options().get(PASSWORD));
    }
    FakeFlowableServer server = b.start();
    // the engine takes both dialects; the fake, like its engine, only its own (and plain BPMN)
    return BpmnDialect.FLOWABLE.deployingOnlyItsOwn(RunningFake.of(server, server.engine(), server.faults(), server.requestLog(), server.port(),
        "REST API listening on " + HostPort.of(server.host(), server.port()) + ", base URL " + server.baseUrl()
            + (user != null ? " (basic auth, user " + user + ")" : " (no auth)")));
  }
}
