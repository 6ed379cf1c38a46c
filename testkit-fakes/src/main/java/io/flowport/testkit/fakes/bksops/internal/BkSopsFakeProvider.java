package io.flowport.testkit.fakes.bksops.internal;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.bksops.FakeBkSopsServer;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FakeServerProvider} of the {@link FakeBkSopsServer}: {@code --bk-sops-port}, optional app
 * credentials ({@code --bk-sops-app-code}, {@code --bk-sops-app-secret}); each file of
 * {@code --definitions} becomes a template, numbered from 1 in the order they are read. Not API:
 * found by ServiceLoader.
 */
public final class BkSopsFakeProvider implements FakeServerProvider {
  private static final String APP_CODE = "--bk-sops-app-code";
  private static final String APP_SECRET = "--bk-sops-app-secret";

  @Override
  public String name() {
    return "bk-sops";
  }

  @Override
  public String portHelp() {
    return "serve bk-sops' API gateway resources (base path " + FakeBkSopsServer.DEFAULT_BASE_PATH
        + ", bk_biz_id " + FakeBkSopsServer.DEFAULT_BIZ_ID + "); --definitions become templates 1, 2, ...";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(APP_CODE, "C", "require X-Bkapi-Authorization with this bk_app_code ..."),
        new Option(APP_SECRET, "S", "... and this bk_app_secret (both or neither)"));
  }

  @Override
  public void check(Map<String, String> values) {
    if (values.containsKey(APP_CODE) != values.containsKey(APP_SECRET)) {
      throw new IllegalArgumentException(APP_CODE + " and " + APP_SECRET + " go together");
    }
  }

  @Override
  public RunningFake start(Launch launch) {
    FakeBkSopsServer.Builder b = FakeBkSopsServer.builder().host(launch.host()).port(launch.port())
        .onRequest(launch.requestLog());
    String app = launch.options().get(APP_CODE);
    if (app != null) {
      b.appCredentials(app, launch.options().get(APP_SECRET));
    }
    FakeBkSopsServer server = b.start();
    String description = "API gateway listening on " + HostPort.of(server.host(), server.port()) + ", base URL "
        + server.baseUrl() + (app != null ? " (app " + app + ")" : " (no app check)");
    AtomicInteger nextTemplate = new AtomicInteger(1);
    return new RunningFake() { // RunningFake.of, with definition files made templates
      @Override
      public Object server() {
        return server;
      }

      @Override
      public io.flowport.testkit.engine.InMemoryEngine engine() {
        return server.engine();
      }

      @Override
      public FaultPlan faults() {
        return server.faults();
      }

      @Override
      public RequestLog requestLog() {
        return server.requestLog();
      }

      @Override
      public int port() {
        return server.port();
      }

      @Override
      public String describe() {
        return description;
      }

      /** A definition file becomes the next template. */
      @Override
      public EngineDeployment deploy(String fileName, byte[] content) {
        String id = Integer.toString(nextTemplate.get());
        DeployedModel d = server.addTemplate(id, fileName, content);
        nextTemplate.incrementAndGet();
        launch.requestLog().accept("template " + id + " = " + d.processId() + " (" + fileName + ")");
        return new EngineDeployment(d.deploymentKey(), d.tenantId(), List.of(d));
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
