package io.flowport.samples;

import io.flowport.testkit.contract.ContractTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main sample: the same scenario on every engine Flowport speaks to, each behind its wire
 * fake on a local port (and the in-memory client), printed side by side. No engine needs to be
 * installed.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Map<String, Supplier<ContractTarget>> targets = new LinkedHashMap<>();
    targets.put("in-memory", InMemoryTarget::new);

    Map<String, List<Scenario.Outcome>> results = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<ContractTarget>> e : targets.entrySet()) {
      System.out.printf("running the scenario on %s ...%n", e.getKey());
      try (ContractTarget target = e.getValue().get()) {
        results.put(e.getKey(), new Scenario(target).run());
      }
    }
    System.out.println();
    System.out.print(Scenario.table(results));
  }
}
