package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import io.flowport.core.auth.Credentials;
import io.flowport.spring.boot.autoconfigure.FlowportProperties.TestEngine;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test engines behind the clients when {@code flowport.test-engine} is {@code in-memory} or
 * {@code fake}: a test injects this bean to deploy models, complete jobs or look at instances.
 *
 * <pre>{@code
 * @SpringBootTest(properties = "flowport.test-engine=in-memory")
 * class OrderServiceTest {
 *   @Autowired FlowportTestEngines engines;
 *   @Test void approves() { engines.engine("orders").deploy(...); ... }
 * }
 * }</pre>
 */
public final class FlowportTestEngines implements AutoCloseable {
  /** The engines {@link TestEngine#FAKE} has a wire fake for. */
  public static final List<String> WIRE_FAKES = List.of("flowable", "zeebe");

  private final TestEngine mode;
  private final InMemoryEngine shared;
  private final Map<String, WireFakes.WireFake> fakes = new ConcurrentHashMap<>();

  FlowportTestEngines(TestEngine mode, InMemoryEngine shared) {
    this.mode = mode;
    this.shared = shared;
  }

  static boolean hasWireFake(String engine) {
    return engine != null && WIRE_FAKES.contains(engine.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * {@link TestEngine#IN_MEMORY} or {@link TestEngine#FAKE}.
   *
   * @return the test engine
   */
  public TestEngine mode() {
    return mode;
  }

  /**
   * {@return the engine behind client {@code clientName}: the one shared engine in {@code in-memory} mode,
   * the client's own fake's engine in {@code fake} mode}
   *
   * @param clientName the client name
   * @throws IllegalArgumentException in fake mode, for a client that was not made (yet)
   */
  public InMemoryEngine engine(String clientName) {
    return mode == TestEngine.IN_MEMORY ? shared : fake(clientName).engine();
  }

  /**
   * {@return where client {@code clientName}'s fake listens (fake mode), or null (in-memory mode)}
   *
   * @param clientName the client name
   */
  public String endpoint(String clientName) {
    return mode == TestEngine.IN_MEMORY ? null : fake(clientName).endpoint();
  }

  /** The client of {@code config} on its test engine. */
  WorkflowClient client(String name, ClientConfig config) {
    if (mode == TestEngine.IN_MEMORY) {
      return InMemoryWorkflowClient.create(shared, config.options());
    }
    WireFakes.WireFake fake = fakes.computeIfAbsent(name, n -> WireFakes.start(config.engine()));
    // The fakes take no credentials and speak plaintext gRPC.
    ClientConfig.Builder onFake = ClientConfig.builder(config.engine()).endpoint(fake.endpoint())
        .credentials(Credentials.none()).options(config.options());
    config.settings().forEach(onFake::setting);
    if (config.engine().equals("zeebe")) {
      onFake.setting("plaintext", "true");
    }
    return WorkflowClients.create(onFake.build());
  }

  private WireFakes.WireFake fake(String clientName) {
    WireFakes.WireFake fake = fakes.get(clientName);
    if (fake == null) {
      throw new IllegalArgumentException("no fake for client '" + clientName + "' (made on first use of the client); have "
          + fakes.keySet());
    }
    return fake;
  }

  /** Stops the fakes. */
  @Override
  public void close() {
    fakes.values().forEach(WireFakes.WireFake::close);
    fakes.clear();
  }
}
