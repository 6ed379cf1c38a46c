package io.flowport.testkit.fakes.campaign;

import io.flowport.core.model.StartRequest;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyStartPolicy;
import io.flowport.testkit.fakes.cloudify.CloudifyContractTargets;
import io.flowport.testkit.fakes.cloudify.FakeCloudifyManager;

/** The fault campaign on Cloudify over the fake manager (no publish, no variable writes). */
class CloudifyFaultCampaignTest extends FaultCampaignContract {
  @Override
  protected CampaignTarget target() {
    FakeCloudifyManager fake = FakeCloudifyManager.builder().blueprint(CloudifyContractTargets.BLUEPRINT).start();
    return new RestCampaignTarget("cloudify", fake,
        options -> CloudifyClient.builder().baseUrl(fake.baseUrl()).options(options)
            .startPolicy(CloudifyStartPolicy.FORCE).build(),
        vars -> StartRequest.of("contract:contract-task").variables(vars).build());
  }
}
