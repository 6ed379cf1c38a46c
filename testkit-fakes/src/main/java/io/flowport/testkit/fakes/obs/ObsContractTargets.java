package io.flowport.testkit.fakes.obs;

import io.flowport.core.ClientOptions;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.testkit.contract.AbstractContractTarget;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContractTarget}s for OBS workflows: an {@link ObsClient} with signed requests over the
 * fake OBS workflow service, which the target owns and closes. OBS has no unified deploy, so the
 * target defines the scenarios it can express itself, through the client's own
 * {@code createTemplate} and {@code createWorkflow}: {@link Scenario#NOOP} and
 * {@link Scenario#ONE_TASK}, as the fake's state lists
 * ({@code io/flowport/testkit/fakes/obs/contract/*.json}: one {@code pass} state; one {@code wait}
 * state {@code work}). Messages, gateways and subprocesses have no OBS form. The task is completed
 * on the fake ({@link FakeObsServer#completeState}).
 */
public final class ObsContractTargets {
  /** The access key the fake target signs with. */
  static final String ACCESS_KEY = "CONTRACTACCESSKEY000";
  private static final String SECRET_KEY = "contract-secret-key-0000000000000000000";
  private static final List<Scenario> EXPRESSIBLE = List.of(Scenario.NOOP, Scenario.ONE_TASK);

  private ObsContractTargets() {}

  /**
   * OBS's differences: no business keys, no messages (so no start by message, ids or buffering).
   *
   * @return the expectations
   */
  public static Expectations expectations() {
    return Expectations.builder()
        .businessKeys(false)
        .startByMessage(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .build();
  }

  /**
   * {@return the state list of {@code scenario}, or empty when OBS cannot express it}
   *
   * @param scenario the scenario
   */
  public static Optional<DeployRequest> resources(Scenario scenario) {
    if (!EXPRESSIBLE.contains(scenario)) {
      return Optional.empty();
    }
    return Optional.of(DeployRequest.of(
        Resource.fromClasspath("io/flowport/testkit/fakes/obs/contract/" + scenario.definitionId() + ".json")));
  }

  /**
   * {@return an ObsClient on a fresh fake OBS workflow service with a signature check; closing the target stops both}
   *
   * @param options the options
   */
  public static ContractTarget fake(ClientOptions options) {
    FakeObsServer server = FakeObsServer.builder().accessKey(ACCESS_KEY, SECRET_KEY).start();
    ObsClient client = null;
    try {
      client = ObsClient.builder()
          .baseUrl(server.baseUrl())
          .credentials(ObsCredentials.of(ACCESS_KEY, SECRET_KEY))
          .defaultObject("contract-bucket", "contract/input.json")
          .options(options)
          .build();
      ObsTarget target = new ObsTarget(client, server);
      target.defineScenarios();
      return target;
    } catch (Exception e) {
      if (client != null) {
        client.close();
      }
      server.close();
      throw new IllegalStateException("cannot set up the OBS contract target", e);
    }
  }

  private static final class ObsTarget extends AbstractContractTarget {
    private final ObsClient obs;
    private final FakeObsServer server;

    ObsTarget(ObsClient client, FakeObsServer server) {
      super(client, ObsContractTargets.expectations(), server);
      this.obs = client;
      this.server = server;
    }

    /** Creates a template and a workflow per expressible scenario, named by the scenario's definition id. */
    void defineScenarios() throws Exception {
      for (Scenario s : EXPRESSIBLE) {
        Resource states = resources(s).orElseThrow().resources().get(0);
        Object parsed = JsonValues.MAPPER.readValue(states.content(), Object.class);
        String name = s.definitionId();
        obs.createTemplate(name, "Flowport contract scenario " + s, parsed, null, null).get(30, TimeUnit.SECONDS);
        obs.createWorkflow(name, name, "contract_agency", null, null).get(30, TimeUnit.SECONDS);
      }
    }

    @Override
    public Optional<DeployRequest> resources(Scenario scenario) {
      return ObsContractTargets.resources(scenario);
    }

    @Override
    public void completeTask(String instanceId, Map<String, Object> variables) {
      int slash = instanceId.indexOf('/');
      server.completeState(instanceId.substring(0, slash), instanceId.substring(slash + 1), "work", variables);
    }
  }
}
