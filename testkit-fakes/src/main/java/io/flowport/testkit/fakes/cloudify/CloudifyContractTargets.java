package io.flowport.testkit.fakes.cloudify;

import io.flowport.core.ClientOptions;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.Resource;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyDefinitions;
import io.flowport.rest.cloudify.CloudifyStartPolicy;
import io.flowport.testkit.contract.AbstractContractTarget;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.contract.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ContractTarget}s for Cloudify: a {@link CloudifyClient} over a {@link FakeCloudifyManager}
 * that the target owns. Cloudify has no deploy over this API: the fake is arranged with the
 * contract blueprint ({@value #BLUEPRINT}: deployment {@code contract} with workflows
 * {@code contract-noop} (succeeds at once) and {@code contract-task} (waits until completed)), so
 * the scenarios' definitions are {@code contract:contract-noop} and {@code contract:contract-task};
 * the scenarios a Cloudify workflow cannot express (messages, gateways, subprocesses, an invalid
 * definition) have no resources. A target group is a fresh deployment group of deployments with the
 * same workflows.
 */
public final class CloudifyContractTargets {
  /** The class path resource of the contract blueprint. */
  public static final String BLUEPRINT = "io/flowport/testkit/fakes/cloudify/contract-blueprint.json";
  /** The deployment the contract's executions run on. */
  public static final String DEPLOYMENT = "contract";

  private CloudifyContractTargets() {}

  /**
   * Cloudify's differences: no business keys, no messages; a start answers {@code pending}
   * (CREATED), a group start {@code queued} (its members pending or queued); ended executions stay, so they are readable and cancelling one again is an illegal
   * transition.
   *
   * @return the expectations
   */
  public static Expectations expectations() {
    return Expectations.builder()
        .businessKeys(false)
        .startByMessage(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .endedInstancesReadable(true)
        .startedState(InstanceState.CREATED)
        .groupStartedState(InstanceState.QUEUED)
        .cancelOfEndedFailsWith(IllegalTransitionException.class)
        .build();
  }

  /**
   * {@return a CloudifyClient on a fresh fake manager with the contract blueprint; closing the target stops both}
   *
   * @param options the options
   */
  public static ContractTarget fake(ClientOptions options) {
    FakeCloudifyManager manager = FakeCloudifyManager.builder().blueprint(BLUEPRINT).start();
    // the suite runs many executions on one deployment at once: forced, as the manager allows
    CloudifyClient client = CloudifyClient.builder().baseUrl(manager.baseUrl()).options(options)
        .startPolicy(CloudifyStartPolicy.FORCE).build();
    return new CloudifyTarget(client, manager);
  }

  private static final class CloudifyTarget extends AbstractContractTarget {
    private final FakeCloudifyManager manager;
    private final AtomicInteger groups = new AtomicInteger();

    CloudifyTarget(CloudifyClient client, FakeCloudifyManager manager) {
      super(client, CloudifyContractTargets.expectations(), manager);
      this.manager = manager;
    }

    @Override
    public Optional<DeployRequest> resources(Scenario scenario) {
      return switch (scenario) {
        // already arranged on the fake (Cloudify deploys no blueprints over this API): named for the record
        case NOOP, ONE_TASK, GROUP_MEMBER -> Optional.of(DeployRequest.of(Resource.fromClasspath(BLUEPRINT)));
        default -> Optional.empty();
      };
    }

    @Override
    public String definitionId(Scenario scenario) {
      return CloudifyDefinitions.definitionId(DEPLOYMENT, scenario.definitionId());
    }

    @Override
    public void completeTask(String instanceId, Map<String, Object> variables) {
      manager.completeExecution(instanceId); // a Cloudify workflow returns no variables
    }

    @Override
    public Optional<String> prepareTargetGroup(int size) {
      String group = "contract-targets-" + groups.incrementAndGet();
      List<String> deployments = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        deployments.add("\"" + group + "-" + i + "\"");
      }
      String doc = "{\"blueprint_id\":\"contract\",\"workflows\":{\"contract-task\":{\"run\":\"wait\"},"
          + "\"contract-noop\":{\"run\":\"succeed\"}},\"deployments\":" + deployments
          + ",\"deployment_groups\":{\"" + group + "\":" + deployments + "}}";
      manager.loadBlueprint(doc.getBytes(StandardCharsets.UTF_8));
      return Optional.of(group);
    }
  }
}
