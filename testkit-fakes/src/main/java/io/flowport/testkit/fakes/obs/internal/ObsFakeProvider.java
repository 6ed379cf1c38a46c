package io.flowport.testkit.fakes.obs.internal;

import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.obs.FakeObsServer;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeServerProvider} of the {@link FakeObsServer}: {@code --obs-port} and optional V2
 * signature checking ({@code --obs-access-key}, {@code --obs-secret-key}). BPMN files of
 * {@code --definitions} go into the engine but are no OBS workflows: define those through the
 * template and workflow API. Not API: found by ServiceLoader.
 */
public final class ObsFakeProvider implements FakeServerProvider {
  private static final String ACCESS_KEY = "--obs-access-key";
  private static final String SECRET_KEY = "--obs-secret-key";

  @Override
  public String name() {
    return "obs";
  }

  @Override
  public String portHelp() {
    return "serve the Huawei OBS workflow REST API (/v2/workflows, /v2/workflowexecutions, ...)";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(ACCESS_KEY, "AK", "require OBS V2 signatures with this access key id ..."),
        new Option(SECRET_KEY, "SK", "... and this secret key (both or neither)"));
  }

  @Override
  public void check(Map<String, String> values) {
    if (values.containsKey(ACCESS_KEY) != values.containsKey(SECRET_KEY)) {
      throw new IllegalArgumentException(ACCESS_KEY + " and " + SECRET_KEY + " go together");
    }
    if (values.containsKey(ACCESS_KEY) && (values.get(ACCESS_KEY).isBlank() || values.get(SECRET_KEY).isBlank())) {
      throw new IllegalArgumentException(ACCESS_KEY + " and " + SECRET_KEY + " must not be blank");
    }
  }

  @Override
  public RunningFake start(Launch launch) {
    FakeObsServer.Builder b = FakeObsServer.builder().host(launch.host()).port(launch.port())
        .onRequest(launch.requestLog());
    String accessKey = launch.options().get(ACCESS_KEY);
    if (accessKey != null) {
      b.accessKey(accessKey, launch.options().get(SECRET_KEY));
    }
    FakeObsServer server = b.start();
    return RunningFake.of(server, server.engine(), server.faults(), server.requestLog(), server.port(),
        "REST API listening on " + HostPort.of(server.host(), server.port()) + ", endpoint " + server.baseUrl()
            + (accessKey != null ? " (V2 signatures, access key " + accessKey + ")" : " (no signature check)"));
  }
}
