package io.flowport.samples;

import io.flowport.core.ClientOptions;
import io.flowport.core.auth.Credentials;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.InMemoryContractTarget;
import io.flowport.testkit.fakes.bksops.BkSopsContractTargets;
import io.flowport.testkit.fakes.cloudify.CloudifyContractTargets;
import io.flowport.testkit.fakes.flowable.FlowableContractTargets;
import io.flowport.testkit.fakes.obs.ObsContractTargets;
import io.flowport.testkit.fakes.zeebe.ZeebeContractTargets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main sample: the same scenario on every engine Flowport speaks to, printed side by side.
 * With no arguments each adapter talks to its wire fake on a local port (and the in-memory client
 * runs too), so no engine needs to be installed. Given a real engine's address it uses that
 * engine instead of the fake:
 *
 * <pre>
 *   --zeebe host:port                 (or FLOWPORT_ZEEBE_ADDRESS; plaintext)
 *   --flowable http://host:port/base  (or FLOWPORT_FLOWABLE_URL)
 *   --flowable-user U --flowable-password P   (or FLOWPORT_FLOWABLE_USER / _PASSWORD)
 * </pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String zeebe = options.getOrDefault("zeebe", System.getenv("FLOWPORT_ZEEBE_ADDRESS"));
    String flowable = options.getOrDefault("flowable", System.getenv("FLOWPORT_FLOWABLE_URL"));
    String user = options.getOrDefault("flowable-user", System.getenv("FLOWPORT_FLOWABLE_USER"));
    String password = options.getOrDefault("flowable-password", System.getenv("FLOWPORT_FLOWABLE_PASSWORD"));

    Map<String, Supplier<ContractTarget>> targets = new LinkedHashMap<>();
    targets.put("in-memory", InMemoryContractTarget::new);
    if (zeebe == null) {
      targets.put("zeebe (fake gateway)", () -> ZeebeContractTargets.fake(ClientOptions.defaults()));
    } else {
      targets.put("zeebe " + zeebe, () -> ZeebeContractTargets.of(
          ZeebeClient.builder().gatewayAddress(zeebe).usePlaintext().build()));
    }
    if (flowable == null) {
      targets.put("flowable (fake REST)", () -> FlowableContractTargets.fake(ClientOptions.defaults()));
    } else {
      Credentials credentials = user == null ? Credentials.none() : Credentials.basic(user, password == null ? "" : password);
      targets.put("flowable " + flowable, () -> FlowableContractTargets.of(
          FlowableClient.builder().baseUrl(flowable).credentials(credentials).build()));
    }
    targets.put("bk-sops (fake gateway)", () -> BkSopsContractTargets.fake(ClientOptions.defaults()));
    targets.put("cloudify (fake REST)", () -> CloudifyContractTargets.fake(ClientOptions.defaults()));
    targets.put("obs (fake REST, signed)", () -> ObsContractTargets.fake(ClientOptions.defaults()));

    Map<String, List<Scenario.Outcome>> results = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<ContractTarget>> e : targets.entrySet()) {
      System.out.printf("running the scenario on %s ...%n", e.getKey());
      long started = System.nanoTime();
      try (ContractTarget target = e.getValue().get()) {
        results.put(e.getKey(), new Scenario(target).run());
      }
      System.out.printf("  done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
    System.out.println();
    System.out.print(Scenario.table(results));
    System.out.println();
    System.out.println("\"not supported\" is the engine's API, not a failure: see the table of engines in README.md.");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: [--zeebe host:port] [--flowable url] "
            + "[--flowable-user u --flowable-password p]; got '" + args[i] + "'");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
