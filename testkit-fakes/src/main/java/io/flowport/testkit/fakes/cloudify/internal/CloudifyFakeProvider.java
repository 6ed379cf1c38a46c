package io.flowport.testkit.fakes.cloudify.internal;

import io.flowport.testkit.fakes.cloudify.CloudifyContractTargets;
import io.flowport.testkit.fakes.cloudify.FakeCloudifyManager;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeServerProvider} of the {@link FakeCloudifyManager}: {@code --cloudify-port}, a blueprint
 * document ({@code --cloudify-blueprint F}; the contract blueprint by default), and optional
 * basic auth ({@code --cloudify-user}, {@code --cloudify-password}) or token
 * ({@code --cloudify-token}). Not API: found by ServiceLoader.
 */
public final class CloudifyFakeProvider implements FakeServerProvider {
  private static final String BLUEPRINT = "--cloudify-blueprint";
  private static final String USER = "--cloudify-user";
  private static final String PASSWORD = "--cloudify-password";
  private static final String TOKEN = "--cloudify-token";

  @Override
  public String name() {
    return "cloudify";
  }

  @Override
  public String portHelp() {
    return "serve the Cloudify manager's executions API (base path " + FakeCloudifyManager.BASE_PATH + ")";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(BLUEPRINT, "F", "the Cloudify fake's blueprint document (JSON; default: the contract blueprint)"),
        new Option(USER, "U", "require HTTP basic auth on the Cloudify API with this user ..."),
        new Option(PASSWORD, "P", "... and this password (both or neither)"),
        new Option(TOKEN, "T", "require Authentication-Token T on the Cloudify API (or the basic auth, when set)"));
  }

  @Override
  public void check(Map<String, String> values) {
    if (values.containsKey(USER) != values.containsKey(PASSWORD)) {
      throw new IllegalArgumentException(USER + " and " + PASSWORD + " go together");
    }
    if (values.containsKey(BLUEPRINT) && !Files.isReadable(Path.of(values.get(BLUEPRINT)))) {
      throw new IllegalArgumentException(BLUEPRINT + ": cannot read " + values.get(BLUEPRINT));
    }
  }

  @Override
  public RunningFake start(Launch launch) {
    FakeCloudifyManager.Builder b = FakeCloudifyManager.builder().host(launch.host()).port(launch.port())
        .onRequest(launch.requestLog());
    String file = launch.options().get(BLUEPRINT);
    if (file == null) {
      b.blueprint(CloudifyContractTargets.BLUEPRINT);
    } else {
      try {
        b.blueprint(Files.readAllBytes(Path.of(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String user = launch.options().get(USER);
    if (user != null) {
      b.basicAuth(user, launch.options().get(PASSWORD));
    }
    if (launch.options().get(TOKEN) != null) {
      b.token(launch.options().get(TOKEN));
    }
    FakeCloudifyManager server = b.start();
    boolean auth = user != null || launch.options().get(TOKEN) != null;
    return RunningFake.of(server, server.engine(), server.faults(), server.requestLog(), server.port(),
        "REST API listening on " + HostPort.of(server.host(), server.port()) + ", base URL " + server.baseUrl()
            + (auth ? " (auth required)" : " (no auth)"));
  }
}
