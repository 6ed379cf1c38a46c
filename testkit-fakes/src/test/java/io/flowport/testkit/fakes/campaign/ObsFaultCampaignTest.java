package io.flowport.testkit.fakes.campaign;

import io.flowport.core.model.StartRequest;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.testkit.fakes.obs.FakeObsServer;

/** The fault campaign on Huawei OBS workflows over the fake service (no cancel, no publish, no variable writes). */
class ObsFaultCampaignTest extends FaultCampaignContract {
  private static final String AK = "CAMPAIGNACCESSKEY001";
  private static final String SK = "campaign-secret";

  @Override
  protected CampaignTarget target() {
    FakeObsServer fake = FakeObsServer.builder().accessKey(AK, SK).start();
    fake.defineWorkflow("waits", "[{\"name\":\"work\",\"action\":\"wait\"}]");
    return new RestCampaignTarget("obs", fake,
        options -> ObsClient.builder().baseUrl(fake.baseUrl()).credentials(ObsCredentials.of(AK, SK))
            .defaultObject("campaign-bucket", "o").options(options).build(),
        vars -> StartRequest.of("waits").variables(vars).build());
  }
}
