package io.flowport.testkit.fakes.bksops;

import io.flowport.core.ClientOptions;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.testkit.contract.AbstractContractTarget;
import io.flowport.testkit.contract.BpmnContractResources;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.Scenario;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContractTarget}s for bk-sops: a {@link BkSopsClient} over the fake bk-sops gateway
 * (which the target owns and closes), or over a client to a real gateway.
 *
 * <p>bk-sops' gateway API cannot deploy (templates are made in its web UI), so the scenarios are
 * templates the target puts there: on the fake, the contract's BPMN (Zeebe dialect, which the
 * in-memory engine runs) under the template ids of {@link #TEMPLATE_IDS}; on a real bk-sops, the
 * user makes templates with the same node ids and passes their ids. bk-sops has no messages, so
 * the message scenarios have no resources; the task {@code work} is a ServiceActivity completed by
 * {@code node_callback}.
 */
public final class BkSopsContractTargets {
  /** The template id of each scenario the fake serves. */
  public static final Map<Scenario, String> TEMPLATE_IDS = Map.of(
      Scenario.NOOP, "1", Scenario.ONE_TASK, "2", Scenario.EXCLUSIVE_GATEWAY, "3", Scenario.SUBPROCESS, "4");

  private BkSopsContractTargets() {}

  /**
   * bk-sops' differences: no business keys, no start by message, no message ids or buffering, and
   * a force-fail's message is bk-sops' own.
   *
   * @return the expectations
   */
  public static Expectations expectations() {
    return Expectations.builder()
        .forceFailKeepsMessage(false)
        .businessKeys(false)
        .startByMessage(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .build();
  }

  /**
   * {@return a BkSopsClient on a fresh fake gateway serving the contract's templates; closing the target stops both}
   *
   * @param options the options
   */
  public static ContractTarget fake(ClientOptions options) {
    FakeBkSopsServer server = FakeBkSopsServer.start();
    try {
      TEMPLATE_IDS.forEach((scenario, id) -> {
        Resource bpmn = BpmnContractResources.ZEEBE.resources(scenario).orElseThrow().resources().get(0);
        server.addTemplate(id, bpmn.name(), bpmn.content());
      });
      BkSopsClient client = BkSopsClient.builder().baseUrl(server.baseUrl()).bizId(FakeBkSopsServer.DEFAULT_BIZ_ID)
          .options(options).build();
      return new BkSopsTarget(client, TEMPLATE_IDS, server);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * {@return a target on {@code client} to a real gateway, whose templates for the scenarios are {@code templateIds}; closes the client}
   *
   * @param client the client
   * @param templateIds the template ids
   */
  public static ContractTarget of(BkSopsClient client, Map<Scenario, String> templateIds) {
    return new BkSopsTarget(client, Map.copyOf(templateIds));
  }

  private static final class BkSopsTarget extends AbstractContractTarget {
    private final BkSopsClient bksops;
    private final Map<Scenario, String> templateIds;

    BkSopsTarget(BkSopsClient client, Map<Scenario, String> templateIds, AutoCloseable... owned) {
      super(client, BkSopsContractTargets.expectations(), owned);
      this.bksops = client;
      this.templateIds = templateIds;
    }

    /** The scenarios the templates express; the suite never deploys them (bk-sops cannot). */
    @Override
    public Optional<DeployRequest> resources(Scenario scenario) {
      return templateIds.containsKey(scenario) ? BpmnContractResources.ZEEBE.resources(scenario) : Optional.empty();
    }

    /** Templates have numeric ids; a scenario without one gets a template id nothing serves. */
    @Override
    public String definitionId(Scenario scenario) {
      return templateIds.getOrDefault(scenario, "999999999");
    }

    @Override
    public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
      bksops.callback(instanceId, "work", variables, null).get(30, TimeUnit.SECONDS);
    }
  }
}
